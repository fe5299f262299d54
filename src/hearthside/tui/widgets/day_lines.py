"""How a day reads on screen: the review's answers, streaks, dates and plans, as Content.

Shared by the Today room and the daily review. User text always goes in through
``Content(...)``, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from textual.content import Content

from hearthside.domain import date_words, recurrence
from hearthside.domain.printable import one_line
from hearthside.domain.records import Answers, Checkin, Entry
from hearthside.domain.wording import plural
from hearthside.services import plans
from hearthside.services.memories import Memory
from hearthside.services.review import past
from hearthside.services.review.summary import Streak
from hearthside.services.stats import Tally
from hearthside.texts import library
from hearthside.tui.widgets.record_list import marks

PERIODS = {"day": "day", "week": "week", "fortnight": "fortnight", "month": "month"}


def quoted(text: str, width: int = 60) -> Content:
    return Content(past.quoted(text, width))


def recorded_lines(
    content: library.Content,
    answers: Answers,
    figures: Tally,
    *,
    question: str | None = None,
    brief: bool = False,
) -> list[Content]:
    """What a day holds (``past.recorded``), each mark in bold."""
    return marked(past.recorded(content, answers, figures, question=question, brief=brief))


def marked(lines: Iterable[str]) -> list[Content]:
    """A day's lines in words, each ``past.MARK`` in bold."""
    return [
        Content.assemble((past.MARK, "bold"), line.removeprefix(past.MARK))
        if line.startswith(past.MARK)
        else Content(line)
        for line in lines
    ]


def streak_line(streak: Streak) -> Content:
    unit = PERIODS.get(streak.period, streak.period)
    run = f"{plural(unit, streak.count)} in a row"
    when = "today" if streak.period == "day" else f"this {unit}"
    return Content.assemble(
        (f"{streak.practice.name:<22}", "bold"),
        run,
        (f" · {when} ✓" if streak.current else "", "dim"),
    )


def since_words(on: date, today: date) -> str:
    """How long a commitment has been waiting, without scolding."""
    days = (today - on).days
    if days <= 0:
        return "today"
    if days == 1:
        return "from yesterday"
    if days < 7:
        return f"from {date_words.weekday(on)}"
    return f"from {date_words.short_day(on)}"


def ahead_words(on: date, today: date) -> str:
    days = (on - today).days
    if days == 0:
        return "today"
    if days == 1:
        return f"tomorrow, {date_words.short_day(on)}"
    return f"{date_words.short_day(on)}, in {days} days"


def soon_words(on: date | None, today: date) -> str:
    """When a day coming soon falls, briefly: "today", "tomorrow", "Friday", "Mon 14 Dec"."""
    if on is None:
        return "nothing left to mark"
    days = (on - today).days
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return date_words.weekday(on) if days < 7 else date_words.short_day(on)


def commitment_line(due: plans.Due, today: date) -> Content:
    when = since_words(due.on, today) if due.on <= today else soon_words(due.on, today)
    every = due.commitment.every
    repeat = "" if every is None else f" · {every}" if every in recurrence.WORDS else " · repeats"
    return Content.assemble(
        Content(one_line(due.commitment.title, 40)),
        ("  " + when + repeat, "dim" if due.overdue else "italic"),
    )


def ago_words(memory: Memory) -> str:
    """ "1 year ago", "3 months ago": how long ago a memory was, for Today and Notes."""
    if memory.years_ago:
        return f"{plural('year', memory.years_ago)} ago"
    return f"{plural('month', memory.months_ago)} ago"


def memory_line(memory: Memory) -> Content:
    ago = ago_words(memory)
    record = memory.record
    what = record.headline if isinstance(record, Entry) else record.text
    return Content.assemble((f"{ago:<14}", "bold"), marks(record), Content(one_line(what, 60)))


def checkin_offer(history: Sequence[Checkin], due: bool, today: date) -> str:
    """What Today's check-in card says, from the check-ins so far, oldest first, and
    whether one is due: an invitation, a reminder after a week, or when the last one was."""
    last = [c for c in history if c.date <= today.isoformat()]
    if not last:
        return (
            "Once a week, five gentle questions about how things have felt between "
            "you. Press w when you have two minutes."
        )
    when = date_words.short_day(date.fromisoformat(last[-1].date))
    if due:
        return f"It's been a week since your last check-in ({when}). Press w when you're ready."
    when = "today" if last[-1].date == today.isoformat() else when
    return f"Last check-in: {when}. Press w to look at it or check in again."
