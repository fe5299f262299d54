"""The calendar maths behind period views: hearthside.domain.periods."""

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearthside.domain.periods import (
    DEFAULT_ANCHOR,
    period_bounds,
    periods_back,
    shift_period,
    week_start_of,
)
from hearthside.errors import HearthsideError
from tests.conftest import TODAY

D = date  # keeps the expectation tables readable

dates_1950_2150 = st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31))
week_starts = st.integers(min_value=0, max_value=6)


# --- period maths ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "week_start", "expected"),
    [
        (D(2026, 11, 25), 0, D(2026, 11, 23)),
        (D(2026, 11, 23), 0, D(2026, 11, 23)),
        (D(2026, 11, 25), 2, D(2026, 11, 25)),
        (D(2026, 11, 25), 3, D(2026, 11, 19)),
        (D(2026, 11, 25), 6, D(2026, 11, 22)),
        (D(2026, 11, 21), 6, D(2026, 11, 15)),
    ],
)
def test_week_start_of(d: date, week_start: int, expected: date) -> None:
    assert week_start_of(d, week_start) == expected


@pytest.mark.parametrize(
    ("d", "week_start", "expected"),
    [
        # across a month boundary
        (D(2026, 12, 2), 0, (D(2026, 11, 30), D(2026, 12, 6))),
        (D(2026, 11, 30), 0, (D(2026, 11, 30), D(2026, 12, 6))),
        (D(2026, 12, 2), 6, (D(2026, 11, 29), D(2026, 12, 5))),
        (D(2026, 11, 29), 6, (D(2026, 11, 29), D(2026, 12, 5))),
        # across a year boundary
        (D(2027, 1, 1), 0, (D(2026, 12, 28), D(2027, 1, 3))),
        (D(2026, 12, 28), 0, (D(2026, 12, 28), D(2027, 1, 3))),
        (D(2027, 1, 3), 0, (D(2026, 12, 28), D(2027, 1, 3))),
        (D(2027, 1, 1), 6, (D(2026, 12, 27), D(2027, 1, 2))),
        (D(2027, 1, 2), 6, (D(2026, 12, 27), D(2027, 1, 2))),
        (D(2027, 1, 3), 6, (D(2027, 1, 3), D(2027, 1, 9))),
        # around a leap day
        (D(2028, 2, 29), 0, (D(2028, 2, 28), D(2028, 3, 5))),
    ],
)
def test_week_bounds(d: date, week_start: int, expected: tuple[date, date]) -> None:
    assert period_bounds(d, "week", week_start=week_start) == expected


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (D(2028, 2, 10), (D(2028, 2, 1), D(2028, 2, 29))),
        (D(2028, 2, 29), (D(2028, 2, 1), D(2028, 2, 29))),
        (D(2027, 2, 10), (D(2027, 2, 1), D(2027, 2, 28))),
        (D(2000, 2, 10), (D(2000, 2, 1), D(2000, 2, 29))),
        (D(2100, 2, 10), (D(2100, 2, 1), D(2100, 2, 28))),
        (D(2026, 12, 31), (D(2026, 12, 1), D(2026, 12, 31))),
        (D(2026, 4, 30), (D(2026, 4, 1), D(2026, 4, 30))),
    ],
)
def test_month_bounds(d: date, expected: tuple[date, date]) -> None:
    assert period_bounds(d, "month") == expected


def test_day_and_year_bounds() -> None:
    assert period_bounds(TODAY, "day") == (TODAY, TODAY)
    assert period_bounds(date(2028, 2, 29), "year") == (date(2028, 1, 1), date(2028, 12, 31))


def test_fortnight_is_anchored_on_default_anchor() -> None:
    assert date(2000, 1, 3) == DEFAULT_ANCHOR
    assert period_bounds(DEFAULT_ANCHOR, "fortnight") == (date(2000, 1, 3), date(2000, 1, 16))
    # Monday 2026-11-16 is 1402 weeks (an even number) after the anchor.
    assert period_bounds(TODAY, "fortnight") == (date(2026, 11, 16), date(2026, 11, 29))


