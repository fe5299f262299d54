"""Milestones and commitments as an iCalendar file (RFC 5545) for any calendar app.

Each becomes an all-day VEVENT whose UID is the record's id, so importing the file
again updates the same events instead of adding copies. Each carries an alarm, so the
calendar nudges as ``hearthside nudge`` does: the day before a milestone, and when a
promise falls due (the start of its day: promises have a day, not an hour).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from hearthside import __version__
from hearthside.domain.records import Commitment, Milestone, Record
from hearthside.domain.recurrence import RECUR, rrule_text
from hearthside.errors import HearthsideError
from hearthside.services.exchange.exporting.selection import ExportData

CRLF = "\r\n"
LINE_OCTETS = 75
# Control characters other than tab are not allowed in TEXT values.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
CALENDAR_KINDS: tuple[type[Record], ...] = (Milestone, Commitment)


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets (RFC 5545 3.1).

    Continuation lines start with a space, which counts toward their 75; a
    multi-byte character is never cut in two.
    """
    pieces: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, LINE_OCTETS
        current += char
        size += width
    pieces.append(current)
    return CRLF.join(pieces)


def _day(text: str, record: Record) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise HearthsideError(
            f"The {record.LABEL} {record.short_id} has no readable date, so it can't go "
            "in a calendar. Fix its date, then export again."
        ) from None


def _stamp(record: Record) -> str:
    # DTSTAMP is when this version of the event was made: the record's last change,
    # so exporting twice gives the same file.
    try:
        moment = datetime.fromisoformat(record.updated or record.created)
    except ValueError:
        moment = datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _rule(record: Record, every: str) -> str:
    rule = rrule_text(every).upper()
    if not RECUR.fullmatch(rule):
        raise HearthsideError(
            f"The {record.LABEL} {record.short_id} repeats by a rule a calendar can't take. "
            "Set its repeat again (weekly, monthly, yearly…), then export again."
        )
    return rule


# Triggers are relative to the event's start: midnight at the start of its day.
MILESTONE_ALARM = "-P1D"
PROMISE_ALARM = "PT0S"


def _alarm(trigger: str, words: str) -> list[str]:
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:{trigger}",
        f"DESCRIPTION:{escape_text(words)}",
        "END:VALARM",
    ]


def _event(
    record: Record,
    title: str,
    day: date,
    rule: str | None,
    category: str,
    alarm: list[str],
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{record.id}@hearthside",
        f"DTSTAMP:{_stamp(record)}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(title)}",
        f"CATEGORIES:{escape_text(category)}",
        # All-day reminders shouldn't show the person as busy all day.
        "TRANSP:TRANSPARENT",
    ]
    if rule:
        lines.append(f"RRULE:{rule}")
    lines += alarm
    lines.append("END:VEVENT")
    return lines


def calendar(data: ExportData) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Hearthside//Hearthside {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Hearthside",
    ]
    for milestone in data.of(Milestone):
        day = _day(milestone.date, milestone)
        rule = None
        if milestone.yearly:
            # As in the app: a 29 February date is kept on 28 February in other years.
            leap = (day.month, day.day) == (2, 29)
            rule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" if leap else "FREQ=YEARLY"
        alarm = _alarm(MILESTONE_ALARM, f"Tomorrow: {milestone.title}")
        lines += _event(milestone, milestone.title, day, rule, milestone.kind, alarm)
    for commitment in data.of(Commitment):
        rule = _rule(commitment, commitment.every) if commitment.every else None
        day = _day(commitment.due, commitment)
        alarm = _alarm(PROMISE_ALARM, f"A promise for today: {commitment.title}")
        lines += _event(commitment, commitment.title, day, rule, "commitment", alarm)
    lines.append("END:VCALENDAR")
    return CRLF.join(fold(line) for line in lines) + CRLF


def check_calendar_selection(*, tag: str | None, step: int | None, kind: str) -> None:
    if tag is not None or step is not None or kind != "all":
        raise HearthsideError(
            "A calendar export holds milestones and commitments, which have no tags, "
            "strategies or kinds to choose by. Use --since and --until, or no filters."
        )
