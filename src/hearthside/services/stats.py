"""How the practices are going: the numbers the dashboard and ``hearthside stats`` share.

``load_index`` (or ``build_index``) walks the records once into per-day tallies;
``dashboard_view`` then reads only the days it shows, so a week costs the same
with a decade of records as with a month's, and moving between weeks never
rescans anything.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from hearthside.domain import periods
from hearthside.domain.records import Checkin, Moment, Note, PracticeLog
from hearthside.services import practice_book
from hearthside.services.habits import StatsIndex, build_index, load_index, needed
from hearthside.services.ratios import Ratio, Repair
from hearthside.services.six_hours import SixHoursWeek, six_hours_week
from hearthside.store.store import Store
from hearthside.store.where import between, on_day
from hearthside.texts.items import Practice
from hearthside.texts.library import Content

__all__ = [
    "DashboardView",
    "HeatCell",
    "Minutes",
    "PracticeProgress",
    "Ratio",
    "Repair",
    "StatsIndex",
    "Tally",
    "WeekSoFar",
    "build_index",
    "dashboard_view",
    "day_tally",
    "load_index",
    "tally",
    "week_so_far",
]

# Weeks of history a view covers unless the caller has room for more (a wide window).
WEEKS_SHOWN = 12

# met; open: still under way and not met yet; missed: over and not met; paused:
# nothing asked because every day so far was paused; ahead: the period is to come.
Status = Literal["met", "open", "missed", "paused", "ahead"]
PLURALS = {"day": "days", "week": "weeks", "fortnight": "fortnights", "month": "months"}


@dataclass(frozen=True, slots=True)
class HeatCell:
    """One day of a practice's heatmap."""

    day: date
    count: int  # times done that day (logs plus notes that count toward it)
    paused: bool
    future: bool


@dataclass(frozen=True, slots=True)
class PracticeProgress:
    """One practice in the week in view.

    Daily practices are judged over the week, as days done out of the days so far
    (paused days not done are not needed). Others are judged over their own period
    holding the week (today, for this week; the week's last day, for others).
    """

    practice: Practice
    start: date  # the period judged
    end: date
    done: int
    needed: int  # 0 when nothing is asked: every day so far paused, or the week to come
    unit: str  # "days" for daily practices, "times" for the rest
    status: Status
    streak: int  # periods of the practice's target (days for daily ones) met in a row
    strength: int  # 0 to 100; rises with practice, fades slowly with misses
    heatmap: tuple[HeatCell, ...]  # the weeks shown, ending with the week in view, day by day

    @property
    def met(self) -> bool:
        return self.status == "met"

    @property
    def label(self) -> str:
        if self.status in ("paused", "ahead"):
            return self.status
        if self.unit == "days" or self.practice.target.count > 1:
            return f"{self.done}/{self.needed} {self.unit}"
        if not self.done:
            return "not done" if self.status == "missed" else "not yet"
        return "done" if self.done == 1 else f"done ×{self.done}"

    @property
    def streak_label(self) -> str:
        """Like "3 days in a row"; empty when there is no streak to speak of."""
        if not self.streak:
            return ""
        period = self.practice.target.period
        return f"{self.streak} {period if self.streak == 1 else PLURALS[period]} in a row"


@dataclass(frozen=True, slots=True)
class Tally:
    """What happened over some days: the figures every room and ``stats`` show.

    Made by ``tally`` alone, so a day on Today, the daily review's summary, a week on
    the Dashboard and ``hearthside stats`` can never disagree.
    """

    done: dict[str, int]  # practice id: times (logs, plus delivered notes that count)
    practices: tuple[Practice, ...]  # the ones done at least once, in the book's order
    minutes: int  # time together, from the practice that tracks minutes
    positive: int  # every moment; the conflict ones are counted in these too
    negative: int
    conflict_positive: int  # moments noted during a disagreement
    conflict_negative: int