def test_fortnight_is_the_same_whichever_day_you_ask_from() -> None:
    start, end = period_bounds(TODAY, "fortnight")
    for offset in range(14):
        assert period_bounds(start + timedelta(days=offset), "fortnight") == (start, end)
    assert period_bounds(end + timedelta(days=1), "fortnight")[0] == end + timedelta(days=1)
    assert period_bounds(start - timedelta(days=1), "fortnight")[1] == start - timedelta(days=1)


def test_fortnight_before_the_anchor() -> None:
    assert period_bounds(date(2000, 1, 2), "fortnight") == (date(1999, 12, 20), date(2000, 1, 2))
    assert period_bounds(date(1999, 12, 20), "fortnight") == (date(1999, 12, 20), date(2000, 1, 2))
    assert period_bounds(date(1999, 12, 19), "fortnight") == (date(1999, 12, 6), date(1999, 12, 19))
    assert period_bounds(date(1950, 6, 1), "fortnight")[0].weekday() == 0


def test_fortnight_follows_week_start_and_custom_anchor() -> None:
    # Sunday weeks: the fortnight starts on the Sunday before the Monday anchor.
    assert period_bounds(date(2000, 1, 2), "fortnight", week_start=6) == (
        date(2000, 1, 2),
        date(2000, 1, 15),
    )
    anchor = date(2026, 11, 18)  # a Wednesday: fortnights run from Monday 16th
    bounds = period_bounds(TODAY, "fortnight", anchor=anchor)
    assert bounds == (date(2026, 11, 16), date(2026, 11, 29))
    assert period_bounds(TODAY, "fortnight", anchor=anchor + timedelta(days=7)) == (
        date(2026, 11, 23),
        date(2026, 12, 6),
    )


def test_periods_back() -> None:
    assert periods_back(TODAY, "week", 3) == [
        (date(2026, 11, 9), date(2026, 11, 15)),
        (date(2026, 11, 16), date(2026, 11, 22)),
        (date(2026, 11, 23), date(2026, 11, 29)),
    ]
    assert periods_back(date(2027, 1, 31), "month", 3) == [
        (date(2026, 11, 1), date(2026, 11, 30)),
        (date(2026, 12, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 1, 31)),
    ]
    assert periods_back(date(2000, 1, 10), "fortnight", 2) == [
        (date(1999, 12, 20), date(2000, 1, 2)),
        (date(2000, 1, 3), date(2000, 1, 16)),
    ]
    assert periods_back(date(2028, 3, 1), "day", 2) == [
        (date(2028, 2, 29), date(2028, 2, 29)),
        (date(2028, 3, 1), date(2028, 3, 1)),
    ]
    assert periods_back(date(2029, 6, 1), "year", 2) == [
        (date(2028, 1, 1), date(2028, 12, 31)),
        (date(2029, 1, 1), date(2029, 12, 31)),
    ]
    assert periods_back(TODAY, "week", 1, week_start=6) == [
        (date(2026, 11, 22), date(2026, 11, 28))
    ]
    assert periods_back(TODAY, "month", 0) == []


def test_periods_back_refuses_negative_count() -> None:
    with pytest.raises(HearthsideError):
        periods_back(TODAY, "week", -1)


@pytest.mark.parametrize(
    ("d", "period", "steps", "expected"),
    [
        (D(2026, 11, 25), "day", -25, D(2026, 10, 31)),
        (D(2026, 12, 30), "week", 1, D(2027, 1, 6)),
        (D(2026, 11, 25), "fortnight", -2, D(2026, 10, 28)),
        (D(2027, 1, 31), "month", 1, D(2027, 2, 28)),
        (D(2028, 1, 31), "month", 1, D(2028, 2, 29)),
        (D(2027, 1, 15), "month", -1, D(2026, 12, 15)),
        (D(2028, 2, 29), "year", 1, D(2029, 2, 28)),
        (D(2028, 2, 29), "year", 4, D(2032, 2, 29)),
        (D(2026, 11, 25), "month", 0, D(2026, 11, 25)),
    ],
)
def test_shift_period(d: date, period: str, steps: int, expected: date) -> None:
    assert shift_period(d, period, steps) == expected


