"""Past days' reviews, in words: what a day holds, and the reviewed days around it.

The words are plain text, so the command line prints them as they are and the app
sets the ``MARK`` of each line in bold; both say a day the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hearthside.domain import date_words
from hearthside.domain.printable import one_line
from hearthside.domain.records import Answers, Review
from hearthside.domain.wording import plural
from hearthside.services import prompts
from hearthside.services.review.session import day_review
from hearthside.services.stats import Tally, day_tally
from hearthside.store.store import Store
from hearthside.texts.library import Content

MARK = "✓ "  # before each thing the day holds; a quoted line under it is indented
CLOSENESS_WORDS = ("far apart", "a little distant", "steady", "close", "very close")


def quoted(text: str, width: int = 60) -> str:
    return f"“{one_line(text, width)}”"


def recorded(
    content: Content,
    answers: Answers,
    figures: Tally,
    *,
    question: str | None = None,
    brief: bool = False,
) -> list[str]:
    """What a day holds: its figures (however they were logged), then the review's words."""
    lines: list[str] = []
    timed = content.timed_practice
    names = [
        f"{p.name} ({figures.minutes} min)" if p == timed and figures.minutes else p.name
        for p in figures.practices
    ]
    if names:
        lines.append(MARK + ", ".join(names))
    if figures.positive or figures.negative:
        counts = plural("good moment", figures.positive)
        if figures.negative:
            counts += f", {figures.negative} hard"
        lines.append(MARK + counts)
        if not brief:
            lines.extend(
                f"    {quoted(line)}"
                for line in (answers.positive_line, answers.negative_line)
                if line
            )
    if question and answers.outcome:
        done = prompts.OUTCOME_DONE.get(answers.outcome, answers.outcome)
        lines.append(f"{MARK}{quoted(question, 50)}: {done}")
    if answers.gratitude:
        lines.append(f"{MARK}A thank-you: {quoted(answers.gratitude)}")
    if answers.closeness:
        word = CLOSENESS_WORDS[answers.closeness - 1]
        lines.append(f"{MARK}Closeness {answers.closeness} · {word}")
    if answers.reflection and not brief:
        lines.append(f"    {quoted(answers.reflection)}")
    return lines


@dataclass(frozen=True)
class PastDay:
    day: date
    reviewed: bool  # a daily review was kept that day
    lines: tuple[str, ...]  # what the day holds (see ``recorded``); empty: nothing at all
    earlier: date | None  # the nearest day before it with a review
    later: date | None  # the nearest day after it with a review, up to today

    @property
    def title(self) -> str:
        when = date_words.full_day(self.day)
        return f"Daily review of {when}" if self.reviewed else f"{when} · no daily review"

    @property
    def words(self) -> tuple[str, ...]:
        """The day's lines, or kind words when it holds nothing."""
        if self.lines:
            return self.lines
        if self.earlier is None and self.later is None:
            return (
                "No daily reviews yet. When you have two minutes at the end of a day, press r "
                "on Today: each review you keep can be looked back on here.",
            )
        return ("Nothing was recorded that day. The nearest days with a review are below.",)


def reviewed_days(store: Store) -> list[date]:
    """Every day with a daily review, oldest first."""
    return sorted({date.fromisoformat(r.date) for r in store.all(Review)})


def past_day(store: Store, content: Content, day: date, *, today: date | None = None) -> PastDay:
    """One day as its review left it, with the reviewed days on either side."""
    last = today or date.today()
    days = [d for d in reviewed_days(store) if d <= last]
    review = day_review(store, day)
    answers = Answers.from_doc(review.answers) if review else Answers()
    by_id = {q.id: q.text for q in content.questions}
    lines = recorded(
        content, answers, day_tally(store, content, day), question=by_id.get(answers.question)
    )
    return PastDay(
        day=day,
        reviewed=review is not None,
        lines=tuple(lines),
        earlier=max((d for d in days if d < day), default=None),
        later=min((d for d in days if d > day), default=None),
    )


def latest_day(store: Store, *, today: date | None = None) -> date:
    """Where looking back starts: the latest reviewed day, up to today (today if none)."""
    last = today or date.today()
    return max((d for d in reviewed_days(store) if d <= last), default=last)
