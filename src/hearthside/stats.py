"""How the practices are going in a period: the numbers the CLI and the dashboard share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from hearthside import dates
from hearthside.content import Practice
from hearthside.model import Moment, PracticeLog

RATIO_AIM = 5


@dataclass(frozen=True)
class PracticeStat:
    practice: Practice
    start: date
    end: date
    done: int
    needed: int
    unit: str  # "days" for daily practices, "times" otherwise

    @property
    def met(self) -> bool:
        return self.done >= self.needed

    @property
    def label(self) -> str:
        return f"{self.done}/{self.needed} {self.unit}"


@dataclass(frozen=True)
class Minutes:
    total: int
    floor: int
    aim: int

    @property
    def verdict(self) -> str:
        if self.total >= self.aim:
            return "aim reached"
        if self.total >= self.floor:
            return "floor reached"
        return f"{self.floor - self.total} min to the floor"


@dataclass(frozen=True)
class Ratio:
    positive: int
    negative: int

    @property
    def met(self) -> bool:
        return self.positive >= RATIO_AIM * self.negative

    @property
    def label(self) -> str:
        if self.negative == 0:
            return f"{self.positive}:0"
        return f"{self.positive / self.negative:.1f}:1"


@dataclass(frozen=True)
class WeekSummary:
    start: date
    end: date
    practices: tuple[PracticeStat, ...]
    minutes: Minutes | None
    ratio: Ratio


def practice_stat(
    practice: Practice,
    logs: Iterable[PracticeLog],
    day: date,
    *,
    today: date,
    week_start: int,
) -> PracticeStat:
    """Progress on one practice in the period of its target that contains ``day``."""
    target = practice.target
    if target.period == "day":
        # A daily practice is judged over the week as days done out of days so far.
        start, end = dates.period_bounds(day, "week", week_start=week_start)
        last = min(end, today)
        needed = max((last - start).days + 1, 0)
        days = {
            log.date
            for log in logs
            if log.practice == practice.id and start.isoformat() <= log.date <= last.isoformat()
        }
        return PracticeStat(practice, start, end, len(days), needed, "days")
    start, end = dates.period_bounds(day, target.period, week_start=week_start)
    done = sum(
        1
        for log in logs
        if log.practice == practice.id and start.isoformat() <= log.date <= end.isoformat()
    )
    return PracticeStat(practice, start, end, done, target.count, "times")


def week_summary(
    practices: Sequence[Practice],
    logs: Sequence[PracticeLog],
    moments: Sequence[Moment],
    day: date,
    *,
    today: date | None = None,
    week_start: int = 0,
) -> WeekSummary:
    today = today or date.today()
    start, end = dates.period_bounds(day, "week", week_start=week_start)
    lo, hi = start.isoformat(), end.isoformat()
    stats = tuple(
        practice_stat(p, logs, day, today=today, week_start=week_start) for p in practices
    )
    minutes = None
    timed = next((p for p in practices if p.tracks_minutes), None)
    if timed is not None:
        total = sum(
            log.minutes or 0 for log in logs if log.practice == timed.id and lo <= log.date <= hi
        )
        floor = timed.minutes_floor or 0
        minutes = Minutes(total, floor, timed.minutes_aim or floor)
    in_week = [m for m in moments if lo <= m.date <= hi]
    ratio = Ratio(sum(m.positive for m in in_week), sum(not m.positive for m in in_week))
    return WeekSummary(start, end, stats, minutes, ratio)
