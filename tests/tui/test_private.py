"""Stories of private entries and notes: set from the editor, marked in every list."""

from __future__ import annotations

from pathlib import Path

from hearthside.domain.records import Entry
from hearthside.tui.rooms.editor import EntryEditor
from hearthside.tui.rooms.journal import JournalScreen
from hearthside.tui.rooms.notes import NoteList, NotesScreen
from hearthside.tui.rooms.today import TodayScreen
from hearthside.tui.widgets.entry_list import EntryList
from hearthside.tui.widgets.ticks import Tick
from tests.conftest import TODAY, run, stored
from tests.tui.conftest import SIZE, Make, open_editor, opened, screen_text, settle

LAST_YEAR = TODAY.replace(year=TODAY.year - 1).isoformat()


async def test_an_entry_made_private_from_the_keyboard_is_kept_out_of_exports(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        await pilot.press(*"Only for me")
        # From the body, back one field: the Private tick, toggled with the space bar.
        await pilot.press("shift+tab", "space", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
        [line] = app.screen.query_one(EntryList).lines()
        assert "Only for me" in line and "(private)" in line
    [entry] = stored(welcomed, Entry)
    assert entry.private
    listed = run("list").output
    assert "Only for me" in listed and "(private)" in listed
    assert "(private)" in run("show", entry.short_id).output
    exported = run("export", "--format", "txt", "--kind", "entries")
    assert exported.exit_code == 2 and "the 1 matching record is private" in exported.output


async def test_the_editor_shows_an_entry_is_private_and_can_make_it_public_again(
    make: Make, welcomed: Path
) -> None:
    run("add", "A secret plan", "--private")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot, ["2", "e"], EntryEditor)
        tick = editor.query_one("#private", Tick)
        assert tick.value
        tick.focus()
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
    [entry] = stored(welcomed, Entry)
    assert not entry.private and entry.body == "A secret plan"
    assert "(private)" not in run("list").output


async def test_private_entries_and_notes_are_marked_in_every_list(
    make: Make, welcomed: Path
) -> None:
    run("add", "Worried about work", "--private", "--date", LAST_YEAR)
    run("add", "Open for all", "--date", LAST_YEAR)
    run("note", "gratitude", "Thank you for the quiet morning", "--private")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        memories = screen_text(app)
        assert "(private) Worried about work" in memories
        assert "(private) Open for all" not in memories
        journal = await opened(pilot, ["2"], JournalScreen)
        lines = journal.query_one(EntryList).lines()
        marked = {line.split("  ")[1] for line in lines}
        assert marked == {"(private) Worried about work", "Open for all"}
        # A search is a filter of the same list, with the same marks.
        await pilot.press("slash", *"worried")
        await settle(pilot)
        [found] = journal.query_one(EntryList).lines()
        assert "(private)" in found
        notes = await opened(pilot, ["escape", "3"], NotesScreen)
        [note_line] = notes.query_one(NoteList).lines()
        assert "Thank you" in note_line and "(private)" in note_line
    assert "(private)" in run("notes").output
    assert "(private)" in run("search", "worried").output
    assert "(private)" not in run("search", "open").output
