"""Today's question from the command line: shown, and answered as the app answers it."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.domain.records import PracticeLog, Review
from hearthside.services.review import session as review
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY, disk_state, run, stored

pytestmark = pytest.mark.usefixtures("clock")


def test_todays_question_shown_then_talked_about_once(private_home: Path) -> None:
    with_store = Store(private_home)
    try:
        question = review.start(with_store, Content(), today=TODAY).question
    finally:
        with_store.close()
    assert question is not None
    shown = run("question")
    assert shown.exit_code == 0, shown.output
    assert question.text in shown.output
    assert "Answer it with --talked, --skip or --later." in shown.output
    talked = run("question", "--talked")
    assert talked.exit_code == 0, talked.output
    assert "a real conversation is logged for today" in talked.output
    # As the app does, it offers the love map, under the question's own topic.
    assert f'hearthside learned {question.topic} "' in talked.output
    again = run("question", "--talked")
    assert "You'd already talked about today's question" in again.output
    assert "hearthside learned" not in again.output
    assert [log.practice for log in stored(private_home, PracticeLog)] == ["conversation"]
    # Answering otherwise takes the conversation back: it was the answer that logged it.
    skipped = run("question", "--skip")
    assert "Set aside for today." in skipped.output
    assert stored(private_home, PracticeLog) == []
    assert stored(private_home, Review)[0].answers["outcome"] == "skip"


def test_two_answers_at_once_are_refused(private_home: Path) -> None:
    before = disk_state(private_home)
    result = run("question", "--talked", "--later")
    assert result.exit_code == 2
    assert "one answer at a time" in result.output
    assert disk_state(private_home) == before
