"""Journal entries: writing, finding, trashing and restoring them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from hearthside import dates, validation
from hearthside.model import Entry
from hearthside.store import Store


@dataclass(frozen=True)
class EntryQuery:
    """What to look for; empty fields match everything."""

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None

    def matches(self, entry: Entry) -> bool:
        if self.since and entry.date < self.since.isoformat():
            return False
        if self.until and entry.date > self.until.isoformat():
            return False
        if self.tags and not set(self.tags) <= set(entry.tags):
            return False
        if self.words:
            haystack = f"{entry.title}\n{entry.body}\n{' '.join(entry.tags)}".casefold()
            return all(word.casefold() in haystack for word in self.words)
        return True


def add_entry(
    store: Store,
    *,
    body: str = "",
    title: str = "",
    day: str | date | None = None,
    tags: Iterable[str] = (),
    closeness: int | None = None,
    steps: Sequence[int] = (),
    private: bool = False,
    today: date | None = None,
) -> Entry:
    entry = build_entry(
        store,
        Entry(date=""),
        body=body,
        title=title,
        day=day,
        tags=tags,
        closeness=closeness,
        steps=steps,
        private=private,
        today=today,
    )
    return store.add(entry)


def build_entry(
    store: Store,
    entry: Entry,
    *,
    body: str,
    title: str,
    day: str | date | None,
    tags: Iterable[str],
    closeness: int | None,
    steps: Sequence[int],
    private: bool,
    today: date | None = None,
) -> Entry:
    """Validate the fields and set them on ``entry`` (new or existing); nothing is saved."""
    validation.check_size(title, "title")
    validation.check_size(body, "entry")
    if not title.strip() and not body.strip():
        validation.required_text("", "entry")
    settings = store.settings()
    entry.title = title.strip()
    entry.body = body
    entry.date = dates.iso(validation.user_date(day, settings, today=today))
    entry.tags = validation.clean_tags(tags)
    entry.closeness = validation.closeness(closeness)
    entry.steps = sorted(set(steps))
    entry.private = private
    return entry


def list_entries(
    store: Store, query: EntryQuery | None = None, *, limit: int | None = None
) -> list[Entry]:
    """Entries newest first (by date, then by when they were written)."""
    query = query or EntryQuery()
    found = [e for e in store.all(Entry) if query.matches(e)]
    found.sort(key=lambda e: (e.date, e.created), reverse=True)
    return found[:limit] if limit is not None else found


def trash(store: Store) -> list[Entry]:
    deleted = [e for e in store.all(Entry, include_deleted=True) if e.deleted]
    deleted.sort(key=lambda e: e.deleted_at or "", reverse=True)
    return deleted
