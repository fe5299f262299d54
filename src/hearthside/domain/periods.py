"""The calendar maths behind period views: days, weeks, fortnights, months and years.

Only the stdlib and dateutil are used.
"""

import functools
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Final, Literal, ParamSpec, TypeAlias, TypeVar

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule

from hearthside.domain.dates import quote
from hearthside.errors import HearthsideError

__all__ = [
    "DEFAULT_ANCHOR",
    "PERIODS",
    "check_week_start",
    "period_bounds",
    "periods_back",
    "shift_period",
    "week_start_of",
]

PERIODS: Final[tuple[str, ...]] = ("day", "week", "fortnight", "month", "year")
# Fortnights are counted from a fixed Monday so the same fortnight is shown
# whatever day the app happens to be opened on.
DEFAULT_ANCHOR: Final = date(2000, 1, 3)

_RD_WEEKDAYS: Final = (MO, TU, WE, TH, FR, SA, SU)
_Frequency: TypeAlias = Literal[0, 1, 2, 3]  # YEARLY, MONTHLY, WEEKLY, DAILY
_RRULE_STEPS: Final[dict[str, tuple[_Frequency, int]]] = {
    "day": (DAILY, 1),
    "week": (WEEKLY, 1),
    "fortnight": (WEEKLY, 2),
    "month": (MONTHLY, 1),
    "year": (YEARLY, 1),
}

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _beyond_calendar(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Turn date overflow from huge step counts into a message for the user."""

    @functools.wraps(func)
    def guarded(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return func(*args, **kwargs)
        except (OverflowError, ValueError) as exc:
            raise HearthsideError(
                "That goes past the ends of the calendar (years 1 to 9999)."
            ) from exc

    return guarded


def week_start_of(d: date, week_start: int) -> date:
    """The first day of d's week; week_start is 0 (Monday) to 6 (Sunday)."""
    check_week_start(week_start)
    result: date = d + relativedelta(weekday=_RD_WEEKDAYS[week_start](-1))
    return result


@_beyond_calendar
def period_bounds(
    d: date,
    period: str,
    *,
    week_start: int = 0,
    anchor: date | None = None,
) -> tuple[date, date]:
    """Inclusive first and last day of the day/week/fortnight/month/year holding d.

    Fortnights start on the week start on or before ``anchor`` (default
    DEFAULT_ANCHOR) and repeat every 14 days in both directions.
    """
    _check_period(period)
    check_week_start(week_start)
    if period == "day":
        return d, d
    if period == "week":
        start = week_start_of(d, week_start)
        return start, start + timedelta(days=6)
    if period == "fortnight":
        origin = week_start_of(DEFAULT_ANCHOR if anchor is None else anchor, week_start)
        # Floor division puts dates before the origin into the fortnights that
        # end just before it, instead of mirroring them around it.
        start = origin + timedelta(days=(d - origin).days // 14 * 14)
        return start, start + timedelta(days=13)
    if period == "month":
        last: date = d + relativedelta(day=31)  # relativedelta clamps to the month end
        return d.replace(day=1), last
    return date(d.year, 1, 1), date(d.year, 12, 31)


@_beyond_calendar
def shift_period(
    d: date,
    period: str,
    steps: int,
    *,
    week_start: int = 0,
    anchor: date | None = None,
) -> date:
    """A date in the period ``steps`` periods from d's (negative goes back).

    Keeps d's place in the period where it exists (Jan 31 + 1 month is Feb 28).
    week_start and anchor only need checking: whole weeks and fortnights away
    land in the right period however they are aligned.
    """
    _check_period(period)
    check_week_start(week_start)
    if period == "day":
        return d + timedelta(days=steps)
    if period == "week":
        return d + timedelta(weeks=steps)
    if period == "fortnight":
        return d + timedelta(weeks=2 * steps)
    moved: date = d + (
        relativedelta(months=steps) if period == "month" else relativedelta(years=steps)
    )
    return moved


@_beyond_calendar
def periods_back(
    d: date,
    period: str,
    n: int,
    *,
    week_start: int = 0,
    anchor: date | None = None,
) -> list[tuple[date, date]]:
    """The n periods ending with the one holding d, oldest first."""
    _check_period(period)
    check_week_start(week_start)
    if n < 0:
        raise HearthsideError("The number of periods to show can't be negative.")
    if n == 0:
        return []
    oldest, _ = period_bounds(
        shift_period(d, period, 1 - n), period, week_start=week_start, anchor=anchor
    )
    freq, interval = _RRULE_STEPS[period]
    # Explicit dtstart and wkst: rrule otherwise falls back to now() and to
    # calendar.firstweekday(), a process-wide setting any library may change.
    starts = rrule(
        freq,
        dtstart=datetime.combine(oldest, time()),
        interval=interval,
        wkst=week_start,
        count=n,
    )
    return [
        period_bounds(start.date(), period, week_start=week_start, anchor=anchor)
        for start in starts
    ]


def check_week_start(week_start: int) -> None:
    if week_start not in range(7):
        raise HearthsideError(
            f"The week can't start on day {week_start!r}: use 0 (Monday) to 6 (Sunday)."
        )


def _check_period(period: str) -> None:
    if period not in PERIODS:
        raise HearthsideError(
            f"Unknown period {quote(period)}: use day, week, fortnight, month or year."
        )
