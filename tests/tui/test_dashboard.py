"""Stories of the Dashboard room, told through the keyboard, checked on screen and on disk."""

from __future__ import annotations

import random
import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from hearthside.domain.records import (
    Bid,
    BidResponse,
    BidWhose,
    Checkin,
    Commitment,
    Entry,
    Moment,
    Pause,
    PracticeLog,
)
from hearthside.domain.settings import Settings
from hearthside.domain.targets import Target
from hearthside.paths import package_resource
from hearthside.services.practices import describe, log_practice
from hearthside.store.store import Store
from hearthside.texts.items import Practice
from hearthside.texts.library import Content
from hearthside.tui.app import HearthsideApp
from hearthside.tui.dialogs.minutes import MinutesDialog
from hearthside.tui.dialogs.week_log import WeekLogDialog
from hearthside.tui.presenters.practice_keys import practice_keys
from hearthside.tui.rooms.dashboard import DashboardScreen
from hearthside.tui.widgets.gauge import Gauge
from hearthside.tui.widgets.heatmap import DONE, NOT_DONE, Heatmap, PracticeRow
from tests.conftest import TODAY, run, stored
from tests.tui.conftest import SIZE, Make, SnapCompare, counted, record_notices, screen_text, settle

AFFECTION = 0  # rows follow content's order: affection, kind words, time together, ...
TIME_TOGETHER = 2


# -- helpers -------------------------------------------------------------------------


def dashboard(app: HearthsideApp) -> DashboardScreen:
    screen = app.screen
    assert isinstance(screen, DashboardScreen)
    return screen


def row(app: HearthsideApp, n: int) -> str:
    return list(dashboard(app).query(PracticeRow))[n].text()


def today_cell(app: HearthsideApp, n: int) -> str:
    heat = list(dashboard(app).query(PracticeRow))[n].query_one(Heatmap)
    return heat.text().replace(" ", "")[[c.day for c in heat.shown()].index(TODAY)]


def populate(home: Path) -> None:
    """Twelve weeks of a fairly steady couple, the same every run."""
    rng = random.Random(7)
    store = Store(home)
    store.save_settings(Settings(spouse_name="Sam", welcomed=True))
    logs: list[PracticeLog] = []
    for back in range(84):
        day = TODAY - timedelta(days=back)
        iso = day.isoformat()
        if rng.random() < 0.7:
            for _ in range(1 + (rng.random() < 0.4)):
                logs.append(PracticeLog(practice="affection", date=iso))
        if rng.random() < 0.5:
            logs.append(PracticeLog(practice="compliments", date=iso))
        if day.weekday() == 5 and rng.random() < 0.8:
            minutes = rng.choice([45, 70, 90, 130])
            logs.append(PracticeLog(practice="quality-time", date=iso, minutes=minutes))
        if day.weekday() == 2 and rng.random() < 0.6:
            logs.append(PracticeLog(practice="conversation", date=iso))
        if back in (10, 40, 70):
            logs.append(PracticeLog(practice="surprise", date=iso))
    store.add_many(logs)
    store.add_many(
        # Two days ago's came during a disagreement.
        Moment(date=(TODAY - timedelta(days=back)).isoformat(), positive=good, conflict=back == 2)
        for back, good in [(0, True), (1, True), (1, False), (2, True), (2, False), (8, True)]
    )
    store.add_many(
        Bid(
            date=(TODAY - timedelta(days=back)).isoformat(),
            whose=BidWhose(whose),
            response=BidResponse(met),
        )
        for back, whose, met in [
            (0, "theirs", "toward"),
            (1, "theirs", "toward"),
            (1, "theirs", "away"),
            (1, "mine", "toward"),
            (2, "theirs", "toward"),
            (9, "theirs", "against"),
        ]
    )
    store.add_many(
        Entry(body="x", date=(TODAY - timedelta(days=back)).isoformat(), closeness=c)
        for back, c in zip(range(0, 84, 6), [4, 3, 5, 4, 4, 3, 5, 4, 4, 5, 3, 4, 4, 5], strict=True)
    )
    store.add_many(
        Checkin(date=(TODAY - timedelta(weeks=w)).isoformat(), ratings={"a": r})
        for w, r in [(0, 1), (2, 2), (4, 3)]
    )
    store.add(Pause(start="2026-10-26", end="2026-10-30", reason="trip"))
    weeks_kept = (1, 2, 3, 5, 6, 7)
    store.add(
        Commitment(
            title="Date night",
            due=(TODAY - timedelta(weeks=8)).isoformat(),
            every="weekly",
            done_dates=[(TODAY - timedelta(weeks=w)).isoformat() for w in weeks_kept],
        )
    )
    store.close()


