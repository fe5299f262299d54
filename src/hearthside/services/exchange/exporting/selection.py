"""Which records an export holds: the filters a person chose, applied to the store.

The filters read a record's fields as stored, so an export picks and orders its
records before building any, and a JSON export builds none: a stored document as this
Hearthside writes it is already what its record would write.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from hearthside.domain import date_parsing, date_words
from hearthside.domain.records import (
    RECORD_TYPES,
    Commitment,
    Entry,
    Note,
    Pause,
    R,
    Record,
    fields_of,
)
from hearthside.domain.validation import clean_tags
from hearthside.domain.wording import plural
from hearthside.errors import HearthsideError

if TYPE_CHECKING:
    from hearthside.domain.settings import Settings
    from hearthside.store.store import Store
    from hearthside.texts.library import Content

KINDS = ("entries", "notes", "all")


@dataclass(frozen=True)
class Selection:
    """What to export. Empty fields match everything; private records need asking for."""

    since: date | None = None
    until: date | None = None
    tag: str | None = None
    kind: str = "all"
    step: int | None = None
    include_private: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise HearthsideError(
                f"{self.kind[:20]!r} isn't something to export; choose entries, notes or all."
            )
        if self.since and self.until and self.since > self.until:
            raise HearthsideError(
                f"The start ({self.since.isoformat()}) is after the end "
                f"({self.until.isoformat()}); swap --since and --until."
            )
        if self.step is not None and self.step < 1:
            raise HearthsideError("Strategies are numbered from 1; choose one of those.")

    @classmethod
    def from_text(
        cls,
        *,
        since: str | None = None,
        until: str | None = None,
        tag: str | None = None,
        kind: str = "all",
        step: int | None = None,
        include_private: bool = False,
        settings: Settings | None = None,
        today: date | None = None,
    ) -> Selection:
        """Read the filters as typed, raising HearthsideError for any that can't be read.

        ``since`` and ``until`` take a day or a span: since 2026-11 until 2026-11 is
        the whole of November, since "last week" starts on that week's first day.
        """
        order = settings.date_order if settings else "MDY"
        week_start = settings.week_start if settings else 0

        def span(text: str) -> tuple[date, date]:
            return date_parsing.parse_span(
                text, today=today, date_order=order, week_start=week_start
            )

        tags = clean_tags([tag]) if tag else []
        if len(tags) > 1:
            raise HearthsideError("Export takes one tag at a time, like --tag date-night.")
        return cls(
            since=span(since)[0] if since else None,
            until=span(until)[1] if until else None,
            tag=tags[0] if tags else None,
            kind=kind,
            step=step,
            include_private=include_private,
        )

    @property
    def filtered(self) -> bool:
        """Whether anything beyond privacy narrows the export."""
        return bool(self.since or self.until) or self.tag is not None or self.step is not None

    def kinds(self, *, every_kind: bool) -> tuple[type[Record], ...]:
        """The record types asked for; ``all`` means every kind only where the format holds them."""
        if self.kind == "entries":
            return (Entry,)
        if self.kind == "notes":
            return (Note,)
        return RECORD_TYPES if every_kind else (Entry, Note)

    def describe(self) -> str:
        """A short phrase for headers, such as 'from 1 November 2026, tagged #walk'."""
        parts = []
        if self.since and self.since != date.min:
            parts.append(f"from {date_words.day_month_year(self.since)}")
        if self.until:
            parts.append(f"to {date_words.day_month_year(self.until)}")
        if self.tag:
            parts.append(f"tagged #{self.tag}")
        if self.step is not None:
            parts.append(f"linked to strategy {self.step}")
        return ", ".join(parts)

    def matches(self, cls: type[Record], fields: Mapping[str, Any]) -> bool:
        """Whether the ``cls`` record with these fields (its document) is chosen."""
        first, last = stored_span(cls, fields)
        if self.since and last < self.since.isoformat():
            return False
        if self.until and first > self.until.isoformat():
            return False
        if self.tag is not None and not (issubclass(cls, Entry) and self.tag in fields["tags"]):
            return False
        if self.step is not None:
            if issubclass(cls, Entry):
                return self.step in fields["steps"]
            if issubclass(cls, Note):
                return bool(fields["step"] == self.step)
            return False
        return True


def span_of(record: Record) -> tuple[str, str]:
    """The first and last day a record covers, as ISO text."""
    return stored_span(type(record), vars(record))


def stored_span(cls: type[Record], fields: Mapping[str, Any]) -> tuple[str, str]:
    """``span_of`` the ``cls`` record with these fields."""
    first, last = span_fields(cls)
    return day_in(fields, first), day_in(fields, last)


def span_fields(cls: type[Record]) -> tuple[str, str]:
    """The fields holding the first and last day a ``cls`` record covers."""
    if issubclass(cls, Pause):
        return "start", "end"
    if issubclass(cls, Commitment):
        return "due", "due"
    return "date", "date"


def day_in(fields: Mapping[str, Any], name: str) -> str:
    # Dates are ISO text, so comparing the first ten characters compares the days.
    return str(fields.get(name, ""))[:10]


def may_be_private(cls: type[Record]) -> bool:
    """Whether ``cls`` records can be marked private (left out unless asked for)."""
    return issubclass(cls, Entry | Note)


def heading_date(day: str) -> str:
    """'Friday 20 November 2026' for an ISO day; the text itself if it isn't one."""
    try:
        parsed = date.fromisoformat(day[:10])
    except ValueError:
        return day
    return date_words.full_day(parsed)