def test_period_maths_rejects_bad_options() -> None:
    with pytest.raises(HearthsideError, match="fortnight"):
        period_bounds(TODAY, "quarter")
    with pytest.raises(HearthsideError, match="0 \\(Monday\\) to 6 \\(Sunday\\)"):
        period_bounds(TODAY, "week", week_start=7)
    with pytest.raises(HearthsideError):
        week_start_of(TODAY, -1)
    with pytest.raises(HearthsideError):
        shift_period(TODAY, "decade", 1)


def test_period_maths_past_the_calendar_is_a_hearthside_error() -> None:
    with pytest.raises(HearthsideError, match="ends of the calendar"):
        shift_period(TODAY, "year", 10_000)
    with pytest.raises(HearthsideError, match="ends of the calendar"):
        shift_period(TODAY, "day", 10**12)
    with pytest.raises(HearthsideError, match="ends of the calendar"):
        periods_back(TODAY, "month", 10**6)


# --- properties -----------------------------------------------------------------


@given(d=dates_1950_2150, week_start=week_starts)
def test_week_holds_the_day_and_starts_on_week_start(d: date, week_start: int) -> None:
    start, end = period_bounds(d, "week", week_start=week_start)
    assert start <= d <= end
    assert (end - start).days == 6
    assert start.weekday() == week_start
    assert week_start_of(d, week_start) == start


@given(d=dates_1950_2150, week_start=week_starts, anchor=st.one_of(st.none(), dates_1950_2150))
def test_fortnight_properties(d: date, week_start: int, anchor: date | None) -> None:
    start, end = period_bounds(d, "fortnight", week_start=week_start, anchor=anchor)
    assert start <= d <= end
    assert (end - start).days == 13
    assert start.weekday() == week_start
    origin = week_start_of(DEFAULT_ANCHOR if anchor is None else anchor, week_start)
    assert (start - origin).days % 14 == 0
    for offset in range(14):
        inside = start + timedelta(days=offset)
        assert period_bounds(inside, "fortnight", week_start=week_start, anchor=anchor) == (
            start,
            end,
        )


@given(
    d=dates_1950_2150,
    period=st.sampled_from(["day", "week", "fortnight", "month", "year"]),
    n=st.integers(min_value=1, max_value=30),
    week_start=week_starts,
)
def test_periods_back_are_contiguous_and_end_with_d(
    d: date, period: str, n: int, week_start: int
) -> None:
    periods = periods_back(d, period, n, week_start=week_start)
    assert len(periods) == n
    assert periods[-1] == period_bounds(d, period, week_start=week_start)
    for (_, earlier_end), (later_start, _) in itertools.pairwise(periods):
        assert later_start == earlier_end + timedelta(days=1)


@given(
    d=dates_1950_2150,
    period=st.sampled_from(["day", "week", "fortnight", "month", "year"]),
    steps=st.integers(min_value=-40, max_value=40),
    week_start=week_starts,
)
def test_shift_period_lands_steps_periods_away(
    d: date, period: str, steps: int, week_start: int
) -> None:
    moved = shift_period(d, period, steps, week_start=week_start)
    here = period_bounds(d, period, week_start=week_start)
    there = period_bounds(moved, period, week_start=week_start)
    if steps >= 0:
        expected = periods_back(moved, period, steps + 1, week_start=week_start)[0]
        assert expected == here
    else:
        expected = periods_back(d, period, -steps + 1, week_start=week_start)[0]
        assert expected == there
