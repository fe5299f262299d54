"""When the unexpected happens, nothing written is lost and nothing private leaks."""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import IO, cast

import pytest
from textual.drivers._writer_thread import WriterThread
from textual.widget import AwaitMount
from textual.widgets import TextArea

from hearthside.services.crash_reports import describe
from hearthside.services.drafts import pending_drafts
from hearthside.store.encryption.keys import Keyring
from hearthside.tui.app import make_app
from hearthside.tui.driver import ClosableOutput, TerminalDriver
from hearthside.tui.rooms.editor import EntryEditor
from tests.conftest import TODAY
from tests.tui.conftest import SIZE

SECRET = "our secret anniversary plan"


def test_a_report_names_where_but_never_what(tmp_path: Path) -> None:
    try:
        try:
            raise KeyError(SECRET)
        except KeyError as inner:
            raise ValueError(f"while saving {SECRET}") from inner
    except ValueError as error:
        report = describe(error)
    assert "ValueError" in report and "KeyError" in report
    assert "test_crash_and_signals.py" in report
    assert SECRET not in report


async def test_a_crash_while_editing_keeps_the_draft_and_the_secret(
    welcomed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: EntryEditor, then_leave: bool = False) -> None:
        raise RuntimeError(f"cannot save {SECRET}")

    monkeypatch.setattr(EntryEditor, "action_save", broken)
    app = make_app(home=welcomed, today=TODAY)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("2", "n")
            await pilot.pause()
            app.screen.query_one("#body", TextArea).insert(f"Tonight: {SECRET}")
            await pilot.press("ctrl+s")
            await pilot.pause()
    assert app.return_code == 1
    assert [d.body for d in pending_drafts(welcomed, Keyring())] == [f"Tonight: {SECRET}"]
    assert app.crash_report is not None and app.crash_report.exists()
    assert SECRET not in app.crash_report.read_text()
    assert oct(app.crash_report.stat().st_mode & 0o777) == "0o600"


CHILD = textwrap.dedent(
    """
    import sys
    from hearthside.cli.app import run_app
    import click
    from hearthside.tui.app import make_app
    from hearthside.tui.rooms.editor import EntryEditor

    app = make_app(home=sys.argv[1])
    mode = sys.argv[2]
    secret = sys.argv[3]

    async def start() -> None:
        await app.keys_handed_over()  # the first room has taken the frame's place
        app.switch_mode("journal")
        app.push_screen(EntryEditor())
        app.set_timer(0.5, type_and_maybe_fail)

    def type_and_maybe_fail() -> None:
        app.screen.query_one("#body").insert("Draft: " + secret)
        print("typing done", flush=True)
        if mode == "crash":
            raise RuntimeError("failed on " + secret)

    app.call_later(lambda: app.run_worker(start()))
    app.run = lambda: type(app).run(app, headless=True, size=(100, 32))
    try:
        run_app(app)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    """
)


def start_child(home: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home), mode, SECRET],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_an_unexpected_exception_exits_non_zero_with_a_short_message(welcomed: Path) -> None:
    child = start_child(welcomed, "crash")
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 1
    assert "ran into a problem it didn't expect" in err
    assert "crash-reports" in err
    assert SECRET not in err and "Traceback" not in err
    assert [d.body for d in pending_drafts(welcomed, Keyring())] == [f"Draft: {SECRET}"]
    reports = list((welcomed / "crash-reports").iterdir())
    assert len(reports) == 1 and SECRET not in reports[0].read_text()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_editing_keeps_the_draft(welcomed: Path, signum: int) -> None:
    child = start_child(welcomed, "wait")
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "typing done"
    time.sleep(0.2)
    os.kill(child.pid, signum)
    child.communicate(timeout=30)
    assert child.returncode == 128 + signum
    assert [d.body for d in pending_drafts(welcomed, Keyring())] == [f"Draft: {SECRET}"]


@pytest.mark.parametrize("room", ["today", "journal", "notes", "dashboard", "guide"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
async def test_a_signal_while_the_first_room_opens_is_not_a_crash(
    welcomed: Path, room: str, signum: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(home=welcomed, today=TODAY, room=room)
    open_room = app.switch_mode

    def open_then_signal(mode: str) -> AwaitMount:
        opening = open_room(mode)
        os.kill(os.getpid(), signum)  # the app's own handler has it: the terminal closed
        return opening

    monkeypatch.setattr(app, "switch_mode", open_then_signal)
    async with app.run_test(size=SIZE):
        pass
    assert app.return_code == 128 + signum
    assert not app.crashed
    assert not (welcomed / "crash-reports").exists()


class GoneTerminal(io.StringIO):
    """A terminal that has closed: every write fails, as the kernel's EIO does."""

    def write(self, text: str) -> int:
        raise OSError(errno.EIO, "Input/output error")


def test_a_closed_terminal_never_leaves_the_app_waiting_to_paint(welcomed: Path) -> None:
    assert make_app(home=welcomed).driver_class is TerminalDriver
    # Handed over as the driver hands it: the thread only writes, flushes and asks for
    # the file number, which is all ClosableOutput offers of a file.
    output = WriterThread(cast(IO[str], ClosableOutput(GoneTerminal())))
    output.start()
    painted = threading.Event()

    def paint_then_close() -> None:
        for _ in range(100):  # more than the output thread's queue holds
            output.write("\x1b[2J")
        output.stop()
        painted.set()

    threading.Thread(target=paint_then_close, daemon=True).start()
    assert painted.wait(timeout=30), "the app waited for ever on output nobody could see"
