"""Stories of searching: the entry or note read shows where the words were found."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from hearthside.tui.rooms.journal import JournalScreen
from hearthside.tui.rooms.notes import NotesScreen
from tests.conftest import run
from tests.tui.conftest import SIZE, Make, opened, screen_text, settle


def picked_out(widget: Static) -> list[str]:
    """The stretches of the widget's text that carry a style: the words found."""
    shown = widget.render()
    assert isinstance(shown, Content)
    return [shown.plain[span.start : span.end] for span in shown.spans]


async def test_the_entry_read_shows_the_words_searched_for_in_any_case(
    make: Make, welcomed: Path
) -> None:
    run("add", "We walked to the river.\nThe River was high; walking home was cold.")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        journal = await opened(pilot, ["2"], JournalScreen)
        await pilot.press("slash", *"RIVER walk")
        await settle(pilot)
        body = journal.query_one("#entry-found", Static)
        assert body.display
        assert picked_out(body) == ["walk", "river", "River", "walk"]
        # Clearing the search brings back the entry as written, in Markdown.
        await pilot.press("escape")
        await settle(pilot)
        assert not body.display
        assert "We walked to the river." in screen_text(app)


async def test_highlighting_never_reads_the_entry_as_markup(make: Make, welcomed: Path) -> None:
    text = "Found [bold]this[/] and [/] and [@click=app.quit]that[/] BOLD"
    run("add", text)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        journal = await opened(pilot, ["2"], JournalScreen)
        await pilot.press("slash", *"bold")
        await settle(pilot)
        body = journal.query_one("#entry-found", Static)
        shown = body.render()
        assert isinstance(shown, Content)
        assert shown.plain == text
        assert picked_out(body) == ["bold", "BOLD"]
        assert app.is_running


async def test_the_note_read_shows_the_words_filtered_for(make: Make, welcomed: Path) -> None:
    run("note", "gratitude", "Thank you for the soup [b]and[/b] the Soup pot")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        notes = await opened(pilot, ["3"], NotesScreen)
        await pilot.press("slash", *"SOUP")
        await settle(pilot)
        body = notes.query_one("#note-body", Static)
        shown = body.render()
        assert isinstance(shown, Content)
        assert shown.plain == "Thank you for the soup [b]and[/b] the Soup pot"
        assert picked_out(body) == ["soup", "Soup"]
