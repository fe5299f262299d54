"""The save each step of the daily review needs, from what its fields now say.

Each returns None when the fields say what was saved already, so passing through a
step writes nothing. The screen reads the fields and runs the save on the writer
thread; ``state`` belongs to that thread, ``saved`` is the screen's copy of the
answers as last saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from hearthside.domain import validation
from hearthside.domain.records import Answers
from hearthside.errors import HearthsideError
from hearthside.services.review import session as review
from hearthside.services.review.session import ReviewState
from hearthside.tui.hearth import Hearth

Job = Callable[[], object]


class Invalid(Exception):
    """A field holds something the step can't save; the message is shown beside it."""


def minutes_typed(text: str) -> int | None:
    """The minutes together as typed (None when left empty), or Invalid."""
    try:
        return validation.check_minutes(text)
    except HearthsideError as exc:
        raise Invalid(str(exc)) from None


def practices_save(
    hearth: Hearth,
    state: ReviewState,
    saved: Answers,
    selected: Iterable[str],
    *,
    minutes: int | None,
    timed: str | None,
) -> Job | None:
    store, content = hearth.store, hearth.content
    elsewhere = state.logged_elsewhere
    ticked = [v for v in selected if v not in elsewhere]
    wanted = set(ticked) | ({timed} if minutes and timed else set())
    if wanted == set(saved.practices) - elsewhere and minutes == saved.minutes:
        return None
    return lambda: review.save_practices(store, content, state, ticked, minutes=minutes)


def moments_save(
    hearth: Hearth,
    state: ReviewState,
    saved: Answers,
    *,
    counts: tuple[int, int],
    lines: tuple[str, str],
) -> Job | None:
    store = hearth.store
    (pos, neg), (pos_line, neg_line) = counts, lines
    new = (pos, neg, pos_line, neg_line)
    if new == (saved.positive, saved.negative, saved.positive_line, saved.negative_line):
        return None
    return lambda: review.save_moments(
        store,
        state,
        positive=pos,
        negative=neg,
        positive_line=pos_line,
        negative_line=neg_line,
    )


def gratitude_save(hearth: Hearth, state: ReviewState, saved: Answers, line: str) -> Job | None:
    store, content = hearth.store, hearth.content
    if line == saved.gratitude:
        return None
    return lambda: review.save_gratitude(store, content, state, line)


def closeness_save(
    hearth: Hearth, state: ReviewState, saved: Answers, closeness: int | None, reflection: str
) -> Job | None:
    store = hearth.store
    if (closeness, reflection) == (saved.closeness, saved.reflection):
        return None
    return lambda: review.save_closeness(store, state, closeness, reflection)
