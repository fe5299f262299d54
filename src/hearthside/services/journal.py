"""Journal entries: writing, finding, trashing and restoring them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from hearthside.domain import dates, validation
from hearthside.domain.entry import Entry
from hearthside.errors import HearthsideError
from hearthside.store.store import Store

# A tag written in the text, as jrnl users do: '#' at the start or after a space, up to
# the next space. A Markdown heading has a space after its '#', and "C#" or a link's
# "page#part" has none before it, so neither is a tag.
# A tag starts with a letter or digit: "#,0" or "#(x)" is punctuation, not a tag.
_INLINE_TAG = re.compile(r"(?<!\S)#(\w\S*)")
# Punctuation that closes a sentence or a bracket after a tag isn't part of it.
_AFTER_TAG = ".,;:!?)"


@dataclass(frozen=True)
class EntryQuery:
    """What to look for; empty fields match everything."""

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None

    def matches(self, entry: Entry, haystack: str | None = None) -> bool:
        """Whether ``entry`` fits; pass its :func:`search_text` when filtering often."""
        return self.fits(vars(entry), haystack)

    def fits(self, fields: Mapping[str, Any], haystack: str | None = None) -> bool:
        """``matches`` for an entry's fields (as stored, read by ``fields_of``)."""
        if self.since and fields["date"] < self.since.isoformat():
            return False
        if self.until and fields["date"] > self.until.isoformat():
            return False
        if self.tags and not set(self.tags) <= set(fields["tags"]):
            return False
        if self.words:
            text = haystack if haystack is not None else _folded(fields)
            return all(word.casefold() in text for word in self.words)
        return True


def inline_tags(text: str) -> list[str]:
    """The ``#tags`` written in ``text``, cleaned like any tag, in the order written.

    A word the tag rule refuses (``#50%``) is left as plain text: a sentence is
    never refused for looking like a tag.
    """
    found: list[str] = []
    for match in _INLINE_TAG.finditer(text):
        try:
            cleaned = validation.clean_tags([match[1].rstrip(_AFTER_TAG)])
        except HearthsideError:
            continue
        if len(cleaned) == 1 and cleaned[0] not in found:
            found.append(cleaned[0])
    return found


def search_text(entry: Entry) -> str:
    """What word searches look through, folded for case-insensitive matching."""
    return _folded(vars(entry))


def _folded(fields: Mapping[str, Any]) -> str:
    return f"{fields['title']}\n{fields['body']}\n{' '.join(fields['tags'])}".casefold()


def found_at(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where any of ``words`` stands in ``text``, matched by casefold as the search
    matches, as (start, end) offsets into ``text`` in order: what a search found, for
    the read view to show."""
    wanted = sorted({w.casefold() for w in words if w}, key=len, reverse=True)
    if not wanted:
        return []
    # A character can fold to several ("ß" to "ss"), so each folded character remembers
    # which written character it came from.
    folded, source = [], []
    for at, char in enumerate(text):
        piece = char.casefold()
        folded.append(piece)
        source.extend([at] * len(piece))
    # Longest first, so "walking" is found whole when "walk" is searched for too.
    pattern = re.compile("|".join(re.escape(w) for w in wanted))
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer("".join(folded)):
        start, end = source[match.start()], source[match.end() - 1] + 1
        if spans and start < spans[-1][1]:
            # Two matches inside one written character's folding share that character.
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def save_entry(
    store: Store,
    entry: Entry | None,
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
    """Validate and save: a new entry when ``entry`` is None, else that entry updated.

    An existing entry gets these fields on its stored copy, under the lock, so a
    change saved elsewhere meanwhile (moved to the trash, say) is kept.
    """

    def fill(target: Entry) -> Entry:
        return build_entry(
            store,
            target,
            body=body,
            title=title,
            day=day,
            tags=tags,
            closeness=closeness,
            steps=steps,
            private=private,
            today=today,
        )

    if entry is None:
        return store.add(fill(Entry(date="")))
    return store.update(Entry, entry.id, fill)


def add_entry(store: Store, **fields: Any) -> Entry:
    """A new entry; the fields are those of :func:`save_entry`."""
    return save_entry(store, None, **fields)


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
    """Validate the fields and set them on ``entry`` (new or existing); nothing is saved.

    ``#tags`` written in the title or body join the given tags.
    """
    validation.check_size(title, "title")
    validation.check_size(body, "entry")
    if not title.strip() and not body.strip():
        validation.required_text("", "entry")
    settings = store.settings()
    entry.title = title.strip()
    entry.body = body
    entry.date = dates.iso(validation.user_date(day, settings, today=today))
    entry.tags = validation.clean_tags([*tags, *inline_tags(f"{title}\n{body}")])
    entry.closeness = validation.closeness(closeness)
    entry.steps = sorted(set(steps))
    entry.private = private
    return entry


def list_entries(
    store: Store, query: EntryQuery | None = None, *, limit: int | None = None
) -> list[Entry]:
    """Entries newest first (by date, then by when they were written); with a limit,
    only as many become entries as it takes to find that many."""
    query = query or EntryQuery()
    found: list[Entry] = []
    for entry in store.newest_first(Entry, picks=query.fits):
        found.append(entry)
        if limit is not None and len(found) >= limit:
            break
    return found


def trash(store: Store) -> list[Entry]:
    deleted = [e for e in store.all(Entry, include_deleted=True) if e.deleted]
    deleted.sort(key=lambda e: e.deleted_at or "", reverse=True)
    return deleted


@dataclass(frozen=True)
class ParsedFilter:
    """What a filter box says: the query, or why it can't be read."""

    query: EntryQuery | None  # None when the box can't be read: keep what was shown
    problem: str | None = None  # shown under the filter box


_SPAN_WORDS = ("since", "until", "before", "from", "on")
# A lone word is a date only when it is hardly ever meant as a word: "sunday" and
# "may" are searched for as written, "november" and "yesterday" are days.
_LONE_DATES = frozenset({"today", "yesterday", *(m for m in dates.MONTHS if m != "may")})


def parse_filter(
    text: str, *, today: date, date_order: str = "MDY", week_start: int = 0
) -> ParsedFilter:
    """Read a filter box: plain words, ``#tags`` and date words, in any order.

    ``walk #date-night since last monday`` finds entries with the word and the tag
    written since that Monday. A lone word counts as a date only when it can't be
    an ordinary word (``2026-11``, ``yesterday``, ``november``), so searching for
    "sunday" finds the word, while ``on sunday`` or ``last sunday`` mean the day.
    """
    # Imported here: the command line lists and searches without the date parser.
    from hearthside.domain import date_parsing

    tokens = text.split()
    tags = tuple(t[1:].lower() for t in tokens if t.startswith("#") and len(t) > 1)
    rest = [t for t in tokens if not t.startswith("#")]
    for i in range(len(rest)):
        candidate = " ".join(rest[i:])
        keyword = rest[i].lower() in _SPAN_WORDS
        lone = i == len(rest) - 1 and not keyword
        if (
            lone
            and not any(ch.isdigit() for ch in candidate)
            and candidate.lower() not in _LONE_DATES
        ):
            continue
        try:
            since, until = date_parsing.parse_span(
                candidate, today=today, date_order=date_order, week_start=week_start
            )
        except HearthsideError as exc:
            if keyword:
                return ParsedFilter(None, str(exc))
            continue
        query = EntryQuery(
            words=tuple(rest[:i]),
            tags=tags,
            since=since if since > date.min else None,
            until=until if until < date.max else None,
        )
        return ParsedFilter(query)
    return ParsedFilter(EntryQuery(words=tuple(rest), tags=tags))
