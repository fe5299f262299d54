"""Reading the dates people type: a day (``yesterday``, ``last friday``, ``3/4/2026``)
or a span for a filter box (``november``, ``since monday``, ``2026-11-01..2026-11-24``).

Only the stdlib and dateutil are used. dateutil's parser is imported on first use:
it costs tens of milliseconds and most CLI runs never read a typed date.
"""

import re
from datetime import date, datetime, time, timedelta
from typing import Final

from hearthside.domain.dates import MAX_YEAR, MIN_YEAR, MONTHS, WEEKDAYS, quote
from hearthside.domain.periods import check_week_start, period_bounds, shift_period
from hearthside.errors import HearthsideError

__all__ = [
    "DATE_ORDERS",
    "looks_like_span",
    "parse_date",
    "parse_span",
    "weekday_index",
]

DATE_ORDERS: Final[tuple[str, ...]] = ("MDY", "DMY", "YMD")

_DATE_EXAMPLES: Final = "2026-11-24, today, yesterday, 3 days ago or last friday"
_SPAN_EXAMPLES: Final = "november, this week, since monday or 2026-11-01..2026-11-24"

_ORDER_FLAGS: Final[dict[str, tuple[bool, bool]]] = {
    # (dayfirst, yearfirst) for dateutil
    "MDY": (False, False),
    "DMY": (True, False),
    "YMD": (False, True),
}
_NAMED_DAYS: Final[dict[str, int]] = {"today": 0, "yesterday": -1, "tomorrow": 1}
_NAMED_SPANS: Final[dict[str, tuple[str, int]]] = {
    "this week": ("week", 0),
    "last week": ("week", -1),
    "this month": ("month", 0),
    "last month": ("month", -1),
    "this year": ("year", 0),
    "last year": ("year", -1),
}

# re.ASCII: a bare \d also matches digits from other scripts, which int() accepts
# but nobody means as a date.
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_YEAR_FIRST: Final = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})", re.ASCII)
_AGO: Final = re.compile(r"(\d+|an?|one) (day|week)s? ago", re.ASCII)
_IN: Final = re.compile(r"in (\d+|an?|one) (day|week)s?", re.ASCII)
_WEEKDAY: Final = re.compile(r"(?:(last|next|this) )?([a-z]+)", re.ASCII)
_YEAR: Final = re.compile(r"\d{4}", re.ASCII)
_YEAR_MONTH: Final = re.compile(r"(\d{4})[-/](\d{1,2})", re.ASCII)
_MONTH_YEAR: Final = re.compile(r"([a-z]+)(?: (\d{4}))?", re.ASCII)
_OPEN_SPAN: Final = re.compile(r"(since|until|before) (.+)")
_RANGE_SEP: Final = re.compile(r" ?\.\. ?| to ")


class _Unreadable(HearthsideError):
    """The text is not any date form we know (as opposed to a date we refuse).

    parse_span swaps the message for one listing range examples.
    """


def weekday_index(name: str) -> int:
    """0 for ``monday``/``mon`` … 6 for ``sunday``/``sun``, any case."""
    index = _weekday_or_none(name.strip().lower())
    if index is None:
        raise HearthsideError(
            f"{quote(name)} isn't a day of the week. Use monday to sunday, or mon to sun."
        )
    return index


def parse_date(
    text: str, *, today: date | None = None, date_order: str = "MDY", ahead: bool = False
) -> date:
    """Read a date as typed by a person.

    ``date_order`` (MDY, DMY or YMD) settles ambiguous numbers like 03/04/2026.
    ``ahead`` is for dates that lie ahead (a promise's due day): a bare weekday
    then means the coming one, today included, instead of the one just past.
    Raises HearthsideError, quoting the input, for anything else.
    """
    dayfirst, yearfirst = _order_flags(date_order)
    ref = date.today() if today is None else today
    words = _normalise(text)
    if not words:
        raise HearthsideError(f"Type a date, such as {_DATE_EXAMPLES}.")
    try:
        found = _read_date(words, ref, dayfirst=dayfirst, yearfirst=yearfirst, ahead=ahead)
    except OverflowError as exc:
        # "99999999999 days ago" overflows before there is a year to check.
        raise _out_of_range(text) from exc
    if found is None:
        raise _Unreadable(f"Couldn't read {quote(text)} as a date. Try {_DATE_EXAMPLES}.")
    if not MIN_YEAR <= found.year <= MAX_YEAR:
        raise _out_of_range(text)
    return found


