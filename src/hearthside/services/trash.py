"""Moving a record to the trash and back, by the id the lists show.

The app does this from each room with the record in hand; the command line has only
an id, so it looks among every kind a person can delete.
"""

from __future__ import annotations

from hearthside.domain.records import Commitment, Entry, Learned, Milestone, Note, Pause, Record
from hearthside.services.finding import find_among
from hearthside.store.store import Store

# What a person writes or plans; logs and moments are taken back where they were made.
DELETABLE: tuple[type[Record], ...] = (Entry, Note, Commitment, Milestone, Pause, Learned)


def find_deletable(store: Store, ref: str, *, in_trash: bool) -> Record:
    """The entry, note, promise, milestone, days away or love-map note with this id (or
    prefix), in the trash or out of it as asked."""
    where = "in the trash" if in_trash else "to delete"
    return find_among(
        store,
        DELETABLE,
        ref,
        in_trash=in_trash,
        nothing=f"Nothing {where} has the id {ref.strip()[:40]!r}. `hearthside list`, "
        "`notes`, `upcoming`, `pauses` and `lovemap` show the ids.",
    )


def move_to_trash(store: Store, ref: str) -> Record:
    return store.delete(find_deletable(store, ref, in_trash=False))


def bring_back(store: Store, ref: str) -> Record:
    return store.restore(find_deletable(store, ref, in_trash=True))
