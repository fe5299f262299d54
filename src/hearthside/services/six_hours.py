"""The "six hours": how this week's minutes fill each part of the set, and which is thin.

A log that carries minutes counts those; one without counts as one usual time of its
part (a hug logged is five minutes of affection). Only the week's days are read from
the index, so it costs the same with a decade of logs as with a week's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hearthside.services.habits import StatsIndex
from hearthside.texts.practices import SixHours, SixHoursPart


@dataclass(frozen=True, slots=True)
class PartWeek:
    part: SixHoursPart
    minutes: int

    @property
    def share(self) -> float:
        """How full the part is, 0.0 up (1.0: its weekly budget)."""
        return self.minutes / self.part.budget

    @property
    def label(self) -> str:
        return f"{self.minutes} of {self.part.budget} min"


@dataclass(frozen=True, slots=True)
class SixHoursWeek:
    parts: tuple[PartWeek, ...]

    @property
    def minutes(self) -> int:
        return sum(p.minutes for p in self.parts)

    @property
    def budget(self) -> int:
        return sum(p.part.budget for p in self.parts)

    @property
    def thin(self) -> PartWeek | None:
        """The part furthest from its budget (the first, on a tie); None once all are full."""
        short = [p for p in self.parts if p.share < 1.0]
        return min(short, key=lambda p: p.share) if short else None

    @property
    def verdict(self) -> str:
        """The week in a line: the total, and where a little more would go furthest."""
        total = f"{hours(self.minutes)} of {hours(self.budget)}"
        thin = self.thin
        if thin is None:
            return f"{total}: every part has its time this week."
        return f"{total}. Thinnest so far: {thin.part.name.lower()} ({thin.label})."


def hours(minutes: int) -> str:
    """``340`` as "5 h 40", ``360`` as "6 h", ``45`` as "45 min"."""
    whole, rest = divmod(minutes, 60)
    if not whole:
        return f"{rest} min"
    return f"{whole} h {rest:02d}" if rest else f"{whole} h"


def six_hours_week(index: StatsIndex, six: SixHours, days: Sequence[str]) -> SixHoursWeek:
    """Each part's minutes over ``days`` (ISO dates: the week in view)."""
    found = []
    for part in six.parts:
        counts = index.practice_days.get(part.practice, {})
        logged = index.minutes.get(part.practice, {})
        timed = index.timed_logs.get(part.practice, {})
        minutes = sum(
            logged.get(d, 0) + (counts.get(d, 0) - timed.get(d, 0)) * part.minutes for d in days
        )
        found.append(PartWeek(part, minutes))
    return SixHoursWeek(tuple(found))
