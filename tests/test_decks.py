"""The questions as decks: what the content holds, how a broken file is refused, drawing
by deck and depth, favourites, and the Guide's links from strategies to questions."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from pathlib import Path

import pytest

from hearthside.domain.records import FavouriteQuestion
from hearthside.errors import HearthsideError
from hearthside.services import decks
from hearthside.store.store import Store
from hearthside.texts.front_matter import ContentError
from hearthside.texts.items import DEPTHS
from hearthside.texts.library import Content

# The questions before there were decks: past days remember their question by these ids.
FIRST_THEMES = ["dreams", "memories", "everyday", "appreciation", "feelings"]
FIRST_THEMES += ["future", "fun", "unspoken", "support", "meaning"]
FIRST_IDS = {f"{theme}-{n}" for theme in FIRST_THEMES for n in range(1, 9)}


def test_the_decks_hold_at_least_150_questions_at_three_depths(content: Content) -> None:
    questions = content.questions
    assert len(questions) >= 150
    assert {q.id for q in questions} >= FIRST_IDS, "no question id is ever lost"
    assert {q.depth for q in questions} == set(DEPTHS)
    for deck in content.decks:
        depths = Counter(q.depth for q in questions if q.deck == deck.id)
        assert all(depths[d] >= 2 for d in DEPTHS), (deck.id, depths)
    assert len({q.text for q in questions}) == len(questions), "no question twice"


def test_every_question_serves_known_strategies_and_a_love_map_topic(content: Content) -> None:
    topics = {t.id for t in content.lovemap_topics}
    numbers = {s.number for s in content.steps}
    for question in content.questions:
        assert question.topic in topics
        assert question.steps and set(question.steps) <= numbers, question.id
    served = {n for q in content.questions for n in q.steps}
    assert served == numbers, "every strategy has questions to talk about"
    assert {q.topic for q in content.questions} == topics, "every topic has questions"


def break_question(root: Path, before: str, after: str) -> int:
    """Change one question's line in questions.md; the number of the line changed."""
    path = root / "questions.md"
    lines = path.read_text().splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "{id: fun-5," in line)
    assert before in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(before, after)
    path.write_text("\n".join(lines) + "\n")
    return number


def test_a_bad_depth_is_refused_with_its_line(own_copy: Path) -> None:
    line = break_question(own_copy, "depth: light", "depth: medium")
    with pytest.raises(ContentError, match=rf"questions\.md, line {line}: .*light, deeper, deep"):
        _ = Content().questions


def test_an_unknown_strategy_is_refused_with_its_line(own_copy: Path) -> None:
    line = break_question(own_copy, "steps: [11]", "steps: [11, 16]")
    with pytest.raises(ContentError, match=rf"line {line}: .*strategy 16, which doesn't exist"):
        _ = Content().questions


def test_an_unknown_topic_on_one_question_is_refused_with_its_line(own_copy: Path) -> None:
    line = break_question(own_copy, "depth: light,", "depth: light, topic: hobbies,")
    with pytest.raises(ContentError, match=rf"line {line}: .*'hobbies'.*favourites"):
        _ = Content().questions


def test_a_question_without_a_depth_is_refused_with_its_line(own_copy: Path) -> None:
    line = break_question(own_copy, "depth: light, ", "")
    with pytest.raises(ContentError, match=rf"line {line}: .*'depth' is missing"):
        _ = Content().questions


def test_a_repeated_question_id_is_refused(own_copy: Path) -> None:
    break_question(own_copy, "{id: fun-5,", "{id: fun-4,")
    with pytest.raises(ContentError, match="question ids must be unique; repeated: fun-4"):
        _ = Content().questions


def test_a_deck_or_depth_not_known_lists_the_choices(content: Content) -> None:
    with pytest.raises(
        HearthsideError,
        match=r"'dee' could mean more than one of the depths; use one of: light, deeper, deep\.",
    ):
        decks.matching(content, depth="dee")
    with pytest.raises(
        HearthsideError, match="'cards' isn't one of the decks; use one of: dreams, "
    ):
        decks.matching(content, deck="cards")


def test_drawing_by_deck_and_depth(content: Content) -> None:
    pool = decks.matching(content, "little", "deep")
    assert pool and {(q.deck, q.depth) for q in pool} == {("little-things", "deep")}
    assert decks.matching(content, "The little things") == decks.matching(content, "little")
    rng = random.Random(7)
    drawn = [decks.draw(pool, rng)]
    for _ in range(20):
        drawn.append(decks.draw(pool, rng, after=drawn[-1].id))
    assert all(a != b for a, b in itertools.pairwise(drawn)), "never twice running"
    assert len(set(drawn)) > 1
    assert decks.draw(pool[:1], rng, after=pool[0].id) == pool[0], "one question: itself again"


def test_starring_twice_unstars_and_favourites_come_newest_first(
    store: Store, content: Content
) -> None:
    first, second = content.questions[0], content.questions[40]
    assert decks.toggle_favourite(store, first) is True
    assert decks.toggle_favourite(store, second) is True
    assert decks.favourites(store, content) == [second, first]
    assert decks.toggle_favourite(store, first) is False
    assert decks.favourites(store, content) == [second]
    assert [f.question for f in store.all(FavouriteQuestion, include_deleted=True)] == [second.id]


def test_a_favourite_whose_question_left_the_content_is_kept_but_not_shown(
    store: Store, content: Content
) -> None:
    store.add(FavouriteQuestion(question="retired-1", date="2026-11-20"))
    assert decks.favourites(store, content) == []
    assert decks.favourite_ids(store) == {"retired-1"}


def test_each_strategy_shows_its_decks_and_one_question_of_each_depth(content: Content) -> None:
    for step in content.steps:
        served = decks.serving(content, step.number)
        assert served.decks, step.number
        counts = [n for _deck, n in served.decks]
        assert counts == sorted(counts, reverse=True)
        assert all(step.number in q.steps for q in served.few)
        depths = [q.depth for q in served.few]
        assert depths == [d for d in DEPTHS if d in depths] and len(set(depths)) == len(depths)
    talk = decks.serving(content, 6)
    assert talk.decks[0][0].id == "unspoken" and len(talk.few) == 3
