"""A closed terminal loses nothing: the words typed come back on the next start."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.model import Entry
from tests.e2e.apps import App

pytestmark = pytest.mark.e2e

UNSAVED = "Half a thought about Sunday's walk"


def test_closing_the_terminal_while_writing_offers_the_draft_back(app: App, welcomed: Path) -> None:
    screen = app.open()
    screen.wait_for("with Sam")
    screen.press("2", "n")
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
    screen.wait_for("1 entries")
    app.quit()

    with app.journal() as journal:
        assert [e.body for e in journal.all(Entry)] == [UNSAVED]
    assert not list((welcomed / "drafts").glob("*.json")), "the draft is gone once saved"