def parse_span(
    text: str,
    *,
    today: date | None = None,
    date_order: str = "MDY",
    week_start: int = 0,
) -> tuple[date, date]:
    """Read an inclusive date range as typed into a filter box.

    Open ends are ``date.min`` (``until``/``before``) or today (``since``). A month
    by name is the whole month (``november``, ``nov 2025``); ``on friday`` is that day.
    """
    _order_flags(date_order)
    check_week_start(week_start)
    ref = date.today() if today is None else today
    words = _normalise(text)
    unreadable = _Unreadable(
        f"Couldn't read {quote(text)} as a date or range. Try {_SPAN_EXAMPLES}."
    )
    if not words:
        raise HearthsideError(f"Type a date or a range, such as {_SPAN_EXAMPLES}.")

    def span(part: str) -> tuple[date, date]:
        return _simple_span(part, ref, date_order=date_order, week_start=week_start)

    if (match := _OPEN_SPAN.fullmatch(words)) is not None:
        start, end = span(match[2])
        if match[1] == "since":
            if start > ref:
                raise HearthsideError(f"{quote(text)} starts after today.")
            return start, ref
        if match[1] == "until":
            return date.min, end
        return date.min, start - timedelta(days=1)

    if words.startswith("on "):
        # How a day is said aloud: "on friday" is that day, like "friday" alone.
        try:
            return span(words.removeprefix("on "))
        except _Unreadable:
            raise unreadable from None

    parts = _RANGE_SEP.split(words.removeprefix("from "))
    if len(parts) == 2 and all(parts):
        first, second = span(parts[0]), span(parts[1])
        # Either order is accepted: "nov 30 to nov 1" still means November.
        return min(first[0], second[0]), max(first[1], second[1])
    if len(parts) > 1:
        raise unreadable
    try:
        return span(words)
    except _Unreadable:
        raise unreadable from None


def looks_like_span(
    text: str,
    *,
    today: date | None = None,
    date_order: str = "MDY",
    week_start: int = 0,
) -> bool:
    """Whether parse_span would accept ``text``; never raises."""
    try:
        parse_span(text, today=today, date_order=date_order, week_start=week_start)
    except HearthsideError:
        return False
    return True


def _read_date(
    words: str, ref: date, *, dayfirst: bool, yearfirst: bool, ahead: bool = False
) -> date | None:
    if words in _NAMED_DAYS:
        return ref + timedelta(days=_NAMED_DAYS[words])
    if (match := _AGO.fullmatch(words)) is not None:
        return ref - _count_days(match[1], match[2])
    if (match := _IN.fullmatch(words)) is not None:
        return ref + _count_days(match[1], match[2])
    if (match := _WEEKDAY.fullmatch(words)) is not None:
        index = _weekday_or_none(match[2])
        if index is not None:
            return _nearest_weekday(ref, index, match[1], ahead=ahead)
    if _ISO_DATE.fullmatch(words):
        try:
            return date.fromisoformat(words)
        except ValueError:
            return None
    if (match := _YEAR_FIRST.fullmatch(words)) is not None:
        # Nobody writes year-day-month, but dateutil's dayfirst would read
        # 2026/03/04 as 3 April, so a leading year always means Y-M-D.
        try:
            return date(int(match[1]), int(match[3]), int(match[4]))
        except ValueError:
            return None
    return _read_with_dateutil(words, ref, dayfirst=dayfirst, yearfirst=yearfirst)