@pytest.fixture
def populated(private_home: Path) -> Path:
    populate(private_home)
    return private_home


# -- stories ----------------------------------------------------------------------------


async def test_a_log_from_the_dashboard_changes_the_count_and_the_cell(
    make: Make, welcomed: Path
) -> None:
    app = make(room="dashboard")
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        assert "This week · 23–29 November 2026" in screen_text(app)
        assert "0/3 days" in row(app, AFFECTION)
        assert today_cell(app, AFFECTION) == NOT_DONE
        await pilot.press("h")  # hug: the first letter of affection's first alias
        await counted(pilot)
        assert "1/3 days" in row(app, AFFECTION)
        assert today_cell(app, AFFECTION) == DONE
        await pilot.press("h")
        await counted(pilot)
        assert "1/3 days" in row(app, AFFECTION)  # days done, however many hugs
    assert "Logged: Logged affection for today. u takes it back; L lists the week's." in notices
    logs = stored(welcomed, PracticeLog)
    assert [(log.practice, log.date) for log in logs] == [("affection", TODAY.isoformat())] * 2


async def test_time_together_asks_for_minutes_and_fills_the_gauge(
    make: Make, welcomed: Path
) -> None:
    app = make(room="dashboard")
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        assert "0 min this week" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, MinutesDialog)
        await pilot.press(*"75", "enter")
        await counted(pilot)
        text = screen_text(app)
        assert "75 min this week" in text and "floor reached" in text
        assert app.screen.query_one(Gauge).value == 75
        assert "done" in row(app, TIME_TOGETHER)

        # Escape leaves without logging; too many minutes are refused by the service.
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one(Input).value = "5000"
        await pilot.press("enter")
        await counted(pilot)
        assert "75 min this week" in screen_text(app)
    assert any(n.startswith("Logged: Logged time together for today, 75 min.") for n in notices)
    assert any(n.startswith("Not saved: Minutes must be between 1 and 1440") for n in notices)
    logs = stored(welcomed, PracticeLog)
    assert [(log.practice, log.minutes) for log in logs] == [("quality-time", 75)]


