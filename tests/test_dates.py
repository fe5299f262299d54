"""The dates people type (hearthside.domain.date_parsing.parse_date) and the dates
Hearthside stores (hearthside.domain.dates)."""

import contextlib
import re
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hearthside.domain.date_parsing import parse_date, parse_span, weekday_index
from hearthside.domain.dates import WEEKDAYS, iso, now_iso
from hearthside.errors import HearthsideError
from tests.conftest import TODAY

D = date  # keeps the expectation tables readable


def parse(text: str, date_order: str = "MDY") -> date:
    return parse_date(text, today=TODAY, date_order=date_order)


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


def test_a_bare_weekday_ahead_is_the_coming_one() -> None:
    wednesday = date(2026, 11, 25)
    assert parse_date("friday", today=wednesday, ahead=True) == date(2026, 11, 27)
    assert parse_date("wednesday", today=wednesday, ahead=True) == wednesday
    assert parse_date("friday", today=wednesday) == date(2026, 11, 20)
    assert parse_date("last friday", today=wednesday, ahead=True) == date(2026, 11, 20)
