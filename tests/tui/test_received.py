"""A received note, in the Notes room: who it is from, in the list and the read pane."""

from __future__ import annotations

from pathlib import Path

from hearthside.domain.records import Note, NoteStatus
from hearthside.store.store import Store
from hearthside.tui.rooms.notes import NoteList, NotesScreen
from tests.tui.conftest import SIZE, Make, opened, screen_text


async def test_a_received_note_says_who_it_is_from(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    store.add(
        Note(
            kind="gratitude",
            text="Thank you for [b]everything[/b]",
            date="2026-11-20",
            status=NoteStatus.RECEIVED,
            sender="Alex [i]",
        )
    )
    store.close()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        notes = await opened(pilot, ["3"], NotesScreen)
        [line] = notes.query_one(NoteList).lines()
        assert "from Alex [i]" in line and "Thank you for [b]everything[/b]" in line
        assert "Status: received from Alex [i]" in screen_text(app)
