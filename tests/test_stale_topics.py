"""Today's question favours love-map topics gone stale, still never repeating within a
cycle, still bringing a kept question back after KEEP_DAYS, and the same on every run."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hearthside.services import lovemap, prompts
from hearthside.services.prompts import KEEP_DAYS, STALE_DAYS, Shown, choose, is_stale
from hearthside.store.store import Store
from hearthside.texts.library import Content

START = date(2026, 1, 1)
IDS = [f"q{i:02}" for i in range(12)]
# Half the questions on a topic learned about yesterday, half on one never learned about.
TOPICS = {q: ("friends" if i % 2 else "dreams") for i, q in enumerate(IDS)}


def play(
    days: int,
    learned: Mapping[str, date | None],
    outcomes: list[str] | None = None,
    ids: list[str] = IDS,
    topics: Mapping[str, str] = TOPICS,
) -> list[str]:
    history: list[Shown] = []
    asked = []
    for n in range(days):
        day = START + timedelta(days=n)
        question = choose(ids, history, day, topics=topics, learned=learned)
        assert question is not None
        outcome = outcomes[n % len(outcomes)] if outcomes else "talked"
        history.append(Shown(day, question, outcome))
        asked.append(question)
    return asked


def test_questions_on_stale_topics_come_first_and_none_repeats_in_a_cycle() -> None:
    learned = {"friends": START - timedelta(days=1)}
    asked = play(len(IDS), learned)
    assert sorted(asked) == IDS, "every question once in the cycle"
    assert {TOPICS[q] for q in asked[:6]} == {"dreams"}, "the stale topic first"
    assert {TOPICS[q] for q in asked[6:]} == {"friends"}


def test_a_topic_goes_stale_after_stale_days() -> None:
    assert is_stale("dreams", {}, START)
    assert is_stale("dreams", {"dreams": None}, START)
    assert not is_stale("dreams", {"dreams": START - timedelta(days=STALE_DAYS - 1)}, START)
    assert is_stale("dreams", {"dreams": START - timedelta(days=STALE_DAYS)}, START)


def test_with_every_topic_equally_stale_the_cycle_order_decides() -> None:
    plain = [choose(IDS, [], START + timedelta(days=n)) for n in range(3)]
    favoured = [choose(IDS, [], START + timedelta(days=n), topics=TOPICS) for n in range(3)]
    assert plain == favoured


def test_a_kept_question_comes_back_after_keep_days_even_on_a_fresh_topic() -> None:
    learned = {"dreams": START - timedelta(days=1)}  # friends is the stale one now
    asked = play(KEEP_DAYS + 1, learned, outcomes=["later"] + ["talked"] * KEEP_DAYS)
    assert TOPICS[asked[0]] == "friends"
    # Kept on day 0, a fresh topic by then or not, it is back on day KEEP_DAYS.
    assert asked[KEEP_DAYS] == asked[0]


def test_the_same_day_gets_the_same_question_whatever_the_order() -> None:
    learned = {"friends": START - timedelta(days=3), "dreams": None}
    again = dict(reversed(list(learned.items())))
    assert play(30, learned) == play(30, again) == play(30, learned, ids=IDS[::-1])


@settings(max_examples=60, deadline=None)
@given(
    topic_of=st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=2, max_size=9),
    ago=st.dictionaries(
        st.sampled_from(["a", "b", "c", "d"]), st.none() | st.integers(-40, 60), max_size=4
    ),
    outcomes=st.lists(st.sampled_from(["talked", "skip"]), min_size=1, max_size=5),
)
def test_any_journal_never_repeats_within_a_cycle_and_puts_stale_topics_first(
    topic_of: list[str], ago: dict[str, int | None], outcomes: list[str]
) -> None:
    ids = [f"q{i}" for i in range(len(topic_of))]
    topics = dict(zip(ids, topic_of, strict=True))
    learned = {t: None if n is None else START - timedelta(days=n) for t, n in ago.items()}
    asked = play(2 * len(ids), learned, outcomes, ids, topics)
    assert asked == play(2 * len(ids), learned, outcomes, ids, topics), "seeded"
    for start in (0, len(ids)):
        assert sorted(asked[start : start + len(ids)]) == ids, "no repeat within a cycle"
    for n, question in enumerate(asked):
        day = START + timedelta(days=n)
        waiting = set(ids) - set(asked[n - n % len(ids) : n])  # not yet in this cycle
        # (A new cycle never opens with the question that closed the last one.)
        waiting -= set(asked[n - 1 : n])
        if any(is_stale(topics[q], learned, day) for q in waiting):
            assert is_stale(topics[question], learned, day), (n, question, sorted(waiting))


def test_todays_question_turns_to_a_quiet_topic_and_stays_once_shown(
    store: Store, content: Content
) -> None:
    day = date(2026, 11, 25)
    quiet = "gift-ideas"
    for topic in content.lovemap_topics:
        if topic.id != quiet:
            lovemap.learn(store, content, topic.id, "something new", day="2026-11-20", today=day)
    chosen = prompts.question_for(store, content, today=day)
    assert chosen is not None and chosen.topic == quiet
    # Learning something there today doesn't change the question today has shown.
    lovemap.learn(store, content, quiet, "a blue scarf", day=day, today=day)
    assert prompts.question_for(store, content, today=day) == chosen
    tomorrow = prompts.question_for(store, content, today=day + timedelta(days=1))
    assert tomorrow is not None and tomorrow.topic != quiet, "every topic is fresh now"