def tally(index: StatsIndex, content: Content, days: Sequence[str]) -> Tally:
    """The figures for ``days`` (ISO dates), read from the index."""
    timed = content.timed_practice
    per_day = index.minutes.get(timed.id, {}) if timed is not None else {}
    done = {
        p.id: n
        for p in index.practices
        if (n := sum(index.practice_days.get(p.id, {}).get(d, 0) for d in days))
    }
    return Tally(
        done=done,
        practices=tuple(p for p in index.practices if p.id in done),
        minutes=sum(per_day.get(d, 0) for d in days),
        positive=sum(index.positive.get(d, 0) for d in days),
        negative=sum(index.negative.get(d, 0) for d in days),
        conflict_positive=sum(index.conflict_positive.get(d, 0) for d in days),
        conflict_negative=sum(index.conflict_negative.get(d, 0) for d in days),
    )


def day_tally(store: Store, content: Content, day: date) -> Tally:
    """One day's figures, reading only that day's records (Today and the review)."""
    iso = day.isoformat()
    index = build_index(
        practice_book.practices(store, content),
        logs=store.all(PracticeLog, where=on_day(day)),
        moments=store.all(Moment, where=on_day(day)),
        notes=store.all(Note, where=on_day(day, field="delivered_at")),
    )
    return tally(index, content, [iso])


@dataclass(frozen=True, slots=True)
class Minutes:
    """Time together this week against the floor and aim from content."""

    total: int
    floor: int
    aim: int
    series: tuple[int, ...]  # minutes in each of the weeks shown, ending with this one

    @property
    def verdict(self) -> str:
        if self.total >= self.aim:
            return "aim reached"
        if self.total >= self.floor:
            return "floor reached"
        return f"{self.floor - self.total} min to the floor"


@dataclass(frozen=True, slots=True)
class DashboardView:
    """Everything the dashboard shows for one week; ``hearthside stats`` prints the same."""

    start: date
    end: date
    today: date
    practices: tuple[PracticeProgress, ...]
    minutes: Minutes | None  # None when no practice in content tracks minutes
    ratio: Ratio  # the everyday moments
    conflict_ratio: Ratio  # the moments noted during a disagreement
    weeks: tuple[date, ...]  # first days of the weeks the series cover, oldest first
    closeness: tuple[float | None, ...]  # mean 1-5 rating per week; None without entries
    checkins: tuple[float | None, ...]  # mean 0-4 drift rating per week; None without one
    paused_days: int  # paused days in the week in view
    six_hours: SixHoursWeek | None  # None unless the six hours are switched on

    @property
    def is_current(self) -> bool:
        return self.start <= self.today <= self.end

    @property
    def which_week(self) -> str:
        """How the figures' words name the week in view (its dates head the screen)."""
        return "this week" if self.is_current else "that week"

    @property
    def previous_week(self) -> date:
        return self.start - timedelta(weeks=1)

    @property
    def next_week(self) -> date:
        return self.start + timedelta(weeks=1)


def dashboard_view(
    index: StatsIndex,
    content: Content,
    day: date,
    *,
    today: date,
    week_start: int,
    weeks_shown: int = WEEKS_SHOWN,
) -> DashboardView:
    """The week holding ``day`` and the ``weeks_shown`` weeks up to it, read from the
    index in time proportional to the days shown."""
    start, end = periods.period_bounds(day, "week", week_start=week_start)
    first = start - timedelta(weeks=weeks_shown - 1)
    grid = [first + timedelta(days=n) for n in range(weeks_shown * 7)]
    isos = [d.isoformat() for d in grid]
    weeks = [isos[n : n + 7] for n in range(0, len(isos), 7)]
    return DashboardView(
        start=start,
        end=end,
        today=today,
        practices=tuple(
            _progress(index, p, grid, isos, today=today, week_start=week_start)
            for p in index.practices
        ),
        minutes=_minutes(index, content, weeks),
        ratio=week_ratio(index, content, weeks[-1]),
        conflict_ratio=week_ratio(index, content, weeks[-1], conflict=True),
        weeks=tuple(grid[::7]),
        closeness=tuple(_closeness(index, week) for week in weeks),
        checkins=tuple(week_checkin(index, week) for week in weeks),
        paused_days=sum(1 for d in weeks[-1] if d in index.paused),
        six_hours=six_hours_week(index, index.six_hours, weeks[-1]) if index.six_hours else None,
    )


