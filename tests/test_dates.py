"""Tests for hearthside.domain.dates, date_parsing and periods: typed dates, filter spans
and period maths."""

import contextlib
import itertools
import re
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hearthside.domain.date_parsing import looks_like_span, parse_date, parse_span, weekday_index
from hearthside.domain.dates import WEEKDAYS, iso, now_iso
from hearthside.domain.periods import (
    DEFAULT_ANCHOR,
    period_bounds,
    periods_back,
    shift_period,
    week_start_of,
)
from hearthside.errors import HearthsideError

TODAY = date(2026, 11, 25)  # a Wednesday
D = date  # keeps the expectation tables readable

dates_1950_2150 = st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31))
week_starts = st.integers(min_value=0, max_value=6)


def parse(text: str, date_order: str = "MDY") -> date:
    return parse_date(text, today=TODAY, date_order=date_order)


def span(text: str, week_start: int = 0, today: date = TODAY) -> tuple[date, date]:
    return parse_span(text, today=today, week_start=week_start)


# --- parse_date -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", D(2026, 11, 25)),
        ("yesterday", D(2026, 11, 24)),
        ("tomorrow", D(2026, 11, 26)),
        ("  ToDay \n", D(2026, 11, 25)),
        ("0 days ago", D(2026, 11, 25)),
        ("1 day ago", D(2026, 11, 24)),
        ("3 days ago", D(2026, 11, 22)),
        ("3   DAYS  Ago", D(2026, 11, 22)),
        ("30 days ago", D(2026, 10, 26)),
        ("2 weeks ago", D(2026, 11, 11)),
        ("a week ago", D(2026, 11, 18)),
        ("in 3 days", D(2026, 11, 28)),
        ("in 6 days", D(2026, 12, 1)),
        ("in 2 weeks", D(2026, 12, 9)),
        ("in 6 weeks", D(2027, 1, 6)),
    ],
)
def test_named_and_relative_days(text: str, expected: date) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare and "this": the most recent such day, today included
        ("wednesday", D(2026, 11, 25)),
        ("monday", D(2026, 11, 23)),
        ("thursday", D(2026, 11, 19)),
        ("sunday", D(2026, 11, 22)),
        ("this monday", D(2026, 11, 23)),
        ("this wednesday", D(2026, 11, 25)),
        # last: strictly before today
        ("last wednesday", D(2026, 11, 18)),
        ("last monday", D(2026, 11, 23)),
        ("last friday", D(2026, 11, 20)),
        # next: strictly after today
        ("next wednesday", D(2026, 12, 2)),
        ("next thursday", D(2026, 11, 26)),
        ("next monday", D(2026, 11, 30)),
        # three-letter forms, any case
        ("mon", D(2026, 11, 23)),
        ("Tue", D(2026, 11, 24)),
        ("WED", D(2026, 11, 25)),
        ("last fri", D(2026, 11, 20)),
        ("next sat", D(2026, 11, 28)),
        ("sun", D(2026, 11, 22)),
    ],
)
def test_weekdays(text: str, expected: date) -> None:
    assert parse(text) == expected


def test_weekday_words_cross_year_boundary() -> None:
    new_year = date(2027, 1, 1)  # a Friday
    assert parse_date("monday", today=new_year) == date(2026, 12, 28)
    assert parse_date("last friday", today=new_year) == date(2026, 12, 25)
    assert parse_date("next thursday", today=new_year) == date(2027, 1, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-24", D(2026, 11, 24)),
        ("2026/11/24", D(2026, 11, 24)),
        ("2026.11.24", D(2026, 11, 24)),
        ("2026-1-5", D(2026, 1, 5)),
        ("Nov 24", D(2026, 11, 24)),
        ("nov 24", D(2026, 11, 24)),
        ("24 November 2026", D(2026, 11, 24)),
        ("November 24, 2025", D(2025, 11, 24)),
        ("24th", D(2026, 11, 24)),
        ("2026-11-24T23:59:00", D(2026, 11, 24)),
        ("Jan 5 2027", D(2027, 1, 5)),
    ],
)
def test_calendar_formats(text: str, expected: date) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("03/04/2026", "MDY", D(2026, 3, 4)),
        ("03/04/2026", "DMY", D(2026, 4, 3)),
        ("03/04/26", "MDY", D(2026, 3, 4)),
        ("03/04/26", "DMY", D(2026, 4, 3)),
        ("26/03/04", "YMD", D(2026, 3, 4)),
        ("13/04/2026", "MDY", D(2026, 4, 13)),  # unambiguous either way
        ("13/04/2026", "DMY", D(2026, 4, 13)),
        ("03/04/2026", "dmy", D(2026, 4, 3)),
    ],
)
def test_ambiguous_numbers_follow_date_order(text: str, order: str, expected: date) -> None:
    assert parse(text, order) == expected


