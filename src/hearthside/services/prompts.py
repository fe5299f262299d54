"""Today's question: conversation prompts that don't repeat until every one has been seen.

The choice is a pure function of the question ids, of what happened to the
questions on earlier days and of when something was last learned in each love-map
topic before the day, so the same day always gets the same question and nothing
needs writing until the user answers. What happened lives in each day's review
record (``answers["question"]`` and ``answers["outcome"]``).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from hearthside.domain.records import Review
from hearthside.errors import HearthsideError
from hearthside.services.lovemap import last_learned
from hearthside.store.store import Store
from hearthside.texts.items import Question
from hearthside.texts.library import Content

TALKED = "talked"
SKIPPED = "skip"
LATER = "later"
OUTCOMES = (TALKED, SKIPPED, LATER)
# How an answered question is described, in the app and on the command line.
OUTCOME_WORDS = {
    TALKED: "You talked about it today.",
    SKIPPED: "Set aside for today.",
    LATER: "Kept for later; it will come back in about a week.",
}
# What became of a question, as a day's summary says it.
OUTCOME_DONE = {
    TALKED: "you talked about it",
    SKIPPED: "set aside for today",
    LATER: "kept for later",
}

# A question kept for later comes back this many days after it was kept.
KEEP_DAYS = 7
# A love-map topic has gone stale when nothing new has been learned there for this long;
# questions on stale topics come first within a cycle.
STALE_DAYS = 28


@dataclass(frozen=True)
class Shown:
    """A question as a past day's review left it."""

    day: date
    question: str
    outcome: str  # one of OUTCOMES, or "" when it was shown but not answered


def check_outcome(outcome: str) -> str:
    if outcome not in OUTCOMES:
        raise HearthsideError(
            f"{outcome[:20]!r} isn't a way to answer today's question; use "
            f"{TALKED!r} (we talked about it), {SKIPPED!r} or {LATER!r} (keep it for later)."
        )
    return outcome


def cycle_order(ids: Iterable[str], cycle: int) -> list[str]:
    """The order of one cycle: shuffled, but the same on every machine and every run."""
    order = sorted(ids)
    # A string seed is hashed with SHA-512, so PYTHONHASHSEED can't change the order.
    random.Random(f"hearthside-questions-{cycle}").shuffle(order)
    return order


def is_stale(topic: str, learned: Mapping[str, date | None], day: date) -> bool:
    last = learned.get(topic)
    return last is None or (day - last).days >= STALE_DAYS


def choose(
    ids: Sequence[str],
    history: Iterable[Shown],
    day: date,
    *,
    topics: Mapping[str, str] | None = None,
    learned: Mapping[str, date | None] | None = None,
) -> str | None:
    """The question for ``day``, given what happened to questions on the days before it.

    A cycle ends once every question has been answered, skipped or kept; until
    then none is offered twice, except that a kept question comes back
    ``KEEP_DAYS`` after it was kept (ahead of fresh ones), because keeping it
    asked for exactly that. Among the fresh ones, questions whose love-map topic
    (``topics``: question id to topic) has gone stale come first; ``learned`` maps a
    topic to the day something was last learned there before ``day`` (a topic it
    doesn't name, or names with None, was never learned about: stale).
    """
    known = set(ids)
    if not known:
        return None
    seen: set[str] = set()
    kept: dict[str, date] = {}  # in the order they were kept
    cycle = 0
    last: str | None = None
    for shown in sorted((s for s in history if s.day < day), key=lambda s: s.day):
        if shown.question not in known:
            continue  # removed from content since
        kept.pop(shown.question, None)
        if shown.outcome == LATER:
            kept[shown.question] = shown.day
        else:
            seen.add(shown.question)
        last = shown.question
        if seen | kept.keys() >= known:
            cycle, seen = cycle + 1, set()
    for question, kept_on in kept.items():
        if (day - kept_on).days >= KEEP_DAYS:
            return question
    fresh = [q for q in cycle_order(known, cycle) if q not in seen and q not in kept]
    if topics:
        stale = {q for q in fresh if is_stale(topics.get(q, ""), learned or {}, day)}
        fresh = [q for q in fresh if q in stale] + [q for q in fresh if q not in stale]
    if not fresh:
        return next(iter(kept))
    # A new cycle could otherwise open with the question that closed the last one.
    if fresh[0] == last and len(fresh) > 1:
        return fresh[1]
    return fresh[0]


def history(store: Store) -> list[Shown]:
    """Every day's question and what became of it, oldest first."""
    found = []
    for review in store.all(Review):
        question = review.answers.get("question")
        if isinstance(question, str) and question:
            outcome = review.answers.get("outcome")
            found.append(
                Shown(
                    day=date.fromisoformat(review.date),
                    question=question,
                    outcome=outcome if isinstance(outcome, str) else "",
                )
            )
    found.sort(key=lambda s: s.day)
    return found


def question_for(store: Store, content: Content, *, today: date | None = None) -> Question | None:
    """Today's question: the one already answered today, or the next in the cycle."""
    day = today or date.today()
    by_id = {q.id: q for q in content.questions}
    past = history(store)
    for shown in past:
        if shown.day == day and shown.question in by_id:
            return by_id[shown.question]
    topics = {q.id: q.topic for q in content.questions}
    chosen = choose(list(by_id), past, day, topics=topics, learned=last_learned(store, before=day))
    return by_id[chosen] if chosen else None


def kept_for_later(store: Store, content: Content) -> list[Question]:
    """Questions kept for later and not yet talked about or skipped, oldest first."""
    by_id = {q.id: q for q in content.questions}
    latest = {shown.question: shown.outcome for shown in history(store)}
    return [by_id[q] for q, outcome in latest.items() if outcome == LATER and q in by_id]
