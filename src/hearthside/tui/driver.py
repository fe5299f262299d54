"""Textual's terminal driver, made safe for a terminal that closes under the app.

When a terminal closes, writing to it fails (EIO). Textual writes from an output
thread fed by a queue that holds 30 writes; the failed write ends that thread, and
the UI thread, 30 writes later, waits for ever for room in the queue. It then never
gets back to the event loop, where SIGHUP and SIGTERM are handled: an app whose
terminal closed while it was still painting its first screen ran on, deaf to
everything but SIGKILL.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any, TextIO, cast

from textual.drivers.linux_driver import LinuxDriver


class ClosableOutput:
    """The terminal as the output thread sees it: once the terminal is gone, writes
    are dropped instead of ending the thread that the UI thread is waiting on."""

    def __init__(self, file: TextIO) -> None:
        self._file = file

    def write(self, text: str) -> int:
        try:
            return self._file.write(text)
        except OSError:
            return len(text)  # nobody is left to see it

    def flush(self) -> None:
        with contextlib.suppress(OSError):
            self._file.flush()

    def fileno(self) -> int:
        return self._file.fileno()


class TerminalDriver(LinuxDriver):
    """Textual's Linux driver, whose output outlives the terminal it writes to."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self._file is not None:
            # The output thread only writes, flushes and asks for the file number.
            self._file = cast(io.TextIOWrapper, ClosableOutput(self._file))
