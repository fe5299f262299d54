"""One short line when a terminal opens (or a timer fires), or nothing at all.

``next_nudge`` is the rule, over plain facts and the time: no journal, no clock of
its own. The first reason that holds wins, in this order, soonest deadline first:

1. a promise due today (it is the spouse's to count on, and today is its day);
2. a milestone tomorrow (there is still today to get ready);
3. the weekly talk not held, on the last day of the week (by Sunday, for a week
   that starts on Monday);
4. today's daily review not done, after 20:00 (the day is nearly over);
5. no affection logged today or yesterday (once any has ever been logged).

Days away (a pause) quiet the last three: they are about being together.
``nudge_for`` reads the facts from a journal; any trouble at all means silence,
since a nudge is never worth an error in a terminal just opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from hearthside.domain import date_words
from hearthside.domain.printable import one_line
from hearthside.domain.records import Milestone, Pause, PracticeLog, WeeklyTalk
from hearthside.paths import database_path
from hearthside.services.plans import due_commitments, next_occurrence
from hearthside.services.review.session import day_review
from hearthside.services.weekly_talk import held_this_week
from hearthside.store.encryption.keys import is_encrypted
from hearthside.store.store import Store
from hearthside.store.where import Where

REVIEW_HOUR = 20
# The seed practice whose gap the nudge points at; hugs and kisses log it.
AFFECTION = "affection"
TITLE_WIDTH = 50


@dataclass(frozen=True)
class NudgeFacts:
    """What the rule needs to know, read from the journal for one day."""

    promises_today: tuple[str, ...] = ()  # their titles, soonest first
    milestones_tomorrow: tuple[str, ...] = ()
    review_done: bool = False
    last_affection: date | None = None  # None: never logged, so nothing to nudge about
    away_today: bool = False
    week_start: int = 0  # 0 Monday to 6 Sunday, as in the settings
    # The slot for the weekly talk: True once this week's is held, False when it isn't
    # yet, None while the journal can't say (no weekly talk to read), which never nudges.
    weekly_talk_held: bool | None = None


def next_nudge(facts: NudgeFacts, now: datetime) -> str | None:
    """The one line to show at ``now`` (local time), or None when there is nothing."""
    today = now.date()
    if facts.promises_today:
        return f"A promise for today: {_titles(facts.promises_today)}."
    if facts.milestones_tomorrow:
        return f"Tomorrow: {_titles(facts.milestones_tomorrow)}. There's still today to get ready."
    if facts.away_today:
        return None
    last_day_of_week = (facts.week_start - 1) % 7
    if facts.weekly_talk_held is False and today.weekday() == last_day_of_week:
        return "There's still today for this week's talk, if you can find an hour together."
    if not facts.review_done and now.hour >= REVIEW_HOUR:
        return "Today's review is waiting whenever you have a few minutes: open hearthside."
    if facts.last_affection is not None and facts.last_affection < today - timedelta(days=1):
        return f"No hug logged since {_since(facts.last_affection, today)}; one tonight, maybe?"
    return None


def _titles(titles: tuple[str, ...]) -> str:
    """The first title, on one short line, and how many more: the line stays one line."""
    first, *more = titles
    return one_line(first, TITLE_WIDTH) + (f" (and {len(more)} more)" if more else "")


def _since(day: date, today: date) -> str:
    return date_words.weekday(day) if today - day < timedelta(days=7) else date_words.day_month(day)


def gather(store: Store, today: date) -> NudgeFacts:
    """The facts for ``today`` from the journal: only the kinds the rule looks at are read."""
    tomorrow = today + timedelta(days=1)
    review = day_review(store, today)
    affection = store.all(PracticeLog, where=Where("practice", lambda p: p == AFFECTION))
    iso = today.isoformat()
    return NudgeFacts(
        promises_today=tuple(
            d.commitment.title for d in due_commitments(store, today=today) if d.on == today
        ),
        milestones_tomorrow=tuple(
            sorted(
                (m.title for m in store.all(Milestone) if next_occurrence(m, tomorrow) == tomorrow),
                key=str.casefold,
            )
        ),
        review_done=review is not None and review.completed,
        last_affection=max((date.fromisoformat(log.date) for log in affection), default=None),
        away_today=any(p.start <= iso <= p.end for p in store.all(Pause)),
        week_start=store.settings().week_start,
        # Only for someone who has held one before: a habit to keep, not a new ask.
        weekly_talk_held=(
            held_this_week(store, today) is not None if store.has_any(WeeklyTalk) else None
        ),
    )


def nudge_for(home: Path, now: datetime) -> str | None:
    """The line for the journal at ``home``, or None: also when it is missing, encrypted
    (its words stay behind the passphrase), damaged, or can't be read for any reason."""
    try:
        if not database_path(home).is_file() or is_encrypted(home):
            return None
        store = Store(home)
        try:
            facts = gather(store, now.date())
        finally:
            store.close()
        return next_nudge(facts, now)
    except Exception:  # whatever went wrong, `hearthside doctor` is the place to hear it
        return None
