"""The spans typed into a filter box: hearthside.domain.date_parsing.parse_span."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hearthside.domain.date_parsing import looks_like_span, parse_span
from hearthside.errors import HearthsideError
from tests.conftest import TODAY

D = date  # keeps the expectation tables readable


def span(text: str, week_start: int = 0, today: date = TODAY) -> tuple[date, date]:
    return parse_span(text, today=today, week_start=week_start)


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


# --- properties -----------------------------------------------------------------


@settings(deadline=None)
@given(text=st.text())
def test_looks_like_span_never_raises(text: str) -> None:
    assert looks_like_span(text, today=TODAY) in (True, False)