@pytest.mark.parametrize("order", ["MDY", "DMY", "YMD"])
def test_leading_year_is_always_year_month_day(order: str) -> None:
    assert parse("2026/03/04", order) == date(2026, 3, 4)
    assert parse("2026-03-04", order) == date(2026, 3, 4)


def test_unknown_date_order_raises() -> None:
    with pytest.raises(HearthsideError, match="MDY, DMY or YMD"):
        parse("today", "DDMM")


@pytest.mark.parametrize(
    "text",
    ["blurf", "dinner with sam", "the", "a", "last week", "next month", "2026-13-01"],
)
def test_junk_is_refused_with_the_input_quoted(text: str) -> None:
    with pytest.raises(HearthsideError) as info:
        parse(text)
    message = str(info.value)
    assert f'"{text}"' in message
    assert "2026-11-24" in message and "last friday" in message


def test_refusal_message_reads_well() -> None:
    with pytest.raises(HearthsideError) as info:
        parse("blurf")
    assert str(info.value) == (
        'Couldn\'t read "blurf" as a date. '
        "Try 2026-11-24, today, yesterday, 3 days ago or last friday."
    )


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(HearthsideError, match="Type a date"):
        parse(text)


def test_quoted_input_is_truncated_and_cleaned() -> None:
    with pytest.raises(HearthsideError) as info:
        parse("\x1b[31mred\x07 alert\u202e" + "x" * 100)
    quoted = re.search(r'"(.*)"', str(info.value))
    assert quoted is not None
    shown = quoted.group(1)
    assert len(shown) == 40
    assert shown.startswith("[31mred alert")
    assert shown.endswith("…")
    assert not any(ord(ch) < 32 or ch == "\u202e" for ch in shown)


@pytest.mark.parametrize("text", ["10:30", "5m", "3pm", "wed 10:30", "12:00 EST"])
def test_a_time_alone_is_not_a_date(text: str) -> None:
    with pytest.raises(HearthsideError, match="as a date"):
        parse(text)


@pytest.mark.parametrize(
    "text",
    ["1899-12-31", "2201-01-01", "0001-01-01", "1066/10/14", "100000 days ago"],
)
def test_years_outside_range_are_refused(text: str) -> None:
    with pytest.raises(HearthsideError, match="year from 1900 to 2200"):
        parse(text)


def test_huge_counts_are_refused_cleanly() -> None:
    with pytest.raises(HearthsideError, match="year from 1900 to 2200"):
        parse("9" * 40 + " days ago")
    with pytest.raises(HearthsideError):
        parse("9" * 40)


def test_year_range_edges_are_accepted() -> None:
    assert parse("1900-01-01") == date(1900, 1, 1)
    assert parse("2200-12-31") == date(2200, 12, 31)


def test_leap_day() -> None:
    assert parse("2028-02-29") == date(2028, 2, 29)
    assert parse("feb 29 2028") == date(2028, 2, 29)
    assert parse_date("feb 29", today=date(2028, 1, 10)) == date(2028, 2, 29)
    for text in ("2027-02-29", "feb 29 2027", "2100-02-29"):
        with pytest.raises(HearthsideError):
            parse(text)


def test_default_today_is_the_real_today() -> None:
    assert parse_date("today") == date.today()


