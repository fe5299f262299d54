"""Stars: the entries and notes a person wants to come back to (see good_memories)."""

from __future__ import annotations

from hearthside.domain.records import Entry, Note
from hearthside.services.finding import find_among
from hearthside.store.store import Store

STARRABLE: tuple[type[Entry | Note], ...] = (Entry, Note)


def set_star(store: Store, record: Entry | Note, starred: bool) -> Entry | Note:
    """Star or unstar the record, as stored now (a change saved elsewhere is kept)."""
    return store.update(type(record), record.id, lambda fresh: setattr(fresh, "starred", starred))


def star(store: Store, ref: str, *, starred: bool = True) -> Entry | Note:
    """Star (or unstar) the entry or note with this id, or the start of it."""
    found: Entry | Note = find_among(
        store,
        STARRABLE,
        ref,
        in_trash=False,
        nothing=f"No entry or note has the id {ref.strip()[:40]!r}. `hearthside list` and "
        "`hearthside notes` show the ids.",
    )
    return set_star(store, found, starred)
