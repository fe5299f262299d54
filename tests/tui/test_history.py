"""Looking back in the app: check-ins side by side, and past reviews day by day."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widgets._footer import FooterKey

from hearthside.tui.app import HearthsideApp
from hearthside.tui.rooms.history import CheckinHistoryScreen, PastReviewsScreen
from hearthside.tui.rooms.today import TodayScreen
from hearthside.tui.widgets.keys_footer import KeysFooter
from tests.conftest import run
from tests.history_data import FRICTION_LINE, TALK_LINE, with_checkins, with_reviews
from tests.tui.conftest import FRESH_TERMINAL, Make, opened, screen_text, settle


def keys_close_the_footer(app: HearthsideApp) -> bool:
    """The footer's last key, inside an 80x24 window, is ? for all the keys."""
    last = list(app.screen.query_one(KeysFooter).query(FooterKey))[-1]
    return last.key_display == "?" and Region(0, 0, *FRESH_TERMINAL).contains_region(last.region)


async def test_checkin_history_from_the_palette_at_80x24(make: Make, welcomed: Path) -> None:
    with_checkins(welcomed)
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"Check-in history", "enter"], CheckinHistoryScreen)
        text = screen_text(app)
        assert "The last 8 weeks of check-ins, from Mon 5 Oct" in text
        assert TALK_LINE in text and FRICTION_LINE in text
        assert keys_close_the_footer(app)
        await opened(pilot, ["escape"], TodayScreen)
    # The command line says the same, from the same figures.
    assert TALK_LINE in run("checkin", "--history").output


async def test_an_empty_checkin_history_is_kind(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"Check-in history", "enter"], CheckinHistoryScreen)
        assert "No check-ins in these eight weeks yet." in screen_text(app)


async def test_past_reviews_day_by_day_and_by_date(make: Make, welcomed: Path) -> None:
    with_reviews(welcomed)
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"Past reviews", "enter"], PastReviewsScreen)
        text = screen_text(app)
        assert "Daily review of Tuesday 24 November 2026" in text  # the latest one
        assert "✓ Affection" in text and keys_close_the_footer(app)
        await pilot.press("left")
        await pilot.pause()
        assert "Daily review of Friday 20 November 2026" in screen_text(app)
        assert "✓ Closeness 3 · steady" in screen_text(app)
        await pilot.press("left")  # nothing earlier: it stays
        await pilot.press("right")
        await pilot.pause()
        assert "Daily review of Tuesday 24 November 2026" in screen_text(app)
        await pilot.press("g", *"2026-11-22", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Sunday 22 November 2026" in text
        assert "Nothing was recorded that day." in text
        await pilot.press("g", *"someday", "enter")
        await settle(pilot)
        assert "Sunday 22 November 2026" in screen_text(app)  # a bad date changes nothing
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    shown = run("review", "--day", "2026-11-20").output
    assert "✓ Closeness 3 · steady" in shown
