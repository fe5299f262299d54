"""Repeating dates (weekly date night, a yearly anniversary) as dateutil rules.

One grammar for every record that repeats, so the Today room, the dashboard and
the calendar export agree on when something falls. Repeats are whole days apart
(a promise is kept on a day, not at a second), and every walk along a rule ends
with Hearthside's calendar, so no stored rule can keep a command busy for ever.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from dateutil.rrule import rrule, rrulestr

from hearthside.domain.dates import MAX_YEAR
from hearthside.errors import HearthsideError

# The words a person types, and the RFC 5545 rule each one means.
WORDS = {
    "daily": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "every 2 weeks": "FREQ=WEEKLY;INTERVAL=2",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
    "yearly": "FREQ=YEARLY",
}
FORMS = "daily, weekly, every 2 weeks, monthly, yearly, or an RRULE such as FREQ=WEEKLY;BYDAY=FR"
# RFC 5545 3.3.10: a RECUR value is NAME=VALUE pairs and nothing else. A stored rule
# goes into calendar files, where a line break would smuggle in other properties.
RECUR = re.compile(r"[A-Z]+=[A-Z0-9,+\-]+(;[A-Z]+=[A-Z0-9,+\-]+)*")
MAX_RULE_LENGTH = 200
MAX_COUNT = 10_000
# Only parts that choose days: BYHOUR, BYMINUTE and BYSECOND repeat within a day.
_PARTS = frozenset(
    {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYMONTHDAY", "BYYEARDAY"}
    | {"BYWEEKNO", "BYMONTH", "BYSETPOS"}
)
_FREQUENCIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
_UNTIL = re.compile(r"(\d{4})\d{4}")
# dateutil walks a rule that never falls on a day to the year 9999, which takes
# seconds: a rule must fall within this long of its start. Nine years spans the
# longest gap between leap days (2096 to 2104) and between years with a 53rd week.
_FIRST_WITHIN = timedelta(days=9 * 366)
_END = datetime(MAX_YEAR, 12, 31)


def normalise(every: str | None, start: date | None = None) -> str | None:
    """The rule text to store for what the user typed; None when it doesn't repeat."""
    if every is None or not every.strip():
        return None
    text = " ".join(every.lower().split())
    rule = text if text in WORDS else every.strip().upper().removeprefix("RRULE:")
    found = problem(rule, start)
    if found is not None:
        raise HearthsideError(f"{every[:40]!r} {found}; use {FORMS}.")
    return rule


def problem(every: str, start: date | None = None) -> str | None:
    """Why the stored rule ``every`` can't be followed, or None when it can.

    Given the day it starts from, the rule must also fall on a day soon after it.
    """
    if every in WORDS:
        return None
    if len(every) > MAX_RULE_LENGTH or not RECUR.fullmatch(every):
        return "isn't a repeat Hearthside understands"
    parts = _parts(every)
    if not parts.keys() <= _PARTS or parts.get("FREQ") not in _FREQUENCIES:
        return "repeats more often than once a day, or in a way Hearthside doesn't follow"
    count, until = parts.get("COUNT", "1"), _UNTIL.fullmatch(parts.get("UNTIL", "20000101"))
    if not count.isdigit() or int(count) > MAX_COUNT or until is None or int(until[1]) > MAX_YEAR:
        return "goes on further than Hearthside's calendar"
    try:
        rule = _parsed(every, start or date(2000, 1, 1))
        if start is not None:
            # COUNT gives way to the end of the probe: dateutil refuses both together.
            probe = rule.replace(count=None, until=_midnight(start) + _FIRST_WITHIN)
            if probe.after(_midnight(start), inc=True) is None:
                return "never falls on a day in the years after its start"
    except (ValueError, TypeError, OverflowError):
        return "isn't a repeat Hearthside understands"
    return None


def rrule_text(every: str) -> str:
    """The RFC 5545 RRULE value (without the ``RRULE:`` prefix) for a stored rule."""
    return WORDS.get(every, every)


def rule_for(start: date, every: str) -> rrule:
    """The stored rule ``every`` from ``start``, ending by the end of Hearthside's calendar."""
    rule = _parsed(every, start)
    if not {"COUNT", "UNTIL"} & _parts(every).keys():
        rule = rule.replace(until=_END)
    return rule


def occurrences(start: date, every: str | None, first: date, last: date) -> list[date]:
    """The days from ``first`` to ``last`` (inclusive) on which it falls."""
    if every is None:
        return [start] if first <= start <= last else []
    rule = rule_for(start, every)
    return [moment.date() for moment in rule.between(_midnight(first), _midnight(last), inc=True)]


def latest_on_or_before(start: date, every: str, day: date) -> date | None:
    moment = rule_for(start, every).before(_midnight(day), inc=True)
    return None if moment is None else moment.date()


def days_after(start: date, every: str, day: date) -> Iterator[date]:
    """The days it falls on after ``day``, in order: one walk along the rule, not one each."""
    for moment in rule_for(start, every).xafter(_midnight(day)):
        yield moment.date()


def _parts(every: str) -> dict[str, str]:
    return dict(part.partition("=")[::2] for part in rrule_text(every).split(";"))


def _parsed(every: str, start: date) -> rrule:
    rule = rrulestr(rrule_text(every), dtstart=_midnight(start))
    assert isinstance(rule, rrule)
    return rule


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())
