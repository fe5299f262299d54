"""An evening of 36 questions: where it got to, kept so that it picks up there.

One evening is open at a time (the newest not finished); reaching the end finishes
it, and the next visit begins a new one.
"""

from __future__ import annotations

from datetime import date

from hearthside.domain import dates
from hearthside.domain.records import Evening
from hearthside.store.store import Store


def in_progress(store: Store) -> Evening | None:
    """The evening left half way, if there is one."""
    found = [e for e in store.all(Evening) if not e.finished]
    return max(found, key=lambda e: (e.date, e.created), default=None)


def keep_place(store: Store, at: int, *, total: int, today: date) -> Evening:
    """Remember question ``at`` (counted from 0) as the one showing; ``total`` (past the
    last question) finishes the evening."""
    finished = at >= total
    place = min(max(at, 0), total - 1)
    with store.writing():
        current = in_progress(store)
        if current is None:
            return store.add(Evening(date=dates.iso(today), at=place, finished=finished))

        def change(evening: Evening) -> None:
            evening.at, evening.finished = place, finished

        return store.update(Evening, current.id, change)
