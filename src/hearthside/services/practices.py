"""Recording the practices and the positive or negative moments of a day."""

from __future__ import annotations

from datetime import date

from hearthside.domain import dates, validation
from hearthside.domain.records import Moment, PracticeLog
from hearthside.services import practice_book
from hearthside.store.store import Store
from hearthside.store.where import between
from hearthside.texts.library import Content


def log_practice(
    store: Store,
    content: Content,
    name: str,
    *,
    minutes: int | None = None,
    day: str | date | None = None,
    note: str = "",
    today: date | None = None,
) -> PracticeLog:
    practice = practice_book.find(store, content, name)
    minutes = validation.check_minutes(minutes)
    validation.check_size(note, "note")
    when = validation.user_date(day, store.settings(), today=today)
    validation.past_or_today(when, "practice", today=today)
    log = PracticeLog(practice=practice.id, date=dates.iso(when), minutes=minutes, note=note)
    return store.add(log)


def logged_between(store: Store, start: date, end: date) -> list[PracticeLog | Moment]:
    """The practice logs and moments dated ``start`` to ``end``, newest first."""
    found: list[PracticeLog | Moment] = [
        *store.all(PracticeLog, where=between(start, end)),
        *store.all(Moment, where=between(start, end)),
    ]
    return sorted(found, key=lambda r: (r.date, r.created), reverse=True)


def name_of(store: Store, content: Content, record: PracticeLog | Moment) -> str:
    """What a log or moment is, in a word or two: "Affection", "A hard moment"."""
    if isinstance(record, Moment):
        kind = "A good moment" if record.positive else "A hard moment"
        return f"{kind} during a disagreement" if record.conflict else kind
    return practice_book.name_of(store, content, record.practice)


def describe(store: Store, content: Content, record: PracticeLog | Moment) -> str:
    """A log or a moment with its details, as the week's list shows it."""
    name = name_of(store, content, record)
    if isinstance(record, Moment):
        return f"{name} · “{record.text}”" if record.text else name
    return f"{name} · {record.minutes} min" if record.minutes else name


def add_moment(
    store: Store,
    positive: bool,
    text: str = "",
    *,
    day: str | date | None = None,
    today: date | None = None,
    conflict: bool = False,
) -> Moment:
    validation.check_size(text, "moment")
    when = validation.user_date(day, store.settings(), today=today)
    validation.past_or_today(when, "moment", today=today)
    moment = Moment(date=dates.iso(when), positive=positive, text=text.strip(), conflict=conflict)
    return store.add(moment)


def mark_conflict(store: Store, moment: Moment, conflict: bool) -> Moment:
    """Mark a moment as noted during a disagreement, or take the mark off."""
    return store.update(Moment, moment.id, lambda m: setattr(m, "conflict", conflict))
