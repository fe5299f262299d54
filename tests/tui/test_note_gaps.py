"""Stories of a note's ___ gaps: a key to reach each, a question before saving or sharing."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import TextArea

from hearthside.domain.records import Note
from hearthside.services.notes import add_note
from hearthside.store.store import Store
from hearthside.texts.library import Content
from hearthside.tui.app import HearthsideApp
from hearthside.tui.dialogs.choice import ChoiceDialog
from hearthside.tui.rooms.composer import NoteComposer
from hearthside.tui.rooms.notes import NotesScreen
from tests.conftest import TODAY, stored
from tests.tui.conftest import SIZE, Make, burst, open_composer, screen_text, settle

# The first gratitude template: "Sam, thank you for ___ today. … It made my ___ so much easier."
FIRST_TEMPLATE = ("down", "enter")


def note_text(app: HearthsideApp) -> TextArea:
    return app.screen.query_one("#note-text", TextArea)


async def test_the_next_gap_key_selects_each_gap_so_typing_fills_it(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_composer(pilot)
        shown = app.screen.active_bindings["ctrl+g"].binding
        assert shown.show and shown.description == "Next gap"  # in the footer
        await pilot.press("question_mark")
        await pilot.pause()
        assert re.search(r"(\^g|ctrl\+g) +Next gap", screen_text(app))
        await pilot.press("escape", *FIRST_TEMPLATE)
        await pilot.pause()
        await burst(pilot, *"the soup", "ctrl+g", *"whole evening", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen), "no gaps left: saved without asking"
    [note] = stored(welcomed, Note)
    assert "thank you for the soup today" in note.text
    assert "It made my whole evening so much easier." in note.text
    assert "___" not in note.text


async def test_the_next_gap_key_wraps_around_and_says_when_none_are_left(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "c", *FIRST_TEMPLATE)
        await pilot.pause()
        area = note_text(app)
        first = area.selection
        assert area.selected_text == "___"
        await pilot.press("ctrl+g")
        assert area.selected_text == "___" and area.selection != first
        await pilot.press("ctrl+g")
        assert area.selection == first
        await burst(pilot, *"x", "ctrl+g", *"y", "ctrl+g")
        assert "No gaps left" in " ".join(n.message for n in app._notifications)


async def test_saving_with_gaps_left_asks_first(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "c", *FIRST_TEMPLATE)
        await pilot.pause()
        await burst(pilot, *"the soup", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert "It made my ___ so much easier." in screen_text(app)
        await pilot.press("g")  # go back to the gap
        await pilot.pause()
        assert isinstance(app.screen, NoteComposer)
        assert stored(welcomed, Note) == []
        area = note_text(app)
        assert area.selected_text == "___" and area.selection.start[0] == 1
        await burst(pilot, *"morning", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("c", *FIRST_TEMPLATE)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "2 gaps" in screen_text(app)
        await pilot.press("s")  # save anyway
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
    texts = sorted(n.text for n in stored(welcomed, Note))
    assert texts[0].count("___") == 2 and "___" not in texts[1]


async def test_quitting_keeps_a_note_with_gaps_without_asking(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "c", *FIRST_TEMPLATE)
        await pilot.pause()
        await burst(pilot, *"the soup", "ctrl+q")
    assert app.return_code == 0
    [note] = stored(welcomed, Note)
    assert "the soup" in note.text and "___" in note.text


async def test_a_card_or_a_share_of_a_note_with_gaps_asks_first(make: Make, welcomed: Path) -> None:
    add_note(Store(welcomed), Content(), kind="gratitude", text="Thank you for ___.", today=TODAY)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "p", "t")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog) and "Thank you for ___." in screen_text(app)
        await pilot.press("f")  # fill it in first: the composer opens on the gap
        await pilot.pause()
        assert isinstance(app.screen, NoteComposer)
        assert note_text(app).selected_text == "___"
        await pilot.press("escape")
        await pilot.pause()
        assert not list((welcomed / "exports").glob("*"))
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("s")  # share it anyway
        await settle(pilot)
        await pilot.press("p", "t")
        await settle(pilot)
        await pilot.press("m")  # make the card anyway
        await settle(pilot)
    assert len(list((welcomed / "exports").glob("gratitude-*.txt"))) == 1
    assert list((welcomed / "exports").glob("*/notes.html"))