async def test_only_the_practice_whose_minutes_are_counted_asks_for_them(
    make: Make, tmp_path: Path, welcomed: Path
) -> None:
    # A person's own content gives a second practice minutes too; the figures count
    # the first one's only, so only the first asks for minutes and shows them.
    content_dir = tmp_path / "content"
    shutil.copytree(package_resource("content"), content_dir)
    practices = content_dir / "practices.md"
    text = practices.read_text(encoding="utf-8")
    talks = "    target: weekly\n    aliases: [talk"
    assert talks in text
    text = text.replace(talks, "    target: weekly\n    minutes_floor: 30\n    aliases: [talk")
    practices.write_text(text, encoding="utf-8")
    app = make(content_dir=content_dir, room="dashboard")
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        await pilot.press("t")
        await counted(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "done" in row(app, TIME_TOGETHER + 1)
    logs = stored(welcomed, PracticeLog)
    assert [(log.practice, log.minutes) for log in logs] == [("conversation", None)]


async def test_good_and_hard_moments_change_the_ratio(make: Make, welcomed: Path) -> None:
    app = make(room="dashboard")
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        assert "nothing noted yet" in screen_text(app)
        await pilot.press("+")
        await counted(pilot)
        # Moments noted with + and - are everyday ones, set beside about twenty to one.
        assert "1 good to 0 hard · 1:0, aim 20:1" in screen_text(app)
        assert not dashboard(app).query_one("#dash-repair").display
        await pilot.press("-")
        await counted(pilot)
        text = screen_text(app)
        assert "1 good to 1 hard · 1.0:1, aim 20:1" in text
        assert "0 good to 0 hard · aim 5:1" in text  # nothing during a disagreement
        # The gentle pointer, with the strategies it names from content.
        assert "A sincere apology" in " ".join(text.split())
        assert "8. Apologize soon and sincerely" in text
    assert [m.positive for m in stored(welcomed, Moment)] == [True, False]


async def test_move_back_a_week_and_return(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    for day in ("2026-11-16", "2026-11-17", "2026-11-20"):
        log_practice(store, Content(), "hug", day=day, today=TODAY)
    store.close()
    app = make(room="dashboard")
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        assert "0/3 days" in row(app, AFFECTION)
        await pilot.press("left")
        assert "Last week · 16–22 November 2026" in screen_text(app)
        assert "3/7 days" in row(app, AFFECTION)
        await pilot.press("left")
        assert "2 weeks ago · 9–15 November 2026" in screen_text(app)
        await pilot.press("right")
        assert "Last week" in screen_text(app)
        await pilot.press("right")
        assert "This week · 23–29 November 2026" in screen_text(app)
        await pilot.press("right")  # nothing lies ahead: the view stays on this week
        assert "This week · 23–29 November 2026" in screen_text(app)
        assert dashboard(app).log_day() == TODAY  # so no log from here can be dated ahead
        await pilot.press("left", "left", "left", "home")
        assert "This week" in screen_text(app) and "0/3 days" in row(app, AFFECTION)


async def test_logging_while_looking_back_goes_to_that_weeks_last_day(
    make: Make, welcomed: Path
) -> None:
    app = make(room="dashboard")
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        await pilot.press("left")
        assert "logging for Sun 22 Nov" in screen_text(app)
        await pilot.press("h", "+")
        await counted(pilot)
        assert "Last week" in screen_text(app)  # the view stays where it was
        assert "1/7 days" in row(app, AFFECTION)
        assert "1 good to 0 hard" in screen_text(app)
        await pilot.press("home")
        assert "logging for today" in screen_text(app)
        assert "0/3 days" in row(app, AFFECTION)
    assert any(n.startswith("Logged: Logged affection for Sunday 22 November.") for n in notices)
    assert [log.date for log in stored(welcomed, PracticeLog)] == ["2026-11-22"]
    assert [m.date for m in stored(welcomed, Moment)] == ["2026-11-22"]


async def test_a_log_made_elsewhere_shows_when_the_room_is_next_shown(
    make: Make, welcomed: Path
) -> None:
    app = make(room="dashboard")
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        await pilot.press("5")  # the Guide; the dashboard waits to count until it is back
        store, content = app.store, app.content
        app.write(lambda: log_practice(store, content, "compliment", today=TODAY))
        await counted(pilot)
        await pilot.press("4")
        await counted(pilot)
        assert "1/3 days" in row(app, 1)


async def test_the_palette_logs_a_practice_by_name(make: Make, welcomed: Path) -> None:
    app = make(room="dashboard")
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        await pilot.press("ctrl+p", *"Log a practice", "enter")
        await pilot.pause()
        await pilot.press(*"Real conversation", "enter")
        await counted(pilot)
        assert "done" in row(app, 3)
        await pilot.press("question_mark")
        await pilot.pause()
        keys = screen_text(app)
        assert "Keys in the Dashboard" in keys
        assert "Practice letters, the same in every room" in keys and "Real conversation" in keys
        await pilot.press("escape")
    assert [log.practice for log in stored(welcomed, PracticeLog)] == ["conversation"]


CLI_PRACTICE = re.compile(
    r"^\s+[✓·] (?P<name>.+?)\s{2,}(?P<label>.+?)\s+target: .+?"
    r"strength\s+(?P<strength>\d+)\s*(?P<streak>.*)$"
)


def screen_practice(line: str) -> tuple[str, str, str, str]:
    """(name, label, strength, streak) from a dashboard row."""
    cols = [c.strip() for c in re.split(r"\s{2,}", line.strip())]
    # key, "Name · target", label, [status], [streak], meter, strength
    _key, named, label, *middle, _meter, strength = cols
    streak = next((c for c in middle if "in a row" in c), "")
    return named.rsplit(" · ", 1)[0], label, strength, streak


async def test_the_numbers_match_hearthside_stats(make: Make, populated: Path) -> None:
    app = make(room="dashboard")
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        shown = [screen_practice(row(app, n)) for n in range(len(app.content.practices))]
        text = screen_text(app)
    out = run("stats").output  # on the app's day: both read the clock
    printed = [m.groups() for line in out.splitlines() if (m := CLI_PRACTICE.match(line))]
    assert [(n, lab, s, st) for n, lab, s, st in printed] == shown
    assert len(shown) == 5 and any(streak for *_, streak in shown)

    minutes = re.search(r"Time together: (\d+) min \(floor 60, aim 120\): (.+)", out)
    assert minutes and f"{minutes[1]} min this week  {minutes[2]}" in text
    for which, aim in (("everyday", 20), ("in a disagreement", 5)):
        found = rf"Good to hard moments, {which}: (\d+) to (\d+) \(([\d.:]+); aim {aim}:1\)"
        ratio = re.search(found, out)
        assert ratio and f"{ratio[1]} good to {ratio[2]} hard · {ratio[3]}, aim {aim}:1" in text
    bids = re.search(r"You turned toward (\d+) of their (\d+) bids? this week", out)
    assert bids and bids[0] in text
    closeness = re.search(r"Closeness in your entries: ([\d.]+) of 5", out)
    assert closeness and f"{closeness[1]} of 5 this week" in text
    drift = re.search(r"signs of drift at ([\d.]+) of 4", out)
    assert drift and f"{drift[1]} of 4 this week" in text
    assert "Promises kept   6 of 7" in text


async def test_practice_names_and_hints_from_content_are_never_markup(
    make: Make, tmp_path: Path, welcomed: Path
) -> None:
    content_dir = tmp_path / "content"
    shutil.copytree(package_resource("content"), content_dir)
    practices = content_dir / "practices.md"
    text = practices.read_text(encoding="utf-8")
    text = text.replace("name: Affection", "name: 'Hugs [bold]x[/]'")
    text = text.replace("Hard moments happen", "Hard [/] moments [red]happen")
    practices.write_text(text, encoding="utf-8")
    app = make(content_dir=content_dir, room="dashboard")
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        await pilot.press("-")
        await counted(pilot)
        assert "Hugs [bold]x[/] · daily" in row(app, AFFECTION)
        assert "Hard [/] moments [red]happen" in screen_text(app)


def test_practice_keys_come_from_aliases_and_never_repeat() -> None:
    def practice(pid: str, *aliases: str) -> Practice:
        return Practice(pid, pid.title(), "", Target("day"), aliases)

    keys = practice_keys(
        [
            practice("affection", "hug", "kiss"),
            practice("hugs", "hold"),
            practice("talk", "talk", "chat", "listen"),
            practice("x", "!!"),
        ]
    )
    assert keys == {"affection": "h", "hugs": "o", "talk": "t", "x": "x"}


# -- how it looks -----------------------------------------------------------------------


def test_populated_dashboard(snap_compare: SnapCompare, make: Make, populated: Path) -> None:
    app = make(room="dashboard")

    async def ready(pilot: Pilot[None]) -> None:
        await counted(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


async def test_an_earlier_week_is_described_as_that_week(make: Make, welcomed: Path) -> None:
    """Looking back at 16–22 Nov: figures and words are that week's, not this one's."""
    store = Store(welcomed)
    content = Content()
    log_practice(store, content, "date", minutes=90, day="2026-11-24", today=TODAY)
    log_practice(store, content, "surprise", day="2026-11-24", today=TODAY)
    store.close()
    app = make(room="dashboard")
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        assert "90 min this week" in screen_text(app)
        await pilot.press("left")
        await counted(pilot)
        text = screen_text(app)
        assert "0 min that week" in text and "this week" not in text
        assert "nothing noted that week" in text
        time_row = " ".join(row(app, TIME_TOGETHER).split())
        assert "not this time next time" not in time_row
        assert "not done" in time_row
        # The surprise came on 24 Nov, after the week in view: not met by 22 Nov.
        surprise = " ".join(row(app, 4).split())
        assert "✓" not in surprise and "not yet" in surprise, surprise
        await pilot.press("home")
        surprise = " ".join(row(app, 4).split())
        assert "✓ in November" in surprise, surprise
    # `hearthside stats` words that week's verdict as the Dashboard does.
    out = run("stats", "--week", "last week").output
    assert "Good to hard moments, everyday: 0 to 0 (0:0; aim 20:1) nothing noted that week" in out
    assert "in a disagreement: 0 to 0 (0:0; aim 5:1) nothing noted that week" in out


async def test_u_takes_back_the_last_log_or_moment(make: Make, welcomed: Path) -> None:
    app = make(room="dashboard")
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        await pilot.press("c", "c", "-")
        await counted(pilot)
        assert "0 good to 1 hard" in screen_text(app)
        await pilot.press("u")
        await counted(pilot)
        assert "0 good to 0 hard" in screen_text(app)
        await pilot.press("u")
        await counted(pilot)
        assert "1/3 days" in row(app, 1)
    assert any("hard moment" in n and "Took back" in n for n in notices)
    assert any("kind words" in n and "Took back" in n for n in notices)
    assert [log.practice for log in stored(welcomed, PracticeLog)] == ["compliments"]
    assert stored(welcomed, Moment) == []


async def test_the_weeks_logs_and_moments_are_listed_and_can_be_deleted(
    make: Make, welcomed: Path
) -> None:
    store = Store(welcomed)
    content = Content()
    log_practice(store, content, "hug", day="2026-11-24", today=TODAY)
    log_practice(store, content, "date", minutes=50, day="2026-11-25", today=TODAY)
    log_practice(store, content, "hug", day="2026-11-16", today=TODAY)  # last week
    store.close()
    app = make(room="dashboard")
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        await pilot.press("+")
        await counted(pilot)
        await pilot.press("L")
        await pilot.pause()
        text = screen_text(app)
        assert "Time together · 50 min" in text
        assert "Affection" in text and "A good moment" in text
        assert "16 Nov" not in text
        dialog = app.screen
        assert isinstance(dialog, WeekLogDialog)
        shown = [describe(app.store, app.content, r) for r in dialog._shown]
        assert len(shown) == 3
        await pilot.press("x")  # the highlighted one: the first
        await settle(pilot)
        assert shown[0] not in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        assert shown[0] in screen_text(app)
        await pilot.press(*["down"] * shown.index("Time together · 50 min"), "x")
        await settle(pilot)
        await pilot.press("escape")
        await counted(pilot)
        assert "0 min this week" in screen_text(app)
    assert [m.positive for m in stored(welcomed, Moment)] == [True]
    assert sorted(log.date for log in stored(welcomed, PracticeLog)) == [
        "2026-11-16",
        "2026-11-24",
    ]
