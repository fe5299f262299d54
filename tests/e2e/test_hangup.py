"""A closed terminal loses nothing, and leaves nothing running.

The words typed come back on the next start; and whenever the terminal closes, or
a signal comes, even while the app is still starting, the app ends.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hearthside.domain.records import Entry
from tests.e2e.apps import App
from tests.e2e.tmux import TIMEOUT, wait_until_gone

pytestmark = pytest.mark.e2e

UNSAVED = "Half a thought about Sunday's walk"
# Seconds after launch: importing, opening the journal, the first paint, settled.
START_UP_MOMENTS = [0.05, 0.2, 0.4, 0.8, 1.5]


def test_closing_the_terminal_while_writing_offers_the_draft_back(app: App, welcomed: Path) -> None:
    screen = app.open()
    screen.wait_for("with Sam")
    screen.press("2")
    screen.wait_for("No entries yet")  # as a person would, once the room is there
    screen.press("n")
    screen.wait_for("Linked strategies")
    screen.type(UNSAVED)
    screen.wait_for(UNSAVED)

    screen.hang_up()  # the window closes under the app: SIGHUP, no ctrl+s

    with app.journal() as journal:
        assert journal.all(Entry) == []  # nothing was saved as an entry…

    app.open()  # …but the draft is offered back
    shown = screen.wait_for("wasn't saved yet")
    assert UNSAVED in shown
    screen.press("Enter")  # "Restore it" has the focus
    screen.wait_gone("wasn't saved yet")
    shown = screen.wait_for("Linked strategies")  # the editor, with the words in it
    assert UNSAVED in shown

    screen.press("C-s")
    screen.wait_for("Saved for")
    screen.press("Escape")
    screen.wait_for("1 entry")
    app.quit()

    with app.journal() as journal:
        assert [e.body for e in journal.all(Entry)] == [UNSAVED]
    assert not list((welcomed / "drafts").glob("*.json")), "the draft is gone once saved"


@pytest.mark.parametrize("after", START_UP_MOMENTS)
def test_closing_the_terminal_while_it_starts_leaves_nothing_running(
    app: App, welcomed: Path, after: float
) -> None:
    screen = app.open()
    pid = screen.pid()
    assert pid is not None
    time.sleep(after)
    with killed_if_left(pid):
        screen.hang_up()  # fails if the app is still running long after its terminal went


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("after", START_UP_MOMENTS)
def test_a_signal_while_it_starts_ends_it(
    app: App, welcomed: Path, after: float, signum: int
) -> None:
    screen = app.open()
    pid = screen.pid()
    assert pid is not None
    time.sleep(after)
    with killed_if_left(pid):
        os.kill(pid, signum)
        wait_until_gone(pid, timeout=TIMEOUT)
    # Killed by the signal itself before the app could catch it (tmux shows no status
    # then), or ended by the app after keeping any drafts: 128 + the signal's number.
    assert screen.pane("#{pane_dead_status}") in ("", str(128 + signum))
    assert not app.crash_reports()


@contextlib.contextmanager
def killed_if_left(pid: int) -> Iterator[None]:
    """A test that fails must not leave its app running, holding the journal's lock."""
    try:
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
