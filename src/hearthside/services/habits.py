"""Per-day tallies of the records, and the habit maths on them: periods, streaks, strength.

``StatsIndex`` holds the tallies, keyed by ISO day, built in one pass over the
records. The maths works on ``date.toordinal()`` integers, so walking a decade
of history is integer arithmetic.

Strength follows Loop Habit Tracker's habit score: an exponential moving average
over periods whose half-life is ``13 / sqrt(days in the period)`` periods. A daily
habit left alone halves in about two weeks, a weekly one in about five, so one
miss after months of practice costs a few points, not the months.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from hearthside.domain import periods
from hearthside.domain.records import (
    Checkin,
    Entry,
    Moment,
    Note,
    NoteStatus,
    Pause,
    PracticeLog,
    Record,
)
from hearthside.domain.targets import Target
from hearthside.services import practice_book
from hearthside.texts.items import Practice
from hearthside.texts.library import Content
from hearthside.texts.practices import SixHours

if TYPE_CHECKING:
    from hearthside.store.store import Store

NOMINAL_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30}
HALF_LIFE_SCALE = 13.0
CLOSENESS_SCALE = range(1, 6)
CHECKIN_SCALE = range(5)


def multiplier(period: str) -> float:
    """The share of strength that carries over from one period to the next."""
    return math.pow(0.5, math.sqrt(NOMINAL_DAYS[period]) / HALF_LIFE_SCALE)


@functools.cache
def _fortnight_origin(week_start: int) -> int:
    return periods.week_start_of(periods.DEFAULT_ANCHOR, week_start).toordinal()


def period_start(day: int, period: str, week_start: int) -> int:
    """The first day of the period holding ``day``, as ``periods.period_bounds`` has it."""
    if period == "day":
        return day
    if period == "week":
        # Ordinal 1 (0001-01-01) is a Monday, so (day - 1) % 7 is the weekday.
        return day - (day - 1 - week_start) % 7
    if period == "fortnight":
        origin = _fortnight_origin(week_start)
        return origin + (day - origin) // 14 * 14
    return day - date.fromordinal(day).day + 1


def period_end(start: int, period: str) -> int:
    if period != "month":
        return start + NOMINAL_DAYS[period] - 1
    first = date.fromordinal(start)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following.toordinal() - 1


def needed(target: Target, done: int, days: int, paused: int) -> int:
    """What a period of ``days`` days asks for when ``paused`` of them are paused.

    Pauses lower the bar in proportion. A period paused throughout asks nothing
    (0: it is skipped) unless something was done anyway, which then counts as met.
    """
    bar = -(-target.count * (days - paused) // days)  # a ceiling in whole numbers, no floats
    return bar if bar or not done else 1


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a practice stands at the end of a period."""

    strength: float  # 0.0 to 1.0
    streak: int  # periods met in a row


NEVER_DONE = Standing(0.0, 0)