# --- parse_span / looks_like_span ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", (D(2026, 11, 25), D(2026, 11, 25))),
        ("last friday", (D(2026, 11, 20), D(2026, 11, 20))),
        ("since monday", (D(2026, 11, 23), D(2026, 11, 25))),
        ("since 2026-11-01", (D(2026, 11, 1), D(2026, 11, 25))),
        ("since 3 days ago", (D(2026, 11, 22), D(2026, 11, 25))),
        ("since last month", (D(2026, 10, 1), D(2026, 11, 25))),
        ("until 2026-11-01", (date.min, D(2026, 11, 1))),
        ("until 2026-02", (date.min, D(2026, 2, 28))),
        ("before 2026-11-01", (date.min, D(2026, 10, 31))),
        ("before 2026", (date.min, D(2025, 12, 31))),
        ("2026-11", (D(2026, 11, 1), D(2026, 11, 30))),
        ("2026/2", (D(2026, 2, 1), D(2026, 2, 28))),
        ("2026", (D(2026, 1, 1), D(2026, 12, 31))),
        ("this month", (D(2026, 11, 1), D(2026, 11, 30))),
        ("last month", (D(2026, 10, 1), D(2026, 10, 31))),
        ("this year", (D(2026, 1, 1), D(2026, 12, 31))),
        ("last year", (D(2025, 1, 1), D(2025, 12, 31))),
        ("2026-11-01 to 2026-11-24", (D(2026, 11, 1), D(2026, 11, 24))),
        ("2026-11-01..2026-11-24", (D(2026, 11, 1), D(2026, 11, 24))),
        ("2026-11-01 .. yesterday", (D(2026, 11, 1), D(2026, 11, 24))),
        ("from nov 1 to nov 3", (D(2026, 11, 1), D(2026, 11, 3))),
        ("2026-11-24..2026-11-01", (D(2026, 11, 1), D(2026, 11, 24))),
        ("2026-09 to 2026-10", (D(2026, 9, 1), D(2026, 10, 31))),
        ("last week to today", (D(2026, 11, 16), D(2026, 11, 25))),
    ],
)
def test_span_forms(text: str, expected: tuple[date, date]) -> None:
    assert span(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A month alone is the latest one that has begun: journals look back.
        ("november", (D(2026, 11, 1), D(2026, 11, 30))),
        ("Nov", (D(2026, 11, 1), D(2026, 11, 30))),
        ("december", (D(2025, 12, 1), D(2025, 12, 31))),
        ("sept", (D(2026, 9, 1), D(2026, 9, 30))),
        ("november 2025", (D(2025, 11, 1), D(2025, 11, 30))),
        ("feb 2028", (D(2028, 2, 1), D(2028, 2, 29))),
        ("since october", (D(2026, 10, 1), D(2026, 11, 25))),
        ("october to november", (D(2026, 10, 1), D(2026, 11, 30))),
        ("nov 10", (D(2026, 11, 10), D(2026, 11, 10))),
        ("on friday", (D(2026, 11, 20), D(2026, 11, 20))),
        ("on 2026-11-02", (D(2026, 11, 2), D(2026, 11, 2))),
        ("on nov 10", (D(2026, 11, 10), D(2026, 11, 10))),
    ],
)
def test_span_months_by_name_and_on_a_day(text: str, expected: tuple[date, date]) -> None:
    assert span(text) == expected


def test_span_a_month_name_with_a_year_out_of_range_is_refused() -> None:
    with pytest.raises(HearthsideError, match="too far away"):
        span("november 1850")
    with pytest.raises(HearthsideError, match='"on flurb"'):
        span("on flurb")


@pytest.mark.parametrize(
    ("text", "week_start", "expected"),
    [
        ("this week", 0, (D(2026, 11, 23), D(2026, 11, 29))),
        ("last week", 0, (D(2026, 11, 16), D(2026, 11, 22))),
        ("this week", 6, (D(2026, 11, 22), D(2026, 11, 28))),
        ("last week", 6, (D(2026, 11, 15), D(2026, 11, 21))),
    ],
)
def test_span_weeks_follow_week_start(
    text: str, week_start: int, expected: tuple[date, date]
) -> None:
    assert span(text, week_start) == expected


def test_span_last_month_and_week_across_new_year() -> None:
    new_year = date(2027, 1, 1)  # a Friday
    assert span("last month", today=new_year) == (date(2026, 12, 1), date(2026, 12, 31))
    assert span("last week", today=new_year) == (date(2026, 12, 21), date(2026, 12, 27))
    assert span("this week", today=new_year) == (date(2026, 12, 28), date(2027, 1, 3))


def test_span_ambiguous_numbers_follow_date_order() -> None:
    assert parse_span("03/04/2026", today=TODAY, date_order="DMY") == (
        date(2026, 4, 3),
        date(2026, 4, 3),
    )


