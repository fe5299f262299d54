"""Writing off the UI thread: one writer, in order, and its news carried back.

The app's screens ask ``write(job, done=..., failed=...)``; the job runs on the writer
thread so a slow disk never freezes typing, and what came of it reaches the screen on
the UI thread as a message.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from textual.message import Message
from textual.reactive import reactive

from hearthside.errors import HearthsideError
from hearthside.services.crash_reports import UNEXPECTED, report_line, write_report
from hearthside.tui.notices import CalmNoticesApp

T = TypeVar("T")


class WriterReport(Message):
    """The writer thread's news, carried to the UI thread."""

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self.callback = callback


class WritingApp(CalmNoticesApp):
    """The app's writer thread; ``data_version`` goes up after each write that changed data."""

    home: Path
    _writer: ThreadPoolExecutor

    # Bumped whenever the journal changes (here or in another terminal); rooms watch it.
    data_version: reactive[int] = reactive(0, init=False)

    def write(
        self,
        job: Callable[[], T],
        *,
        done: Callable[[T], None] | None = None,
        failed: Callable[[HearthsideError], bool | None] | None = None,
        changes_data: bool = True,
    ) -> None:
        """Run ``job`` on the writer thread; report back on the UI thread.

        One thread keeps writes in the order they were asked for. A failed write
        calls ``failed`` (so the screen can keep what was typed) and shows a notice,
        unless ``failed`` returns True because it has handled the failure itself.
        """

        def run() -> None:
            try:
                result = job()
            except HearthsideError as exc:
                self._from_writer(self._write_failed, exc, failed)
            except Exception as exc:
                # A bug, not bad input: the screen waiting on this write still hears back,
                # and the report says where (never what was written).
                self._from_writer(self._write_failed, self._unexpected(exc), failed)
            else:
                self._from_writer(self._write_done, result, done, changes_data)

        self._writer.submit(run)

    def _unexpected(self, error: Exception) -> HearthsideError:
        try:
            report: Path | None = write_report(self.home, error)
        except Exception:
            report = None
        return HearthsideError(f"{UNEXPECTED} {report_line(report)}")

    def _from_writer(self, callback: Callable[..., None], *args: Any) -> None:
        # A message, not call_from_thread: that one waits for the UI thread, which
        # deadlocks when the UI thread is itself waiting for the writer (quitting).
        self.post_message(WriterReport(partial(callback, *args)))

    def on_writer_report(self, report: WriterReport) -> None:
        report.callback()

    def _write_done(self, result: T, done: Callable[[T], None] | None, changes_data: bool) -> None:
        if changes_data:
            self.data_version += 1
        if done is not None:
            done(result)

    def _write_failed(
        self, exc: HearthsideError, failed: Callable[[HearthsideError], bool | None] | None
    ) -> None:
        # A handler that returns True has dealt with it (asked a question, say).
        if failed is not None and failed(exc):
            return
        self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)

    async def wait_for_writes(self) -> None:
        """Until every write asked for so far has finished (tests and quitting use it)."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, lambda: self._writer.submit(lambda: None).result())
