"""Stories of an evening of 36 questions: begun from the palette, left half way and
picked up again, started over, and closed warmly with a way to the love map."""

from __future__ import annotations

from pathlib import Path

from hearthside.domain.records import Evening
from hearthside.tui.rooms.evening import EveningScreen
from hearthside.tui.rooms.lovemap import LoveMapScreen
from hearthside.tui.rooms.today import TodayScreen
from tests.conftest import run, stored
from tests.tui.conftest import FRESH_TERMINAL, Make, opened, screen_text, settle


async def test_one_question_at_a_time_kept_when_left_half_way(make: Make, welcomed: Path) -> None:
    app = make()
    first_of_set_two = app.content.thirty_six.sets[1].questions[0]
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"36 questions", "enter"], EveningScreen)
        text = screen_text(app)
        assert "About 45 minutes" in text and "1997 study by Arthur Aron" in text
        await pilot.press("enter")
        assert "Set 1 of 3 · question 1 of 12 · Easing in" in screen_text(app)
        await pilot.press(*["right"] * 12)
        assert "Set 2 of 3 · question 1 of 12" in screen_text(app)
        assert first_of_set_two in screen_text(app)
        await pilot.press("right", "right", "left")
        await settle(pilot)
        assert "Set 2 of 3 · question 2 of 12" in screen_text(app)
        await opened(pilot, ["escape"], TodayScreen)
    (kept,) = stored(welcomed, Evening)
    assert (kept.at, kept.finished, kept.date) == (13, False, "2026-11-25")

    again = make()
    async with again.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"36 questions", "enter"], EveningScreen)
        assert "Set 2 of 3 · question 2 of 12" in screen_text(again)
        # r starts over: the note first, then question 1.
        await pilot.press("r")
        await settle(pilot)
        assert "About 45 minutes" in screen_text(again)
        await pilot.press("enter")
        assert "Set 1 of 3 · question 1 of 12" in screen_text(again)
        await settle(pilot)
    (kept,) = stored(welcomed, Evening)
    assert (kept.at, kept.finished) == (0, False)


async def test_the_end_is_warm_and_offers_the_love_map(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"36 questions", "enter"], EveningScreen)
        await pilot.press("enter", *["right"] * 35)
        assert "Set 3 of 3 · question 12 of 12 · Going deeper" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "That's all thirty-six. Thank you for giving each other an evening." in text
        assert "Press l to note what you learned" in text
        # Looking back after the end keeps the evening finished.
        await pilot.press("left", "right")
        await settle(pilot)
        await opened(pilot, ["l"], LoveMapScreen)
        await opened(pilot, ["escape"], EveningScreen)
    (kept,) = stored(welcomed, Evening)
    assert kept.finished

    again = make()
    async with again.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"36 questions", "enter"], EveningScreen)
        assert "About 45 minutes" in screen_text(again)  # a new evening begins


async def test_the_app_picks_up_where_the_command_line_left_off(make: Make, welcomed: Path) -> None:
    for _ in range(5):
        run("evening", "--next")
    app = make()
    fifth = app.content.thirty_six.questions[4]
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"36 questions", "enter"], EveningScreen)
        assert "Set 1 of 3 · question 5 of 12 · Easing in" in screen_text(app)
        assert fifth in screen_text(app)
        await pilot.press("right")
        await settle(pilot)
    assert "Set 1 of 3 · question 6 of 12" in run("evening").output
