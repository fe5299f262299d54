"""How the daily review edits the records it wrote before, instead of adding more.

Each helper takes the ids a step remembered and the answer now given, and
updates, adds or trashes records (through the same services as the other rooms)
so that the journal matches the answer. It returns the ids to remember next time.
"""

from __future__ import annotations

from datetime import date

from hearthside.domain import validation
from hearthside.domain.records import Entry, Moment, R
from hearthside.errors import HearthsideError
from hearthside.services import journal, practices
from hearthside.services.journal import EntryQuery
from hearthside.store.store import Store

# Between the user's own words and a reflection the review appends to their entry.
SEPARATOR = "\n\n"


def remembered(store: Store, cls: type[R], ids: list[str]) -> list[R]:
    """The remembered records still in the journal and not trashed.

    One trashed or purged elsewhere is forgotten, so the review writes a fresh one
    if the answer still calls for it.
    """
    found = []
    for record_id in ids:
        try:
            record = store.get(cls, record_id)
        except HearthsideError:
            continue
        if not record.deleted:
            found.append(record)
    return found


def keep_moments(
    store: Store, ids: list[str], *, positive: bool, count: int, line: str, day: date
) -> list[str]:
    """``count`` moments of one sign for ``day``, the first carrying ``line``."""
    moments = remembered(store, Moment, ids)
    for extra in moments[count:]:
        store.delete(extra)
    moments = moments[:count]
    if moments and moments[0].text != line:
        moments[0].text = line
        store.save(moments[0])
    while len(moments) < count:
        text = "" if moments else line
        moments.append(practices.add_moment(store, positive, text, day=day, today=day))
    return [m.id for m in moments]


def write_reflection(
    store: Store, ids: list[str], *, old: str, new: str, closeness: int | None, day: date
) -> list[str]:
    """Today's reflection: its own entry, or appended to the newest entry of the day.

    Only the review's earlier words ``old`` are replaced; if the user has since
    edited those away, ``new`` goes after their text instead.
    """
    found = remembered(store, Entry, ids)
    entry = found[0] if found else _days_entry(store, day) if new else None
    if entry is None:
        if not new:
            return []
        return [journal.add_entry(store, body=new, day=day, closeness=closeness, today=day).id]
    before = (entry.body, entry.closeness)
    entry.body = swap(entry.body, old, new) if found else entry.body.rstrip() + SEPARATOR + new
    if not entry.body.strip():
        store.delete(entry)  # only ever an entry the review wrote on its own
        return []
    validation.check_size(entry.body, "entry")
    if closeness is not None:
        entry.closeness = closeness
    if (entry.body, entry.closeness) != before:
        store.save(entry)
    return [entry.id]


def swap(body: str, old: str, new: str) -> str:
    """``body`` with the review's earlier reflection ``old`` replaced by ``new``."""
    if old:
        for separator in (SEPARATOR, ""):
            at = body.rfind(separator + old)
            if at >= 0:
                rest = body[at + len(separator) + len(old) :]
                return body[:at] + (separator + new if new else "") + rest
    return body.rstrip() + SEPARATOR + new if new else body


def _days_entry(store: Store, day: date) -> Entry | None:
    newest = journal.list_entries(store, EntryQuery(since=day, until=day), limit=1)
    return newest[0] if newest else None
