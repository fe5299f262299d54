"""Today's question: every prompt once before any comes round again."""

from __future__ import annotations

from datetime import date, timedelta

from hearthside.services import prompts
from hearthside.services.prompts import KEEP_DAYS, Shown, choose
from hearthside.services.review import session as review
from hearthside.store.store import Store
from hearthside.texts.library import Content

START = date(2026, 1, 1)


def play(ids: list[str], days: int, outcome_for: object = None) -> list[str]:
    """Answer the day's question every day for ``days`` days; the questions asked, in order."""
    history: list[Shown] = []
    asked = []
    for n in range(days):
        day = START + timedelta(days=n)
        question = choose(ids, history, day)
        assert question is not None
        outcome = outcome_for(n) if callable(outcome_for) else ("talked", "skip")[n % 2]
        history.append(Shown(day, question, outcome))
        asked.append(question)
    return asked


def test_no_question_repeats_until_all_have_been_shown(content: Content) -> None:
    ids = [q.id for q in content.questions]
    asked = play(ids, 3 * len(ids) + 5)
    for start in range(0, 3 * len(ids), len(ids)):
        cycle = asked[start : start + len(ids)]
        assert sorted(cycle) == sorted(ids), "each cycle shows every question exactly once"
    # Cycles are shuffled differently, and never open with the question that closed the last.
    assert asked[: len(ids)] != asked[len(ids) : 2 * len(ids)]
    assert all(asked[i] != asked[i + 1] for i in range(len(asked) - 1))


def test_the_choice_is_deterministic() -> None:
    ids = [f"q{i}" for i in range(12)]
    assert play(ids, 40) == play(ids, 40)
    assert play(list(reversed(ids)), 40) == play(ids, 40), "content order doesn't matter"


def test_a_question_kept_for_later_comes_back_a_week_on() -> None:
    ids = [f"q{i}" for i in range(30)]
    asked = play(ids, 20, lambda n: "later" if n == 0 else "talked")
    assert asked[KEEP_DAYS] == asked[0]
    assert asked[0] not in asked[1:KEEP_DAYS] + asked[KEEP_DAYS + 1 :]


def test_a_kept_question_does_not_hold_a_cycle_open() -> None:
    ids = ["a", "b", "c"]
    # Keep every question each time it comes round: the cycle still moves on.
    asked = play(ids, 12, lambda n: "later")
    assert set(asked[:3]) == set(ids)


def test_todays_question_is_stable_and_moves_on_once_answered(
    store: Store, content: Content
) -> None:
    day = date(2026, 11, 25)
    first = prompts.question_for(store, content, today=day)
    assert first is not None
    assert prompts.question_for(store, content, today=day) == first

    review.save_question(store, content, review.start(store, content, today=day), "later")
    assert prompts.question_for(store, content, today=day) == first, "still today's"
    assert prompts.kept_for_later(store, content) == [first]
    tomorrow = prompts.question_for(store, content, today=day + timedelta(days=1))
    assert tomorrow is not None and tomorrow != first

    review.save_question(
        store, content, review.start(store, content, today=day + timedelta(days=1)), "talked"
    )
    back = prompts.question_for(store, content, today=day + timedelta(days=KEEP_DAYS))
    assert back == first
    review.save_question(
        store,
        content,
        review.start(store, content, today=day + timedelta(days=KEEP_DAYS)),
        "talked",
    )
    assert prompts.kept_for_later(store, content) == []


def test_a_question_shown_but_not_answered_is_offered_again() -> None:
    ids = ["a", "b", "c", "d"]
    first = choose(ids, [], START)
    assert first is not None
    # The review stopped before the question step: nothing was recorded, so tomorrow is the same.
    assert choose(ids, [], START + timedelta(days=1)) == first