@dataclass
class ExportData:
    """The chosen records, oldest first, and what a writer needs to describe them."""

    selection: Selection
    exported_at: datetime
    content: Content | None
    # The chosen records' documents by kind, every field in its declared order.
    documents: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    private_left_out: int = 0

    @cached_property
    def records(self) -> dict[str, list[Record]]:
        """The chosen records themselves, built when a writer first asks."""
        kinds = {cls.KIND: cls for cls in RECORD_TYPES}
        return {
            kind: [kinds[kind].from_doc(doc) for doc in docs]
            for kind, docs in self.documents.items()
        }

    def keep(self, wanted: Callable[[Record], bool]) -> None:
        """Narrow the chosen records to those ``wanted``."""
        for kind, found in self.records.items():
            pairs = [
                (r, doc) for r, doc in zip(found, self.documents[kind], strict=True) if wanted(r)
            ]
            self.records[kind] = [r for r, _doc in pairs]
            self.documents[kind] = [doc for _r, doc in pairs]

    def of(self, cls: type[R]) -> list[R]:
        return [r for r in self.records.get(cls.KIND, []) if isinstance(r, cls)]

    @property
    def entries(self) -> list[Entry]:
        return self.of(Entry)

    @property
    def notes(self) -> list[Note]:
        return self.of(Note)

    @property
    def counts(self) -> dict[str, int]:
        return {kind: len(found) for kind, found in self.documents.items() if found}

    def step_title(self, number: int) -> str:
        """'3. Turn toward each other', or just the number when content doesn't know it."""
        return f"strategy {number}" if self.content is None else self.content.step_label(number)

    def note_label(self, kind: str) -> str:
        return note_label(self.content, kind)


def note_label(content: Content | None, kind: str) -> str:
    """'Gratitude' for ``gratitude``; a kind the content no longer has still gets a name."""
    if content is not None:
        try:
            return content.note_kind(kind).label
        except HearthsideError:
            pass
    return kind.replace("-", " ").capitalize()


def collect(
    store: Store,
    selection: Selection,
    kinds: tuple[type[Record], ...],
    *,
    content: Content | None,
    include_deleted: bool = False,
    exported_at: datetime | None = None,
) -> ExportData:
    """Read the matching records. Reading only: the store is never written."""
    data = ExportData(
        selection=selection,
        exported_at=exported_at or datetime.now().astimezone(),
        content=content,
    )
    # Unfiltered (the usual whole export), every record matches: not asked one by one.
    picking = selection.filtered
    for cls in kinds:
        read = fields_of(cls)
        hiding = may_be_private(cls) and not selection.include_private
        chosen: list[dict[str, Any]] = []
        for doc in store.documents(cls):
            fields = read(doc)
            if not include_deleted and fields["deleted_at"] is not None:
                continue
            if picking and not selection.matches(cls, fields):
                continue
            if hiding and fields["private"]:
                data.private_left_out += 1
                continue
            chosen.append(fields)
        data.documents[cls.KIND] = oldest_first(cls, chosen)
    return data


def oldest_first(cls: type[Record], chosen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``cls`` records with these fields by first day, then by when they were
    written, then by id: the order of every export."""
    first = span_fields(cls)[0]
    # One string a record sorts several times faster than a tuple of three, and in the
    # same order while no part holds a NUL (Python's ISO reader lets one into a stamp).
    keys = [f"{day_in(f, first)}\0{f['created']}\0{f['id']}" for f in chosen]
    if any(key.count("\0") != 2 for key in keys):
        return sorted(chosen, key=lambda f: (day_in(f, first), f["created"], f["id"]))
    return [chosen[i] for i in sorted(range(len(chosen)), key=keys.__getitem__)]


def count_phrase(counts: dict[str, int]) -> str:
    """'3 entries and 1 note' for counts keyed by table name."""
    labels = {cls.KIND: cls.LABEL for cls in RECORD_TYPES}
    parts = [plural(labels.get(kind, kind), n) for kind, n in counts.items() if n]
    if not parts:
        return "nothing"
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def by_day(entries: Iterable[Entry]) -> Iterator[tuple[str, list[Entry]]]:
    """Entries (already in date order) grouped under each ISO day, for day headings."""
    for day, group in itertools.groupby(entries, key=lambda e: e.date):
        yield day, list(group)
