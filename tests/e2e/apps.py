"""The app under test: the installed command, in a terminal or as a quick CLI call."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from hearthside.services.crash_reports import REPORTS
from hearthside.store.store import Store
from tests.e2e.tmux import TIMEOUT, Terminal


def need(tool: str, found: bool, how: str) -> None:
    """Fail in CI (which installs the tool), skip with the reason anywhere else."""
    if found:
        return
    message = f"{tool} is needed for this test ({how})"
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{message}; CI should have installed it", pytrace=False)
    pytest.skip(message)


class App:
    """The installed ``hearthside`` command, opened in the terminal or run as a CLI."""

    def __init__(self, command: Path, home: Path, terminal: Terminal) -> None:
        self.command = command
        self.home = home
        self.terminal = terminal

    def open(self, record: Path | None = None) -> Terminal:
        """Start the full-screen app on this home in the terminal (``record``: see
        Terminal.start)."""
        self.terminal.start(
            [str(self.command), "--home", str(self.home)],
            {"HEARTHSIDE_HOME": str(self.home)},
            record,
        )
        return self.terminal

    def run(self, *args: str) -> str:
        """A quick command (``log hug``, say); its output. Fails the test if it fails."""
        result = subprocess.run(
            [str(self.command), "--home", str(self.home), *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        assert result.returncode == 0, f"hearthside {' '.join(args)}: {result.stderr}"
        return result.stdout

    def quit(self) -> None:
        """ctrl+q, then wait for the app to end by itself with status 0."""
        self.terminal.press("C-q")
        status = self.terminal.wait_for_exit()
        assert status == 0, f"hearthside ended with status {status}:\n{self.terminal.screen()}"
        assert not self.crash_reports(), "hearthside wrote a crash report"

    def crash_reports(self) -> list[Path]:
        return sorted((self.home / REPORTS).glob("*"))

    @contextlib.contextmanager
    def journal(self) -> Iterator[Store]:
        """The journal as the app left it (open it once the app has quit)."""
        store = Store(self.home)
        try:
            yield store
        finally:
            store.close()
