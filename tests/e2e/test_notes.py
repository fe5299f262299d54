"""A gratitude note in a real terminal: from a template, saved, then handed over."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.domain.records import Note
from tests.e2e.apps import App

pytestmark = pytest.mark.e2e


def test_compose_a_gratitude_note_from_a_template_and_mark_it_delivered(
    app: App, welcomed: Path
) -> None:
    screen = app.open()
    screen.wait_for("with Sam")
    screen.press("3")  # the Notes room
    screen.wait_for("No notes yet")

    screen.press("c")
    screen.wait_for("Writing gratitude")
    screen.wait_for("For an ordinary day")
    screen.press("Down", "Enter")  # past "Start blank" to the first template
    screen.wait_for("Sam, thank you for ___ today.")
    screen.type("the soup")  # fills the first gap, which the template left selected
    screen.wait_for("Sam, thank you for the soup today.")
    screen.press("C-g")  # the next gap
    screen.type("evening")
    screen.wait_for("It made my evening so much easier.")
    screen.press("C-s")
    screen.wait_for("Saved your gratitude as a draft")
    screen.wait_for("1 of 1 note ·")

    screen.press("d")
    screen.wait_for("How did you hand it over?")
    screen.press("s")  # said aloud
    shown = screen.wait_for("Status: delivered")
    assert "said aloud" in shown
    assert "How did you hand it over?" not in shown

    app.quit()
    with app.journal() as journal:
        notes = journal.all(Note)
    assert len(notes) == 1
    note = notes[0]
    assert note.kind == "gratitude"
    assert note.text.startswith("Sam, thank you for the soup today.")
    assert "___" not in note.text
    assert (note.status, note.delivered_how) == ("delivered", "said aloud")
    assert note.delivered_at
