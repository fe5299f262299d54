"""The daily review's closing words: today's streaks and one idea for tomorrow.

Streaks come from the dashboard's habit maths (``habits``), so both rooms agree.
The idea for tomorrow is a "Things to try" line from a strategy that feeds the
practice most behind its target lately.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from hearthside.domain.records import Answers, PracticeLog
from hearthside.services import habits
from hearthside.services.habits import StatsIndex
from hearthside.services.stats import Tally, tally
from hearthside.store.store import Store
from hearthside.store.where import between
from hearthside.texts.items import Practice, Question, Step
from hearthside.texts.library import Content

# How far back to judge whether a practice is behind: (days, target periods in them).
# Two periods for the slower practices, so one quiet week alone doesn't count as lagging
# while two do.
_WINDOWS = {"day": (7, 7), "week": (14, 2), "fortnight": (28, 2), "month": (61, 2)}

_TRY_SECTION = re.compile(
    r"^##[ \t]+Things to try[ \t]*$(.*?)(?=^##[ \t]|\Z)", re.MULTILINE | re.DOTALL | re.IGNORECASE
)
# A bullet and its wrapped continuation lines.
_BULLET = re.compile(r"^[-*][ \t]+(.+(?:\n[ \t]+\S.*)*)", re.MULTILINE)


@dataclass(frozen=True)
class Streak:
    practice: Practice
    count: int  # periods in a row that met the target, up to the current one
    period: str  # the target's period: day, week, fortnight or month
    current: bool  # the current period already meets the target


@dataclass(frozen=True)
class Suggestion:
    practice: Practice  # the practice most behind
    step: Step  # the strategy the idea comes from
    text: str  # one of its "Things to try" lines, as written in content


@dataclass(frozen=True)
class ReviewSummary:
    day: date
    answers: Answers
    figures: Tally  # the whole day's, however logged (the review, the dashboard, the CLI)
    practices: tuple[Practice, ...]  # done today, through the review or elsewhere
    question: Question | None
    streaks: tuple[Streak, ...]
    suggestion: Suggestion | None


def summarise(
    store: Store, content: Content, day: date, answers: Answers, question: Question | None
) -> ReviewSummary:
    """What the day holds, today's streaks, and one idea for tomorrow."""
    week_start = store.settings().week_start
    index = habits.load_index(store, content)
    figures = tally(index, content, [day.isoformat()])
    return ReviewSummary(
        day=day,
        answers=dataclasses.replace(answers),
        figures=figures,
        practices=figures.practices,
        question=question,
        streaks=streaks(index, index.practices, day, week_start=week_start),
        suggestion=suggestion(content, index.practices, recent_logs(store, day), day),
    )


def streaks(
    index: StatsIndex, practices: Sequence[Practice], day: date, *, week_start: int = 0
) -> tuple[Streak, ...]:
    """Each practice's run of periods that met its target, as the dashboard counts it."""
    found = []
    for practice in practices:
        history = index.history(practice, today=day, week_start=week_start)
        run = history.at(day.toordinal()).streak
        start = habits.period_start(day.toordinal(), practice.target.period, week_start)
        # The open period adds to the run only once it is met.
        current = run > history.at(start - 1).streak
        found.append(Streak(practice, run, practice.target.period, current))
    return tuple(found)


def recent_logs(store: Store, day: date) -> list[PracticeLog]:
    """The logs the longest window in _WINDOWS can look at."""
    first = day - timedelta(days=max(days for days, _ in _WINDOWS.values()))
    return store.all(PracticeLog, where=between(first))


def suggestion(
    content: Content, practices: Sequence[Practice], logs: Iterable[PracticeLog], day: date
) -> Suggestion | None:
    """One idea for tomorrow, from a strategy feeding the practice most behind its target.

    None when no practice is behind. Which strategy and which line rotate with
    the day, so the same lagging practice doesn't bring the same words every night.
    """
    n = day.toordinal()
    for practice in lagging(practices, logs, day):
        linked = [s for s in content.steps if practice.id in s.practices and things_to_try(s)]
        if linked:
            step = linked[n % len(linked)]
            ideas = things_to_try(step)
            return Suggestion(practice, step, ideas[(n // len(linked)) % len(ideas)])
    return None


def lagging(
    practices: Sequence[Practice], logs: Iterable[PracticeLog], day: date
) -> list[Practice]:
    """Practices below their target over a recent window, the furthest behind first."""
    all_logs = list(logs)
    rates = []
    for order, practice in enumerate(practices):
        days, periods = _WINDOWS[practice.target.period]
        first = (day - timedelta(days=days - 1)).isoformat()
        mine = [
            log
            for log in all_logs
            if log.practice == practice.id and first <= log.date <= day.isoformat()
        ]
        # A daily practice counts days, so three hugs on Monday don't cover Tuesday.
        done = len({log.date for log in mine}) if practice.target.period == "day" else len(mine)
        rate = done / (periods * practice.target.count)
        if rate < 1:
            rates.append((rate, order, practice))
    return [practice for _, _, practice in sorted(rates, key=lambda r: (r[0], r[1]))]


def things_to_try(step: Step) -> list[str]:
    """The bullets under a strategy's "Things to try" heading, each on one line."""
    section = _TRY_SECTION.search(step.body)
    if section is None:
        return []
    return [" ".join(bullet.split()) for bullet in _BULLET.findall(section.group(1))]
