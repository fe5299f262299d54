"""One key map: a practice's letter is the same in every room that logs practices, and
``?`` lists the letters."""

from __future__ import annotations

import re
from pathlib import Path

from hearthside.domain.records import PracticeLog
from hearthside.texts.library import Content
from hearthside.tui.app import HearthsideApp
from hearthside.tui.dialogs.help import HelpScreen
from hearthside.tui.presenters.practice_keys import practice_keys
from hearthside.tui.rooms.dashboard import DashboardScreen
from hearthside.tui.rooms.review import ReviewScreen
from hearthside.tui.widgets.checklist import LetterChecklist
from hearthside.tui.widgets.heatmap import PracticeRow
from tests.conftest import run, stored
from tests.tui.conftest import SIZE, Make, counted, open_review, opened, screen_text, settle

LETTERS = {
    "affection": "h",
    "compliments": "c",
    "quality-time": "d",
    "conversation": "t",
    "surprise": "g",
}
HELP_LINES = (
    "h Affection",
    "c Kind words",
    "d Time together",
    "t Real conversation",
    "g Surprises and gifts",
)


def help_text(app: HearthsideApp) -> str:
    """The help's lines, with the padding between key and description made one space."""
    return re.sub(" +", " ", screen_text(app))


def test_the_letters_come_from_the_one_map(content: Content) -> None:
    assert practice_keys(content.practices) == LETTERS


async def test_t_is_real_conversation_in_the_review_and_the_dashboard(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        review = await open_review(pilot)
        checklist = review.query_one(LetterChecklist)
        assert {v: k for k, v in checklist._keys.items()} == LETTERS
        await pilot.press("t")  # a real conversation, in the review
        await opened(pilot, ["question_mark"], HelpScreen)
        text = help_text(app)
        assert "Practice letters, the same in every room" in text
        assert all(line in text for line in HELP_LINES), text
        await opened(pilot, ["escape"], ReviewScreen)
        await pilot.press("enter", "escape")
        await settle(pilot)
        await pilot.press("4")
        await counted(pilot)
        assert isinstance(app.screen, DashboardScreen)
        rows = app.screen.query(PracticeRow)
        assert [r.key for r in rows] == list(LETTERS.values())
        await pilot.press("g")  # a surprise, on the dashboard
        await counted(pilot)
        await opened(pilot, ["question_mark"], HelpScreen)
        text = help_text(app)
        assert all(line in text for line in HELP_LINES), text
        assert "Log real conversation" not in text  # listed once, with the others
    logs = stored(welcomed, PracticeLog)
    assert sorted(log.practice for log in logs) == ["conversation", "surprise"]
    assert "Real conversation" in run("stats").output