def test_span_junk_quotes_whole_input_with_range_examples() -> None:
    with pytest.raises(HearthsideError) as info:
        span("dinner with sam")
    assert str(info.value) == (
        'Couldn\'t read "dinner with sam" as a date or range. '
        "Try november, this week, since monday or 2026-11-01..2026-11-24."
    )


def test_span_bad_part_is_quoted() -> None:
    with pytest.raises(HearthsideError, match='"blurf"'):
        span("since blurf")
    with pytest.raises(HearthsideError, match='"blurf"'):
        span("2026-11-01 to blurf")


@pytest.mark.parametrize(
    "text",
    ["", "  ", "a..b..c", "2026-11-01..", "to", "2026-13", "2026-00", "1850", "2301-01"],
)
def test_span_refuses(text: str) -> None:
    with pytest.raises(HearthsideError):
        span(text)


def test_span_since_the_future_is_refused() -> None:
    with pytest.raises(HearthsideError, match="after today"):
        span("since tomorrow")


def test_span_rejects_bad_options() -> None:
    with pytest.raises(HearthsideError):
        parse_span("today", date_order="XYZ")
    with pytest.raises(HearthsideError):
        parse_span("today", week_start=7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", True),
        ("last week", True),
        ("2026-11", True),
        ("since monday", True),
        ("Nov 24", True),
        ("blurf", False),
        ("dinner with sam", False),
        ("", False),
        ("10:30", False),
        ("at", False),
        ("since we met", False),
    ],
)
def test_looks_like_span(text: str, expected: bool) -> None:
    assert looks_like_span(text, today=TODAY) is expected


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


# --- small helpers ------------------------------------------------------------


def test_iso_and_now_iso() -> None:
    assert iso(date(2026, 11, 24)) == "2026-11-24"
    stamp = now_iso()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", stamp)
    parsed = datetime.fromisoformat(stamp)
    assert parsed.tzinfo is not None
    assert abs(datetime.now().astimezone() - parsed) < timedelta(minutes=1)


def test_weekdays_and_weekday_index() -> None:
    assert WEEKDAYS == (
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    )
    for index, name in enumerate(WEEKDAYS):
        assert weekday_index(name) == index
        assert weekday_index(name[:3]) == index
        assert weekday_index(name.upper()) == index
    assert weekday_index(" Sun ") == 6
    for bad in ("", "mo", "mond", "funday", "lunes"):
        with pytest.raises(HearthsideError):
            weekday_index(bad)


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


@given(d=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_iso_round_trips(d: date) -> None:
    assert parse_date(iso(d), today=TODAY) == d


# The first call imports dateutil.parser, which can blow hypothesis's 200 ms
# deadline and make the test flaky; the speed of junk rejection isn't under test.
@settings(deadline=None)
@given(text=st.text(), order=st.sampled_from(["MDY", "DMY", "YMD"]))
def test_parse_date_only_raises_hearthside_error(text: str, order: str) -> None:
    try:
        result = parse_date(text, today=TODAY, date_order=order)
    except HearthsideError:
        return
    assert 1900 <= result.year <= 2200


_DATEISH = st.sampled_from(
    [
        "2026", "11", "24", "03", "/", "-", ".", "..", " ", ":", "nov", "monday",
        "last", "next", "ago", "in", "days", "week", "to", "since", "before", "at",
        "pm", "utc", "st", "of", "99999999999999999999", "0", "-1", "feb", "29",
    ]
)  # fmt: skip


@settings(deadline=None)
@given(parts=st.lists(_DATEISH, max_size=6), order=st.sampled_from(["MDY", "DMY", "YMD"]))
def test_date_like_noise_only_raises_hearthside_error(parts: list[str], order: str) -> None:
    text = " ".join(parts)
    for read in (parse_date, parse_span):
        with contextlib.suppress(HearthsideError):
            read(text, today=TODAY, date_order=order)


@settings(deadline=None)
@given(text=st.text())
def test_looks_like_span_never_raises(text: str) -> None:
    assert looks_like_span(text, today=TODAY) in (True, False)


def test_a_bare_weekday_ahead_is_the_coming_one() -> None:
    wednesday = date(2026, 11, 25)
    assert parse_date("friday", today=wednesday, ahead=True) == date(2026, 11, 27)
    assert parse_date("wednesday", today=wednesday, ahead=True) == wednesday
    assert parse_date("friday", today=wednesday) == date(2026, 11, 20)
    assert parse_date("last friday", today=wednesday, ahead=True) == date(2026, 11, 20)
