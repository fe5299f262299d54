"""Stars in the lists: * on a highlighted entry or note stars it, and again takes it off."""

from __future__ import annotations

from pathlib import Path

from hearthside.domain.records import Entry, Note
from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note
from hearthside.store.store import Store
from hearthside.texts.library import Content
from hearthside.tui.rooms.notes import NoteList
from hearthside.tui.widgets.entry_list import EntryList
from tests.conftest import TODAY, stored
from tests.tui.conftest import SIZE, Make, record_notices, screen_text, settle


async def test_a_star_on_an_entry_in_the_journal(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    add_entry(store, title="An ordinary Tuesday", day="2026-11-23")
    add_entry(store, title="Pancakes in bed", day="2026-11-24")
    store.close()
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("asterisk")  # the newest, highlighted first
        await settle(pilot)
        assert notices[-1] == ": Starred: it will turn up in Good memories (ctrl+p)."
        lines = app.screen.query_one(EntryList).lines()
        assert lines[0].startswith("2026-11-24  ★ Pancakes in bed")
        assert "★" not in lines[1]
        assert "Starred: one to come back to" in screen_text(app)
        starred = {e.title: e.starred for e in stored(welcomed, Entry)}
        assert starred == {"Pancakes in bed": True, "An ordinary Tuesday": False}
        await pilot.press("asterisk")
        await settle(pilot)
        assert notices[-1] == ": Took the star off."
        assert not any("★" in line for line in app.screen.query_one(EntryList).lines())
    assert not any(e.starred for e in stored(welcomed, Entry))


async def test_a_star_on_a_note_in_the_notes_room(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    add_note(store, Content(), kind="gratitude", text="Thank you for the soup", today=TODAY)
    store.close()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("asterisk")
        await settle(pilot)
        [line] = app.screen.query_one(NoteList).lines()
        assert "★ Thank you for the soup" in line
        assert [n.starred for n in stored(welcomed, Note)] == [True]
        await pilot.press("asterisk")
        await settle(pilot)
        assert "★" not in app.screen.query_one(NoteList).lines()[0]
    assert [n.starred for n in stored(welcomed, Note)] == [False]