def _read_with_dateutil(words: str, ref: date, *, dayfirst: bool, yearfirst: bool) -> date | None:
    import dateutil.parser  # deferred: see the module docstring

    def parse(default: date) -> datetime:
        return dateutil.parser.parse(
            words,
            default=datetime.combine(default, time()),
            dayfirst=dayfirst,
            yearfirst=yearfirst,
            # Zone names are meaningless for a calendar day, and unknown ones
            # would only produce warnings.
            ignoretz=True,
        )

    try:
        found = parse(ref)
    except (ValueError, OverflowError):
        return None
    # dateutil happily reads "10:30" or "5m" as a time today. Parsing again
    # against a default that differs in every field shows whether the text
    # fixed a year, month or day at all.
    try:
        probe = parse(_decoy(ref))
    except (ValueError, OverflowError):
        # Only a typed day or month can clash with the decoy (e.g. "feb 29").
        return found.date()
    if found.year != probe.year and found.month != probe.month and found.day != probe.day:
        return None
    return found.date()


def _decoy(ref: date) -> date:
    # A bare weekday makes dateutil move its default up to 6 days forward, so
    # the decoy's 7-day window must share no year, month or day-of-month with
    # ref's, even when ref's window runs into the next month or year.
    day = ref.day + 7 if ref.day <= 14 else ref.day - 14
    month = (ref.month + 5) % 12 + 1
    year = ref.year + 2 if ref.year <= 9000 else ref.year - 2
    return date(year, month, day)


def _simple_span(words: str, ref: date, *, date_order: str, week_start: int) -> tuple[date, date]:
    if _YEAR.fullmatch(words):
        year = int(words)
        _check_year(year, words)
        return date(year, 1, 1), date(year, 12, 31)
    if (match := _YEAR_MONTH.fullmatch(words)) is not None:
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise HearthsideError(f"{quote(words)} has no month {month}: use 01 to 12.")
        _check_year(year, words)
        return period_bounds(date(year, month, 1), "month")
    if words in _NAMED_SPANS:
        period, steps = _NAMED_SPANS[words]
        return period_bounds(shift_period(ref, period, steps), period, week_start=week_start)
    if (first := _named_month(words, ref)) is not None:
        return period_bounds(first, "month")
    day = parse_date(words, today=ref, date_order=date_order)
    return day, day


def _nearest_weekday(ref: date, index: int, qualifier: str | None, *, ahead: bool = False) -> date:
    back = (ref.weekday() - index) % 7
    if qualifier == "last":
        return ref - timedelta(days=back or 7)
    if qualifier == "next":
        return ref + timedelta(days=(index - ref.weekday()) % 7 or 7)
    if ahead:
        return ref + timedelta(days=(index - ref.weekday()) % 7)
    return ref - timedelta(days=back)


def _count_days(count: str, unit: str) -> timedelta:
    n = 1 if count in ("a", "an", "one") else int(count)
    return timedelta(days=n * (7 if unit == "week" else 1))


def _weekday_or_none(name: str) -> int | None:
    for index, full in enumerate(WEEKDAYS):
        if name in (full, full[:3]):
            return index
    return None


def _named_month(words: str, ref: date) -> date | None:
    """The first day of ``november`` or ``nov 2025``; None if ``words`` names no month.

    The name may be cut to three letters or more (``sept``). Without a year it is the
    latest such month that has begun: a journal looks back.
    """
    match = _MONTH_YEAR.fullmatch(words)
    if match is None or len(match[1]) < 3:
        return None
    month = next((n for n, full in enumerate(MONTHS, 1) if full.startswith(match[1])), None)
    if month is None:
        return None
    if match[2]:
        year = int(match[2])
        _check_year(year, words)
    else:
        year = ref.year if month <= ref.month else ref.year - 1
    return date(year, month, 1)


def _order_flags(date_order: str) -> tuple[bool, bool]:
    try:
        return _ORDER_FLAGS[date_order.strip().upper()]
    except KeyError:
        raise HearthsideError(
            f"Unknown date order {quote(date_order)}: use MDY, DMY or YMD."
        ) from None


def _check_year(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _out_of_range(text)


def _out_of_range(text: str) -> HearthsideError:
    return HearthsideError(
        f"{quote(text)} is too far away: use a year from {MIN_YEAR} to {MAX_YEAR}."
    )


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())
