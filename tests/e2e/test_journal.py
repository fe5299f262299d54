"""Writing in the journal in a real terminal, finding it again, and finding it after a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.domain.records import Entry
from tests.e2e.apps import App

pytestmark = pytest.mark.e2e

RIVER = "We walked by the river after dinner."


def test_write_an_entry_find_it_by_tag_quit_and_it_is_still_there(app: App, welcomed: Path) -> None:
    app.run("add", "A quiet evening, both of us tired.", "--tag", "home")

    screen = app.open()
    screen.wait_for("with Sam")
    screen.press("2")  # the Journal
    screen.wait_for("A quiet evening")

    screen.press("n")
    screen.wait_for("Linked strategies")
    screen.type(RIVER)  # the body has the focus
    screen.press("BTab", "BTab", "BTab")  # back past the private tick and closeness to the tags
    screen.type("#walks")
    screen.press("C-s")
    screen.wait_for("Saved for")
    screen.press("Escape")
    screen.wait_for("2 entries")

    screen.press("/")
    screen.type("#walks")
    found = screen.wait_for("1 of 2 entries")
    assert RIVER[:30] in found
    assert "A quiet evening" not in found

    app.quit()
    with app.journal() as journal:
        entries = journal.all(Entry)
    assert sorted(e.body for e in entries) == ["A quiet evening, both of us tired.", RIVER]
    walk = next(e for e in entries if e.body == RIVER)
    assert walk.tags == ["walks"]

    app.open()
    screen.wait_for("with Sam")
    screen.press("2")
    screen.wait_for("2 entries")
    screen.press("/")
    screen.type("#walks")
    shown = screen.wait_for("1 of 2 entries")
    assert RIVER[:30] in shown
    assert "Tags: #walks" in shown
    app.quit()


def test_typing_then_ctrl_q_at_once_keeps_the_words(app: App, welcomed: Path) -> None:
    screen = app.open()
    screen.wait_for("with Sam")
    screen.press("2")
    screen.press("n")
    screen.wait_for("Linked strategies")
    screen.burst("Half a thought about us", "C-q")
    assert screen.wait_for_exit() == 0
    assert "kept as a draft" in screen.scrollback()
    with app.journal() as journal:
        assert journal.all(Entry) == []

    again = app.open()
    offer = again.wait_for("wasn't saved yet")
    assert "Half a thought about us" in offer
    again.press("Enter")  # restore it
    again.wait_for("Linked strategies")
    again.press("C-s")
    again.wait_for("Saved for")
    app.quit()
    with app.journal() as journal:
        assert [e.body for e in journal.all(Entry)] == ["Half a thought about us"]