def _progress(
    index: StatsIndex,
    practice: Practice,
    grid: list[date],
    isos: list[str],
    *,
    today: date,
    week_start: int,
) -> PracticeProgress:
    counts = index.practice_days.get(practice.id, {})
    paused = index.paused
    heatmap = tuple(
        HeatCell(d, counts.get(iso, 0), iso in paused, d > today)
        for d, iso in zip(grid, isos, strict=True)
    )
    start, end = grid[-7], grid[-1]
    ref = today if start <= today <= end else end
    if practice.target.period == "day":
        so_far = [cell for cell in heatmap[-7:] if not cell.future]
        # A day counts once it holds the target's times ("2 per day": twice).
        done = sum(1 for cell in so_far if cell.count >= practice.target.count)
        need = sum(1 for cell in so_far if cell.count or not cell.paused)
        unit = "days"
    else:
        start, end = periods.period_bounds(ref, practice.target.period, week_start=week_start)
        days = [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]
        # Only what had happened by the week in view: a later day of a month that runs
        # past an earlier week must not make that week look met.
        done = sum(counts.get(d, 0) for d in days[: (ref - start).days + 1])
        need = needed(practice.target, done, len(days), sum(1 for d in days if d in paused))
        unit = "times"
    standing = index.history(practice, today=today, week_start=week_start).at(ref.toordinal())
    return PracticeProgress(
        practice=practice,
        start=start,
        end=end,
        done=done,
        needed=need,
        unit=unit,
        status=_status(done, need, start, end, today),
        streak=standing.streak,
        strength=round(standing.strength * 100),
        heatmap=heatmap,
    )


def _status(done: int, need: int, start: date, end: date, today: date) -> Status:
    if start > today:
        return "ahead"
    if not need:
        return "paused"
    if done >= need:
        return "met"
    return "open" if end >= today else "missed"


def _minutes(index: StatsIndex, content: Content, weeks: list[list[str]]) -> Minutes | None:
    timed = content.timed_practice
    if timed is None:
        return None
    series = tuple(tally(index, content, week).minutes for week in weeks)
    floor = timed.minutes_floor or 0
    return Minutes(series[-1], floor, timed.minutes_aim or floor, series)


def week_ratio(
    index: StatsIndex, content: Content, week: Sequence[str], *, conflict: bool = False
) -> Ratio:
    """Good and hard moments over ``week`` (ISO dates) against the aim from content: those
    noted during a disagreement with ``conflict``, else the everyday rest."""
    aim = content.ratio
    t = tally(index, content, week)
    if conflict:
        ratio = Ratio(t.conflict_positive, t.conflict_negative, aim.aim, None, conflict=True)
    else:
        positive, negative = t.positive - t.conflict_positive, t.negative - t.conflict_negative
        ratio = Ratio(positive, negative, aim.everyday_aim, repair=None)
    if ratio.met:
        return ratio
    return dataclasses.replace(ratio, repair=Repair(aim.repair_hint, content.repair_steps()))


@dataclass(frozen=True, slots=True)
class WeekSoFar:
    """How the week holding a day is going between you, by the Dashboard's own rules."""

    ratio: Ratio  # the everyday one: see good_memories.worth_offering
    checkin: float | None  # mean 0-4 drift rating; None without a check-in


def week_so_far(store: Store, content: Content, day: date, *, week_start: int) -> WeekSoFar:
    """The ratio and check-in of the week holding ``day``, reading only that week's
    moments and check-ins (for Today)."""
    start, end = periods.period_bounds(day, "week", week_start=week_start)
    week = between(start, end)
    index = build_index(
        practice_book.practices(store, content),
        moments=store.all(Moment, where=week),
        checkins=store.all(Checkin, where=week),
    )
    days = [(start + timedelta(days=n)).isoformat() for n in range(7)]
    return WeekSoFar(week_ratio(index, content, days), week_checkin(index, days))


def _closeness(index: StatsIndex, week: list[str]) -> float | None:
    count = sum(index.closeness_count.get(d, 0) for d in week)
    return sum(index.closeness_sum.get(d, 0) for d in week) / count if count else None


def week_checkin(index: StatsIndex, week: Sequence[str]) -> float | None:
    """The mean 0-4 drift rating of the check-ins over ``week``; None without one."""
    ratings = [r for d in week for r in index.checkins.get(d, ())]
    return sum(ratings) / len(ratings) if ratings else None
