"""How a day reads on screen: the review's answers, streaks, dates and plans, as Content.

Shared by the Today room and the daily review. User text always goes in through
``Content(...)``, never as markup.
"""

from __future__ import annotations

from datetime import date

from textual.content import Content

from hearthside.domain import date_words, recurrence
from hearthside.domain.printable import one_line
from hearthside.domain.records import Answers, Entry
from hearthside.domain.wording import plural
from hearthside.services import plans, prompts
from hearthside.services.memories import Memory
from hearthside.services.review.summary import Streak
from hearthside.services.stats import Tally
from hearthside.texts import library
from hearthside.tui.widgets.record_list import marks

CLOSENESS_WORDS = ("far apart", "a little distant", "steady", "close", "very close")
PERIODS = {"day": "day", "week": "week", "fortnight": "fortnight", "month": "month"}
# What became of a question, as the summary says it.
OUTCOME_DONE = {
    prompts.TALKED: "you talked about it",
    prompts.SKIPPED: "set aside for today",
    prompts.LATER: "kept for later",
}


def quoted(text: str, width: int = 60) -> Content:
    return Content.assemble("“", Content(one_line(text, width)), "”")


def recorded_lines(
    content: library.Content,
    answers: Answers,
    figures: Tally,
    *,
    question: str | None = None,
    brief: bool = False,
) -> list[Content]:
    """What a day holds: its figures (however they were logged), then the review's words."""
    lines: list[Content] = []
    timed = content.timed_practice
    names = [
        f"{p.name} ({figures.minutes} min)" if p == timed and figures.minutes else p.name
        for p in figures.practices(content.practices)
    ]
    if names:
        lines.append(Content.assemble(("✓ ", "bold"), ", ".join(names)))
    if figures.positive or figures.negative:
        counts = plural("good moment", figures.positive)
        if figures.negative:
            counts += f", {figures.negative} hard"
        lines.append(Content.assemble(("✓ ", "bold"), counts))
        if not brief:
            for line in (answers.positive_line, answers.negative_line):
                if line:
                    lines.append(Content.assemble("    ", quoted(line)))
    if question and answers.outcome:
        lines.append(
            Content.assemble(
                ("✓ ", "bold"),
                quoted(question, 50),
                f": {OUTCOME_DONE.get(answers.outcome, answers.outcome)}",
            )
        )
    if answers.gratitude:
        lines.append(Content.assemble(("✓ ", "bold"), "A thank-you: ", quoted(answers.gratitude)))
    if answers.closeness:
        word = CLOSENESS_WORDS[answers.closeness - 1]
        lines.append(Content.assemble(("✓ ", "bold"), f"Closeness {answers.closeness} · {word}"))
    if answers.reflection and not brief:
        lines.append(Content.assemble("    ", quoted(answers.reflection)))
    return lines


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


def commitment_line(due: plans.Due, today: date) -> Content:
    when = since_words(due.on, today)
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
