"""`?` lists every key of the room you are in, under the room's own name, and scrolls."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Static

from hearthside.tui.dialogs.help import HelpScreen
from tests.tui.conftest import Make, settle

# How to reach each room or screen from Today, and a few of its keys that must be listed.
PLACES = {
    "Today": ([], ["r", "w", "d", "m", "u", "g"]),
    "the Journal": (["2"], ["n", "/", "*"]),
    "the Notes room": (["3"], ["c", "k", "s", "S", "x", "u", "*"]),
    "the Dashboard": (["4"], ["L", "u", "+", "-"]),
    "the Guide": (["5"], ["PgDn", "w", "f"]),
    "the journal editor": (["2", "n"], ["^s", "esc"]),
    "the note composer": (["3", "c"], ["^s", "^t", "esc"]),
    "the daily review": (["r"], ["⏎", "PgUp", "esc"]),
    "the love map": (["ctrl+p", *"Love map", "enter"], ["n", "c", "e", "x", "u", "esc"]),
    "the evening of 36 questions": (["ctrl+p", *"36 questions", "enter"], ["→", "←", "r", "l"]),
    "good memories": (["ctrl+p", *"Good memories", "enter"], ["→", "←", "o", "r", "esc"]),
    "the weekly talk": (["ctrl+p", *"Weekly talk", "enter"], ["^s", "esc"]),  # F1: in a field
}
TYPING = ("the journal editor", "the weekly talk")  # F1 there: ? is text


@pytest.mark.parametrize("place", list(PLACES))
async def test_question_mark_lists_every_key_under_the_rooms_name(
    make: Make, welcomed: Path, place: str
) -> None:
    keys, expected = PLACES[place]
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        await pilot.press("f1" if place in TYPING else "question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        title = str(help_screen.query_one(".dialog-title", Static).render())
        assert title == f"Keys in {place}"
        listing = str(help_screen.query_one("#help-keys", Static).render())
        shown = {line.split()[0] for line in listing.splitlines() if line.strip()}
        for key in expected:
            assert key in shown, (key, listing)
        scroller = help_screen.query_one(VerticalScroll)
        assert scroller.can_focus
        # Everything fits or scrolls: the box never runs off the bottom of the screen.
        box = help_screen.query_one("#help")
        assert box.region.bottom <= 24


async def test_page_down_scrolls_the_guides_article_without_tab_first(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await settle(pilot)
        body = app.screen.query_one("#guide-body", VerticalScroll)
        assert body.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0


async def test_the_dashboard_says_what_the_strength_numbers_are(make: Make, welcomed: Path) -> None:
    app = make(room="dashboard")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "strength 0–100" in str(app.screen.query_one("#dash-legend", Static).render())
        await pilot.press("question_mark")
        await pilot.pause()
        listing = str(app.screen.query_one("#help-keys", Static).render())
        assert "strength, from 0 to 100" in " ".join(listing.split())
