"""Which records an export holds: the filters a person chose, applied to the store."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from hearthside.domain import date_parsing, date_words
from hearthside.domain.records import RECORD_TYPES, Commitment, Entry, Note, Pause, R, Record
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
        return bool(self.since or self.until or self.tag or self.step is not None)

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

    def matches(self, record: Record) -> bool:
        first, last = span_of(record)
        if self.since and last < self.since.isoformat():
            return False
        if self.until and first > self.until.isoformat():
            return False
        if self.tag is not None and not (isinstance(record, Entry) and self.tag in record.tags):
            return False
        if self.step is not None:
            if isinstance(record, Entry):
                return self.step in record.steps
            if isinstance(record, Note):
                return record.step == self.step
            return False
        return True


def span_of(record: Record) -> tuple[str, str]:
    """The first and last day a record covers, as ISO text."""
    # Dates are ISO text, so comparing the first ten characters compares the days.
    if isinstance(record, Pause):
        return record.start[:10], record.end[:10]
    if isinstance(record, Commitment):
        return record.due[:10], record.due[:10]
    day = str(getattr(record, "date", ""))[:10]
    return day, day


def is_private(record: Record) -> bool:
    return isinstance(record, Entry | Note) and record.private


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
    records: dict[str, list[Record]] = field(default_factory=dict)
    private_left_out: int = 0

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
        return {kind: len(found) for kind, found in self.records.items() if found}

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
    for cls in kinds:
        chosen: list[Record] = []
        for record in store.all(cls, include_deleted=include_deleted):
            if not selection.matches(record):
                continue
            if is_private(record) and not selection.include_private:
                data.private_left_out += 1
                continue
            chosen.append(record)
        chosen.sort(key=lambda r: (span_of(r)[0], r.created, r.id))
        data.records[cls.KIND] = chosen
    return data


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
