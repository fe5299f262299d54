"""Good memories: what there is to come back to when things feel hard.

Starred entries and notes, entries written on a day that felt close, and notes handed
over, one at a time (the palette's "Good memories"). Private records are included:
this is the user's own screen, never an export.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from hearthside.domain.records import Entry, Note, NoteStatus
from hearthside.services.checkins import runs_high
from hearthside.services.stats import week_so_far
from hearthside.store.store import Store
from hearthside.texts.library import Content

# Closeness (1 far apart to 5 very close) from which an entry is a good memory: "close".
CLOSE_FROM = 4


def none_yet(how_to_star: str) -> str:
    """What the app and the CLI say when there are no good memories yet; ``how_to_star``
    is each one's own way to star ("with * in its list")."""
    return (
        f"Nothing here yet, and that's fine. Star an entry or a note {how_to_star}; the "
        "days that felt close and the notes you hand over gather here too, for the days "
        "you'd like to look back on them."
    )


@dataclass(frozen=True)
class GoodMemory:
    record: Entry | Note
    reasons: tuple[str, ...]  # why it is here: "starred", "felt close (5 of 5)"...


def reasons(record: Entry | Note) -> tuple[str, ...]:
    """Why ``record`` is a good memory ("starred", "felt close (5 of 5)"...); () if it isn't."""
    found = ["starred"] if record.starred else []
    if isinstance(record, Entry):
        if record.closeness is not None and record.closeness >= CLOSE_FROM:
            found.append(f"felt close ({record.closeness} of 5)")
    elif record.status is NoteStatus.DELIVERED:
        found.append("a note you handed over")
    return tuple(found)


def good_memories(store: Store) -> list[GoodMemory]:
    """Every good memory, oldest first (by date, then by when it was written)."""
    records: list[Entry | Note] = [*store.all(Entry), *store.all(Note)]
    found = [GoodMemory(r, why) for r in records if (why := reasons(r))]
    found.sort(key=lambda m: (m.record.date, m.record.created))
    return found


def has_good_memories(store: Store) -> bool:
    """Whether there is one at all, looking from the newest and stopping at the first."""
    return any(reasons(e) for e in store.newest_first(Entry)) or any(
        reasons(n) for n in store.newest_first(Note)
    )


def shuffled(memories: Sequence[GoodMemory], seed: int) -> list[GoodMemory]:
    """The same memories in an order of chance, the same order for the same seed."""
    mixed = list(memories)
    random.Random(seed).shuffle(mixed)
    return mixed


def worth_offering(store: Store, content: Content, *, today: date, week_start: int) -> bool:
    """Whether Today offers Good memories: in a week whose check-in runs high or whose
    everyday good moments fall short of their aim (the Dashboard's rules), when there are
    some.

    The everyday ratio, not the one during disagreements: the offer is about how the days
    have felt, a hard talk is allowed to be hard, and moments noted with no mark (every
    one in a journal from before the mark) are everyday ones, so they keep counting.
    """
    week = week_so_far(store, content, today, week_start=week_start)
    if week.ratio.met and not runs_high(week.checkin):
        return False
    return has_good_memories(store)
