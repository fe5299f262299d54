"""Repeating dates (weekly date night, a yearly anniversary) as dateutil rules.

One grammar for every record that repeats, so the Today room, the dashboard and
the calendar export agree on when something falls.
"""

from __future__ import annotations

from datetime import date, datetime

from dateutil.rrule import rrule, rrulestr

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


def normalise(every: str | None) -> str | None:
    """The rule text to store for what the user typed; None when it doesn't repeat."""
    if every is None or not every.strip():
        return None
    text = " ".join(every.lower().split())
    if text in WORDS:
        return text
    rule = every.strip().upper().removeprefix("RRULE:")
    try:
        rrulestr(rule, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError):
        raise HearthsideError(
            f"{every[:40]!r} isn't a repeat Hearthside understands; use {FORMS}."
        ) from None
    return rule


def rrule_text(every: str) -> str:
    """The RFC 5545 RRULE value (without the ``RRULE:`` prefix) for a stored rule."""
    return WORDS.get(every, every)


def rule_for(start: date, every: str) -> rrule:
    rule = rrulestr(rrule_text(every), dtstart=datetime.combine(start, datetime.min.time()))
    assert isinstance(rule, rrule)
    return rule


def occurrences(start: date, every: str | None, first: date, last: date) -> list[date]:
    """The days from ``first`` to ``last`` (inclusive) on which it falls."""
    if every is None:
        return [start] if first <= start <= last else []
    rule = rule_for(start, every)
    lo = datetime.combine(first, datetime.min.time())
    hi = datetime.combine(last, datetime.min.time())
    return [moment.date() for moment in rule.between(lo, hi, inc=True)]