class History:
    """Strength and streak of one practice after each period, from its first record to today.

    The period holding today is still open: meeting it counts at once, falling
    short of it counts only once it is over.
    """

    def __init__(
        self,
        target: Target,
        counts: Mapping[int, int],
        paused: AbstractSet[int],
        *,
        today: int,
        week_start: int,
    ) -> None:
        self.period = target.period
        self.week_start = week_start
        self.today = today
        self._after = self._walk(target, counts, paused)

    def at(self, day: int) -> Standing:
        """The standing after the period holding ``day`` (today's, for days after today)."""
        start = period_start(min(day, self.today), self.period, self.week_start)
        found = self._after.get(start)
        return NEVER_DONE if found is None else Standing(*found)

    def _walk(
        self, target: Target, counts: Mapping[int, int], paused: AbstractSet[int]
    ) -> dict[int, tuple[float, int]]:
        done_in = self._bucket(counts.items())
        if not done_in:
            return {}
        paused_in = self._bucket((day, 1) for day in paused)
        period, today = self.period, self.today
        keep = multiplier(period)
        strength, streak = 0.0, 0
        after: dict[int, tuple[float, int]] = {}
        start = min(done_in)
        last = period_start(today, period, self.week_start)
        while start <= last:
            end = period_end(start, period)
            done = done_in.get(start, 0)
            need = needed(target, done, end - start + 1, paused_in.get(start, 0))
            if need and (done >= need or end < today):
                strength = strength * keep + min(done / need, 1.0) * (1.0 - keep)
                streak = streak + 1 if done >= need else 0
            after[start] = (strength, streak)
            start = end + 1
        return after

    def _bucket(self, pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
        if self.period == "day":
            return dict(pairs)
        totals: dict[int, int] = {}
        for day, count in pairs:
            start = period_start(day, self.period, self.week_start)
            totals[start] = totals.get(start, 0) + count
        return totals


# -- the tallies ---------------------------------------------------------------


class StatsIndex:
    """Per-day tallies of everything the dashboard counts, keyed by ISO day.

    Built once by ``build_index``; ``add`` folds in a record saved afterwards
    (a log made from the dashboard). Edits and deletions call for a rebuild.
    """

    def __init__(self, practices: Sequence[Practice]) -> None:
        # The practices in use when it was built, in order, and the six hours' parts when
        # they are switched on (``load_index`` sets them): what its figures are about.
        self.practices = tuple(practices)
        self.six_hours: SixHours | None = None
        self.practice_days: dict[str, dict[str, int]] = {p.id: {} for p in practices}
        self.minutes: dict[str, dict[str, int]] = {}
        self.timed_logs: dict[str, dict[str, int]] = {}  # the logs that carried minutes
        self.positive: dict[str, int] = {}
        self.negative: dict[str, int] = {}
        # Of those, the ones noted during a disagreement (the conflict ratio's).
        self.conflict_positive: dict[str, int] = {}
        self.conflict_negative: dict[str, int] = {}
        self.closeness_sum: dict[str, int] = {}
        self.closeness_count: dict[str, int] = {}
        self.checkins: dict[str, list[float]] = {}  # the mean rating of each check-in
        self.paused: set[str] = set()
        self._from_notes = {
            kind: tuple(p.id for p in practices if kind in p.counts_from_notes)
            for kind in {k for p in practices for k in p.counts_from_notes}
        }
        self._histories: dict[tuple[str, Target, int, int], History] = {}
        self._ordinals: dict[str, int | None] = {}

    def add(self, record: Record) -> None:
        adders: dict[type[Record], Callable[[Iterable[Any]], None]] = {
            PracticeLog: self.add_logs,
            Moment: self.add_moments,
            Entry: self.add_entries,
            Note: self.add_notes,
            Checkin: self.add_checkins,
            Pause: self.add_pauses,
        }
        adder = adders.get(type(record))
        if adder is None:
            raise TypeError(f"The dashboard doesn't count {record.LABEL}s.")
        adder([record])

    def add_logs(self, logs: Iterable[PracticeLog]) -> None:
        self._histories.clear()
        # The busiest loop of the build (tens of thousands of logs): kept inline.
        practice_days = self.practice_days
        for log in logs:
            if log.deleted_at is not None:
                continue
            per_day = practice_days.get(log.practice)
            if per_day is None:
                per_day = practice_days[log.practice] = {}
            per_day[log.date] = per_day.get(log.date, 0) + 1
            if log.minutes:
                _bump(self.minutes.setdefault(log.practice, {}), log.date, log.minutes)
                _bump(self.timed_logs.setdefault(log.practice, {}), log.date, 1)

    def add_moments(self, moments: Iterable[Moment]) -> None:
        positive, negative = self.positive, self.negative
        for moment in moments:
            if moment.deleted_at is None:
                _bump(positive if moment.positive else negative, moment.date, 1)
                if moment.conflict:
                    during = self.conflict_positive if moment.positive else self.conflict_negative
                    _bump(during, moment.date, 1)

    def add_entries(self, entries: Iterable[Entry]) -> None:
        for entry in entries:
            rating = entry.closeness
            # A hand-edited file may hold anything; only ratings on the scale count.
            if entry.deleted_at is None and type(rating) is int and rating in CLOSENESS_SCALE:
                _bump(self.closeness_sum, entry.date, rating)
                _bump(self.closeness_count, entry.date, 1)

    def add_notes(self, notes: Iterable[Note]) -> None:
        self._histories.clear()
        for note in notes:
            counted = self._from_notes.get(note.kind)
            delivered = note.status is NoteStatus.DELIVERED and note.delivered_at
            if counted and delivered and note.deleted_at is None:
                # The stamp carries the local offset it was written with, so its
                # first ten characters are the day it was handed over, there.
                day = (note.delivered_at or "")[:10]
                for practice in counted:
                    _bump(self.practice_days.setdefault(practice, {}), day, 1)

    def add_checkins(self, checkins: Iterable[Checkin]) -> None:
        for checkin in checkins:
            ratings = [r for r in checkin.ratings.values() if type(r) is int and r in CHECKIN_SCALE]
            if ratings and checkin.deleted_at is None:
                self.checkins.setdefault(checkin.date, []).append(sum(ratings) / len(ratings))

    def add_pauses(self, pauses: Iterable[Pause]) -> None:
        self._histories.clear()
        for pause in pauses:
            if pause.deleted_at is None:
                self.paused.update(_days_between(pause.start, pause.end))

    def history(self, practice: Practice, *, today: date, week_start: int) -> History:
        """Strength and streak over all time, worked out once per practice and day."""
        key = (practice.id, practice.target, today.toordinal(), week_start)
        found = self._histories.get(key)
        if found is None:
            found = self._histories[key] = History(
                practice.target,
                self._by_ordinal(self.practice_days.get(practice.id, {})),
                set(self._by_ordinal(dict.fromkeys(self.paused, 1))),
                today=today.toordinal(),
                week_start=week_start,
            )
        return found

    def _by_ordinal(self, per_day: Mapping[str, int]) -> dict[int, int]:
        # Practices share most of their days, so each ISO day is parsed only once.
        ordinals = self._ordinals
        for day in per_day.keys() - ordinals.keys():
            try:
                ordinals[day] = date.fromisoformat(day).toordinal()
            except ValueError:
                ordinals[day] = None  # a hand-edited date that names no day
        return {o: n for day, n in per_day.items() if (o := ordinals[day]) is not None}


def _bump(tally: dict[str, int], day: str, amount: int) -> None:
    tally[day] = tally.get(day, 0) + amount


def _days_between(first: str, last: str) -> list[str]:
    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        return []
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def build_index(
    practices: Sequence[Practice],
    *,
    logs: Iterable[PracticeLog] = (),
    moments: Iterable[Moment] = (),
    entries: Iterable[Entry] = (),
    notes: Iterable[Note] = (),
    checkins: Iterable[Checkin] = (),
    pauses: Iterable[Pause] = (),
) -> StatsIndex:
    """One pass over the records; ``practices`` says which note kinds count toward which."""
    index = StatsIndex(practices)
    index.add_logs(logs)
    index.add_moments(moments)
    index.add_entries(entries)
    index.add_notes(notes)
    index.add_checkins(checkins)
    index.add_pauses(pauses)
    return index


def load_index(store: Store, content: Content) -> StatsIndex:
    index = build_index(
        practice_book.practices(store, content),
        # One at a time: a decade of records is counted, never held all at once.
        logs=store.each(PracticeLog),
        moments=store.each(Moment),
        entries=store.each(Entry),
        notes=store.each(Note),
        checkins=store.each(Checkin),
        pauses=store.each(Pause),
    )
    index.six_hours = practice_book.six_hours(store, content)
    return index
