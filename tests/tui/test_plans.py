"""Stories of plans in the app: promises, milestones and days away, keyboard only, then
read back from the store and from the command line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, OptionList

from hearthside.domain.records import Commitment, Milestone, Pause
from hearthside.services import plans
from hearthside.services.pauses import add_pause
from hearthside.store.store import Store
from hearthside.texts.library import Content
from hearthside.tui.dialogs.plans import DaysAwayDialog, MilestoneDialog, PromiseDialog
from hearthside.tui.rooms.plans import PlansScreen
from hearthside.tui.rooms.today import TodayScreen
from tests.conftest import TODAY, run, stored
from tests.tui.conftest import (
    FRESH_TERMINAL,
    SIZE,
    Make,
    buttons_on_screen,
    opened,
    record_notices,
    screen_text,
    settle,
)

MARKUP = "[bold]x[/] [@click=app.quit]y[/]"


async def fill(pilot: Pilot[None], *fields: str) -> None:
    """Type each field's words, Tab between them, as a person would, then Enter to save."""
    for i, words in enumerate(fields):
        if i:
            await pilot.press("tab")
        await pilot.press(*words)
    await pilot.press("enter")
    await settle(pilot)


async def plans_room(pilot: Pilot[None]) -> PlansScreen:
    await pilot.press("6")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PlansScreen)
    return screen


def add_promise(home: Path, title: str, due: str, every: str | None = None) -> Commitment:
    store = Store(home)
    try:
        return plans.add_commitment(store, title, due=due, every=every, today=TODAY)
    finally:
        store.close()


# -- promises ----------------------------------------------------------------------------


