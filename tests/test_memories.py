"""On this day: what was written on this date in earlier years and months."""

from __future__ import annotations

from datetime import date

from hearthside.domain.records import Note
from hearthside.services import journal, memories
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY


def note(store: Store, day: str, text: str) -> Note:
    return store.add(Note(kind="gratitude", text=text, date=day))


def test_earlier_years_and_months_newest_first_private_ones_too(
    store: Store, content: Content
) -> None:
    journal.add_entry(store, body="Our first winter walk", day="2024-11-25", today=TODAY)
    journal.add_entry(store, body="Just for me", day="2025-11-25", private=True, today=TODAY)
    note(store, "2026-10-25", "Thanks for the pumpkin soup")
    journal.add_entry(store, body="Picnic", day="2026-06-25", today=TODAY)
    # Not the same day, not earlier, or in the trash: none of these show.
    journal.add_entry(store, body="The day before", day="2025-11-24", today=TODAY)
    journal.add_entry(store, body="Today itself", day=TODAY, today=TODAY)
    note(store, "2026-12-25", "Planned for Christmas")
    store.delete(journal.add_entry(store, body="Thrown away", day="2023-11-25", today=TODAY))

    found = memories.on_this_day(store, today=TODAY)
    assert [(m.on.isoformat(), m.years_ago, m.months_ago) for m in found] == [
        ("2026-10-25", 0, 1),
        ("2026-06-25", 0, 5),
        ("2025-11-25", 1, 0),
        ("2024-11-25", 2, 0),
    ]
    assert isinstance(found[0].record, Note)
    assert found[2].record.private


def test_a_leap_day_is_remembered_on_28_february_in_other_years(store: Store) -> None:
    journal.add_entry(store, body="Leap day dinner", day="2024-02-29", today=TODAY)
    (memory,) = memories.on_this_day(store, today=date(2027, 2, 28))
    assert (memory.on, memory.years_ago) == (date(2024, 2, 29), 3)
    assert memories.on_this_day(store, today=date(2028, 2, 28)) == []
    assert len(memories.on_this_day(store, today=date(2028, 2, 29))) == 1
