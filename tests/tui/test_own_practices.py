"""Stories of a person's own practices in the app: made in "Your practices", counted on
the Dashboard beside the seed's at once, logged with minutes, put away; and the six
hours switched on in Settings."""

from __future__ import annotations

from pathlib import Path

from hearthside.domain.records import OwnPractice, PracticeLog
from hearthside.tui.app import HearthsideApp
from hearthside.tui.dialogs.minutes import MinutesDialog
from hearthside.tui.dialogs.practice import PracticeDialog
from hearthside.tui.dialogs.settings import SettingsDialog
from hearthside.tui.presenters.practice_keys import practice_keys
from hearthside.tui.rooms.dashboard import DashboardScreen
from hearthside.tui.rooms.practices import PracticesScreen
from hearthside.tui.widgets.heatmap import PracticeRow
from tests.conftest import run, stored, stored_settings
from tests.tui.conftest import (
    FRESH_TERMINAL,
    Make,
    burst,
    counted,
    open_review,
    opened,
    record_notices,
    screen_text,
    settle,
)

WIDE = (160, 45)


def rows(app: HearthsideApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, DashboardScreen)
    return [r.text() for r in screen.query(PracticeRow)]


async def test_a_practice_made_from_the_palette_is_on_the_dashboard_and_logs_minutes(
    make: Make, welcomed: Path
) -> None:
    app = make(room="dashboard")
    notices = record_notices(app)
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await counted(pilot)
        assert len(rows(app)) == 5
        await opened(pilot, ["ctrl+p", *"Your practices", "enter"], PracticesScreen)
        assert "None yet: press n to add one" in screen_text(app)
        await opened(pilot, ["n"], PracticeDialog)
        # Typed as fast as a person types, Tab to each field, space ticks minutes.
        await burst(pilot, *"Evening walk", "tab", *"3 per week", "tab", *"walk, stroll")
        await burst(pilot, "tab", "tab", "space", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PracticesScreen)
        assert "Evening walk  3 per week, with minutes · also walk, stroll" in screen_text(app)
        assert any("Added. It's on your Dashboard now." in n for n in notices)
        await pilot.press("escape")
        await counted(pilot)
        assert len(rows(app)) == 6 and "Evening walk" in rows(app)[5]
        assert "3 per week" in rows(app)[5] or "0/3" in rows(app)[5]
        # Its letter logs it, asking how long.
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        letter = screen._keys["evening-walk"]
        await pilot.press(letter)
        await settle(pilot)
        assert isinstance(app.screen, MinutesDialog)
        assert "How many minutes did you spend on it today?" in screen_text(app)
        await burst(pilot, "4", "5", "enter")
        await counted(pilot)
        assert "1/3" in rows(app)[5]
    (own,) = stored(welcomed, OwnPractice)
    assert (own.name, own.target, own.minutes, own.aliases) == (
        "Evening walk",
        "3 per week",
        True,
        ["walk", "stroll"],
    )
    assert [(log.practice, log.minutes) for log in stored(welcomed, PracticeLog)] == [
        ("evening-walk", 45)
    ]


async def test_a_name_that_clashes_says_so_in_the_box_and_keeps_what_was_typed(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"Your practices", "enter"], PracticesScreen)
        await opened(pilot, ["n"], PracticeDialog)
        await burst(pilot, *"Hug", "tab", *"daily", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeDialog)
        assert "“hug” already names Affection" in screen_text(app)
        await burst(pilot, "shift+tab", "ctrl+a", *"Hand on shoulder", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticesScreen)
    assert [p.name for p in stored(welcomed, OwnPractice)] == ["Hand on shoulder"]


async def test_put_away_and_brought_back_with_a_and_changed_with_e(
    make: Make, welcomed: Path
) -> None:
    run("practice", "add", "Walk", "-t", "weekly")
    run("log", "walk")
    app = make(room="dashboard")
    async with app.run_test(size=WIDE) as pilot:
        await counted(pilot)
        assert any("Walk" in r for r in rows(app))
        await opened(pilot, ["ctrl+p", *"Your practices", "enter"], PracticesScreen)
        await pilot.press("a")
        await settle(pilot)
        assert "Walk  weekly · put away" in screen_text(app)
        await pilot.press("escape")
        await counted(pilot)
        assert not any("Walk" in r for r in rows(app))
        await opened(pilot, ["ctrl+p", *"Your practices", "enter"], PracticesScreen)
        await pilot.press("a")
        await settle(pilot)
        await opened(pilot, ["e"], PracticeDialog)
        await burst(pilot, "ctrl+a", *"Walk together", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await counted(pilot)
        assert any("Walk together" in r and "done" in r for r in rows(app))
    (own,) = stored(welcomed, OwnPractice)
    assert (own.key, own.name, own.archived) == ("walk", "Walk together", None)


async def test_the_six_hours_switched_on_in_settings_show_on_the_dashboard(
    make: Make, welcomed: Path
) -> None:
    run("log", "date", "-m", "60")
    app = make(room="dashboard")
    async with app.run_test(size=WIDE) as pilot:
        await counted(pilot)
        assert "Thinnest so far" not in screen_text(app)
        dialog = await opened(pilot, ["ctrl+o"], SettingsDialog)
        dialog.set_focus(dialog.query_one("#six-hours"))
        await pilot.press("enter", "down", "enter", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await counted(pilot)
        text = screen_text(app)
        assert "Six hours" in text and "A date" in text and "60 of 120 min" in text
        assert "Thinnest so far: partings (0 of 10 min)." in text
        assert any("Partings" in r for r in rows(app))
    assert stored_settings(welcomed).six_hours


async def test_the_daily_review_ticks_a_practice_of_ones_own_by_its_letter(
    make: Make, welcomed: Path
) -> None:
    run("practice", "add", "Pray together", "-t", "2 per day")
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        review = await open_review(pilot)
        assert "Pray together" in screen_text(app)
        letter = practice_keys(review.state.practices)["pray-together"]
        await burst(pilot, letter, "enter")
        assert "Step 2 of 6" in screen_text(app)
    assert [log.practice for log in stored(welcomed, PracticeLog)] == ["pray-together"]