async def test_n_on_today_makes_a_weekly_promise_that_today_and_upcoming_show(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "command line" not in screen_text(app)
        await opened(pilot, ["n"], PromiseDialog)
        await fill(pilot, "Walk after dinner", "tomorrow", "weekly")
        assert isinstance(app.screen, TodayScreen)
        assert "Walk after dinner  tomorrow · weekly" in screen_text(app)
    [promise] = stored(welcomed, Commitment)
    assert (promise.title, promise.due, promise.every) == (
        "Walk after dinner",
        "2026-11-26",
        "weekly",
    )
    assert f"2026-11-26  {promise.short_id}  Walk after dinner  (coming)" in run("upcoming").output


async def test_a_bad_date_a_bad_repeat_or_no_words_are_said_in_the_dialog_and_save_nothing(
    make: Make, welcomed: Path
) -> None:
    cli_words = run("commit", "Walk", "--due", "tomorrow", "--every", "now and then").output
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await opened(pilot, ["ctrl+p", *"New promise", "enter"], PromiseDialog)
        await fill(pilot, "Walk", "someday")
        assert app.screen is dialog
        assert 'Couldn\'t read "someday" as a date' in screen_text(app)
        # Still in the date, where Enter was pressed.
        await pilot.press("ctrl+u", *"tomorrow", "tab", *"now and then", "enter")
        await settle(pilot)
        assert app.screen is dialog
        said = str(dialog.query_one("#form-problem").render())
        assert said.startswith("'now and then' isn't a repeat Hearthside understands")
        assert said in cli_words  # the command line's own words
        await pilot.press("shift+tab", "shift+tab", "ctrl+u", "enter")
        await settle(pilot)
        assert "title" in str(dialog.query_one("#form-problem").render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert stored(welcomed, Commitment) == []


async def test_a_promise_is_changed_rescheduled_marked_undone_and_deleted_in_plans(
    make: Make, welcomed: Path
) -> None:
    add_promise(welcomed, "Fix the gate", "2026-11-24")
    # Rows in the other lists too: the keys still act on the promise, the list in use.
    store = Store(welcomed)
    plans.add_milestone(store, Content(), "Our anniversary", day="2015-12-03", kind="anniversary")
    add_pause(store, "2026-12-10", "2026-12-12", today=TODAY)
    store.close()
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await plans_room(pilot)
        assert "Fix the gate  waiting since Tue 24 Nov" in screen_text(app)
        # e changes the words; the date field is left as it was.
        await opened(pilot, ["e"], PromiseDialog)
        await pilot.press("end", *" latch", "enter")
        await settle(pilot)
        # r starts in the date: a new day for the promise.
        await opened(pilot, ["r"], PromiseDialog)
        assert app.screen.focused is not None and app.screen.focused.id == "promise-due"
        await pilot.press("ctrl+u", *"saturday", "enter")
        await settle(pilot)
        assert "Fix the gate latch  due Saturday" in screen_text(app)
        await pilot.press("d")
        await settle(pilot)
        assert "Fix the gate latch  ✓ done · Sat 28 Nov" in screen_text(app)
        [promise] = stored(welcomed, Commitment)
        assert (promise.status, promise.done_dates) == ("done", ["2026-11-28"])
        await pilot.press("u")
        await settle(pilot)
        assert "Fix the gate latch  due Saturday" in screen_text(app)
        await pilot.press("m")
        await settle(pilot)
        assert "didn't happen" in screen_text(app)
        await pilot.press("u", "x")
        await settle(pilot)
        assert "Fix the gate" not in screen_text(app)
        assert stored(welcomed, Commitment) == []
        assert "Commitments" not in run("upcoming").output
        await pilot.press("u")
        await settle(pilot)
        assert "Fix the gate latch  due Saturday" in screen_text(app)
    [promise] = stored(welcomed, Commitment)
    assert (promise.title, promise.due, promise.status) == (
        "Fix the gate latch",
        "2026-11-28",
        "open",
    )
    assert (promise.done_dates, promise.missed_dates) == ([], [])
    assert "Fix the gate latch  (coming)" in run("upcoming").output
    assert any("Press u to undo" in n for n in notices)


async def test_a_promise_title_is_never_read_as_markup(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await opened(pilot, ["n"], PromiseDialog)
        await fill(pilot, MARKUP, "today")
        assert MARKUP in screen_text(app)
        await plans_room(pilot)
        assert MARKUP in screen_text(app)
    assert [c.title for c in stored(welcomed, Commitment)] == [MARKUP]


# -- milestones --------------------------------------------------------------------------


async def test_a_milestone_is_made_from_the_palette_changed_and_deleted(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await opened(pilot, ["ctrl+p", *"New milestone", "enter"], MilestoneDialog)
        await fill(pilot, "Sam's big talk", "2026-12-03")
        [made] = stored(welcomed, Milestone)
        assert (made.title, made.date, made.kind, made.yearly) == (
            "Sam's big talk",
            "2026-12-03",
            "event",
            False,
        )
        assert "Sam's big talk" in run("upcoming").output
        room = await plans_room(pilot)
        await pilot.press("tab")  # from the promises to the milestones
        assert room.focused is room.query_one("#plans-milestones", OptionList)
        assert "Sam's big talk  A day that matters · 3 December 2026" in screen_text(app)
        # A new kind brings its usual repeat: an anniversary is every year.
        await opened(pilot, ["e"], MilestoneDialog)
        await pilot.press("ctrl+u", *"Our anniversary", "tab", "ctrl+u", *"2015-06-20", "tab")
        await pilot.press("enter", "up", "up", "enter")  # the kind list: Anniversary, at the top
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlansScreen)
        [changed] = stored(welcomed, Milestone)
        assert (changed.title, changed.date, changed.kind, changed.yearly) == (
            "Our anniversary",
            "2015-06-20",
            "anniversary",
            True,
        )
        assert "every year" in screen_text(app)
        await pilot.press("x")
        await settle(pilot)
        assert stored(welcomed, Milestone) == []
        assert "No milestones yet" in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
    assert [m.title for m in stored(welcomed, Milestone)] == ["Our anniversary"]


# -- days away ---------------------------------------------------------------------------


async def test_days_away_are_set_listed_and_deleted_from_the_palette(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Days away", "enter")
        await settle(pilot)
        room = app.screen
        assert isinstance(room, PlansScreen)
        assert room.focused is room.query_one("#plans-away", OptionList)
        await opened(pilot, ["n"], DaysAwayDialog)
        await fill(pilot, "2026-12-10", "2026-12-03")  # the wrong way round
        assert "before it starts" in screen_text(app)
        await pilot.press("shift+tab", "ctrl+u", *"2026-12-01", "tab", "ctrl+u", *"2026-12-03")
        await pilot.press("tab", *"Work trip", "enter")
        await settle(pilot)
        assert "Work trip  1–3 December 2026 · 3 days" in screen_text(app)
        assert "2026-12-01 to 2026-12-03" in run("pauses").output
        await pilot.press("x")
        await settle(pilot)
        assert stored(welcomed, Pause) == []
        assert "No paused days yet" in run("pauses").output
        await pilot.press("u")
        await settle(pilot)
        assert "Work trip" in screen_text(app)
    [pause] = stored(welcomed, Pause)
    assert (pause.start, pause.end, pause.reason) == ("2026-12-01", "2026-12-03", "Work trip")


# -- Today shows what's coming -------------------------------------------------------------


async def test_today_lists_the_coming_week_as_upcoming_does(make: Make, welcomed: Path) -> None:
    overdue = add_promise(welcomed, "Call the plumber", "2026-11-23")
    today = add_promise(welcomed, "Book the table", "today")
    tomorrow = add_promise(welcomed, "Pick up the cake", "tomorrow")
    friday = add_promise(welcomed, "Date night", "2026-11-27", every="FREQ=WEEKLY;BYDAY=FR")
    far = add_promise(welcomed, "Plan the trip", (TODAY + timedelta(days=10)).isoformat())
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#today-commitments-list", OptionList)
        shown = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        text = screen_text(app)
    assert shown == [overdue.id, today.id, tomorrow.id, friday.id]
    assert far.id not in shown
    assert "Pick up the cake  tomorrow" in text
    assert "Date night  Friday · repeats" in text
    listed = [
        line.split()[1]
        for line in run("upcoming", "--days", str(plans.WEEK_AHEAD_DAYS)).output.splitlines()
        if line.startswith("  2026-")
    ]
    assert listed == [c.short_id for c in (overdue, today, tomorrow, friday)]


# -- a fresh terminal ----------------------------------------------------------------------


async def test_every_plan_dialog_fits_80x24_and_shows_its_buttons(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await settle(pilot)
        for name, kind in (
            ("New promise", PromiseDialog),
            ("New milestone", MilestoneDialog),
        ):
            await opened(pilot, ["ctrl+p", *name, "enter"], kind)
            assert buttons_on_screen(app) == ["Save", "Cancel"]
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("ctrl+p", *"Days away", "enter")
        await settle(pilot)
        await opened(pilot, ["n"], DaysAwayDialog)
        assert buttons_on_screen(app) == ["Save", "Cancel"]
        assert len(app.screen.query(Button)) == 2


async def test_the_palette_finds_plans_by_the_words_people_use(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await settle(pilot)
        for words, kind in (("commit", PromiseDialog), ("milestone", MilestoneDialog)):
            await opened(pilot, ["ctrl+p", *words, "enter"], kind)
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("ctrl+p", *"pause", "enter")
        await settle(pilot)
        await opened(pilot, ["n"], DaysAwayDialog)
