"""Notes for the spouse: gratitude, compliments, apologies, encouragement and needs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from hearthside.domain import date_words, dates, validation
from hearthside.domain.marks import sender_words
from hearthside.domain.printable import one_line
from hearthside.domain.records import Note, NoteStatus
from hearthside.domain.settings import Settings
from hearthside.domain.wording import plural
from hearthside.errors import HearthsideError
from hearthside.store.store import Store
from hearthside.texts.items import NoteKind, Template
from hearthside.texts.library import Content

DELIVERY_WAYS = {
    "aloud": "said aloud",
    "handwritten": "handwritten",
    "text": "text message",
    "hidden": "left somewhere to be found",
}


# Templates leave ___ where the writer's own words go: a note with one left isn't
# finished, and shouldn't reach the spouse as it is.
GAP = re.compile(r"_{3,}")


class UnfilledGaps(HearthsideError):
    """A note still has ___ gaps, and was about to be handed over as it is."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.notes = tuple(notes)
        which = "; ".join(f"the note {n.short_id} has {gaps_phrase(n.text)}" for n in self.notes)
        super().__init__(
            f"Not finished yet: {which}. Nothing was written; fill the gaps in first, "
            "or use the note as it is with --force."
        )


def gaps_phrase(text: str) -> str:
    """``2 gaps to fill: “…___…”, “…”``: how many, and the lines that hold them."""
    lines = [f"“{one_line(line.strip(), 60)}”" for line in text.splitlines() if GAP.search(line)]
    return f"{plural('gap', len(GAP.findall(text)))} to fill: {', '.join(lines)}"


def check_filled(notes: Iterable[Note]) -> None:
    """Refuse notes that still have gaps, naming each; before a card or a share."""
    unfinished = [n for n in notes if GAP.search(n.text)]
    if unfinished:
        raise UnfilledGaps(unfinished)


def pick_template(kind: NoteKind, number: int) -> Template:
    """Template ``number`` of ``kind``, counted from 1 as they are listed."""
    if not 1 <= number <= len(kind.templates):
        raise HearthsideError(
            f"{kind.label} has templates 1 to {len(kind.templates)}; {number} isn't one of them."
        )
    return kind.templates[number - 1]


def fill_template(text: str, settings: Settings, *, today: date | None = None) -> str:
    """Fill the placeholders a template may use; any other braces stay as written."""
    values = {
        "{spouse}": settings.spouse(unnamed="love"),
        "{me}": "me",
        "{date}": date_words.day_month(today or date.today()),
    }
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def gentle_hints(kind: NoteKind, text: str) -> list[str]:
    """Advice to show before saving: hints, never blocks."""
    found = [hint.message for hint in kind.hints if hint.pattern.search(text)]
    if len(text.split()) < kind.min_words:
        found.append(kind.short_hint)
    return found


def save_note(
    store: Store,
    content: Content,
    note: Note | None,
    *,
    kind: str,
    text: str,
    occasion: str = "",
    step: int | None = None,
    private: bool = False,
    day: str | date | None = None,
    today: date | None = None,
) -> Note:
    """Validate and save: a new draft when ``note`` is None, else that note updated."""
    note_kind = content.note_kind(kind)
    validation.required_text(text, "note")
    validation.check_size(occasion, "occasion")
    if step is not None:
        content.step(step)
    when = validation.user_date(day, store.settings(), today=today)

    def fill(target: Note) -> None:
        target.kind = note_kind.id
        target.text = text.strip("\n")
        target.date = dates.iso(when)
        target.occasion = occasion.strip()
        target.step = step if step is not None else note_kind.step
        target.private = private

    if note is None:
        fresh = Note(kind="", text="", date="")
        fill(fresh)
        return store.add(fresh)
    # On the stored copy, under the lock: a delivery marked elsewhere meanwhile stays.
    return store.update(Note, note.id, fill)


def add_note(store: Store, content: Content, **fields: Any) -> Note:
    """A new draft note; the fields are those of :func:`save_note`."""
    return save_note(store, content, None, **fields)


def sender_name(given: str) -> str:
    """The name a received note is from, spaces tidied; refused when empty or not plain."""
    name = " ".join(given.split())
    if not name:
        raise HearthsideError("Say who the note is from: --from and their name.")
    problem = validation.name_problem(name)
    if problem is not None:
        raise HearthsideError(problem)
    return name


def receive_note(
    store: Store,
    content: Content,
    *,
    sender: str,
    kind: str,
    text: str,
    occasion: str = "",
    day: str | date | None = None,
    today: date | None = None,
) -> Note:
    """A note someone gave you (by hand, say), kept as received from ``sender``."""
    fresh = Note(kind="", text="", date="", status=NoteStatus.RECEIVED, sender=sender_name(sender))
    validation.required_text(text, "note")
    validation.check_size(occasion, "occasion")
    note_kind = content.note_kind(kind)
    fresh.kind, fresh.text, fresh.occasion = note_kind.id, text.strip("\n"), occasion.strip()
    fresh.date = dates.iso(validation.user_date(day, store.settings(), today=today))
    fresh.step = note_kind.step
    return store.add(fresh)


def deliver_note(store: Store, ref: str, how: str, *, when: str | None = None) -> Note:
    note = store.get(Note, ref)
    key = how.strip().lower()
    ways = DELIVERY_WAYS | {label: label for label in DELIVERY_WAYS.values()}
    if key not in ways:
        raise HearthsideError(
            f"{how[:30]!r} isn't a way of handing over a note; use one of: "
            f"{', '.join(DELIVERY_WAYS)}."
        )

    def deliver(fresh: Note) -> None:
        fresh.status = NoteStatus.DELIVERED
        fresh.delivered_how = ways[key]
        fresh.delivered_at = when or dates.now_iso()

    return store.update(Note, note.id, deliver)


def delivered_words(content: Content, note: Note) -> str:
    """What marking ``note`` delivered did, in plain words: what it counts toward, if any."""
    said = f"Marked delivered ({note.delivered_how})."
    counted = [p.name.lower() for p in content.practices if note.kind in p.counts_from_notes]
    if counted:
        said += f" That counts toward {' and '.join(counted)} today."
    return said


def received_words(note: Note) -> str:
    """``received from Sam``: a received note's status, with its sender when known."""
    return " ".join(part for part in (NoteStatus.RECEIVED.value, sender_words(note)) if part)


def status_words(note: Note) -> str:
    """A note's status in words: how and when it was handed over, and when it was shared."""
    said = received_words(note) if note.status is NoteStatus.RECEIVED else note.status.value
    if note.status is NoteStatus.DELIVERED:
        day = (note.delivered_at or "")[:10]
        said = f"delivered {day}, {note.delivered_how or 'by hand'}".replace(" ,", ",")
    if note.shared_at:
        said += f"; shared {note.shared_at[:10]}"
    return said


def list_notes(store: Store, *, kind: str | None = None, undelivered: bool = False) -> list[Note]:
    found = [
        n
        for n in store.all(Note)
        if (kind is None or n.kind == kind)
        and not (undelivered and n.status is not NoteStatus.DRAFTED)
    ]
    found.sort(key=lambda n: (n.date, n.created), reverse=True)
    return found
