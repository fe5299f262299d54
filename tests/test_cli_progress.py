"""``pause``, ``pauses`` and ``stats`` on the command line, run as a person would."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from hearthside.domain import periods
from hearthside.domain.records import Checkin, Pause
from hearthside.paths import database_path
from hearthside.services.stats import dashboard_view, load_index
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import run, stored


def days_ago(n: int) -> str:
    return (date.today() - timedelta(days=n)).isoformat()


def line_for(output: str, name: str) -> str:
    return next(line for line in output.splitlines() if f" {name} " in line)


def test_a_trip_is_paused_and_listed(private_home: Path) -> None:
    paused = run("pause", "2 days ago", "yesterday", "--reason", "visiting my sister")
    assert paused.exit_code == 0
    assert f"Paused {days_ago(2)} to {days_ago(1)}, 2 days (visiting my sister)" in paused.output
    assert "waiting when you're back" in paused.output
    listed = run("pauses").output.splitlines()
    assert [(p.start, p.end, p.reason) for p in stored(private_home, Pause)] == [
        (days_ago(2), days_ago(1), "visiting my sister")
    ]
    (trip,) = stored(private_home, Pause)
    assert listed == [
        f"{days_ago(2)} to {days_ago(1)}  {trip.short_id}    2 days  visiting my sister"
    ]


def test_with_no_pauses_the_list_says_how_to_add_one(private_home: Path) -> None:
    assert "hearthside pause FROM TO" in run("pauses").output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pause", "2026-11-08", "2026-11-02"], "before it starts on 2026-11-08"),
        (["pause", "2026-01-01", "2027-03-01"], "longer than a year"),
        (["pause", "someday", "2026-11-02"], 'Couldn\'t read "someday" as a date'),
        (["pause", "2026-11-02"], "Missing argument 'TO'"),
    ],
)
def test_a_bad_pause_says_what_to_fix_exits_2_and_writes_nothing(
    private_home: Path, args: list[str], message: str
) -> None:
    run("log", "hug")
    before = database_path(private_home).read_bytes()
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert database_path(private_home).read_bytes() == before


def test_stats_prints_the_same_numbers_as_the_dashboard(private_home: Path) -> None:
    for n in (3, 2, 1, 0):
        run("log", "hug", "--date", days_ago(n))
    run("log", "date", "--minutes", "45")
    run("log", "talk")
    run("moment", "+", "laughed at dinner")
    run("moment", "-", "snapped about the dishes")
    run("add", "A slow evening together", "--closeness", "4")
    run("add", "Tired and short with each other", "--closeness", "3")
    note_id = run("note", "gratitude", "Thank you for the tea this morning").output.split()[2]
    run("note", "deliver", note_id, "--how", "aloud")

    out = run("stats").output
    content, store = Content(), Store(private_home)
    today = date.today()
    view = dashboard_view(load_index(store, content), content, today, today=today, week_start=0)
    assert out.startswith(f"Week of {view.start.isoformat()} to {view.end.isoformat()}")
    for p in view.practices:
        line = line_for(out, p.practice.name)
        assert p.label in line and f"strength {p.strength:>3}" in line
        assert p.streak_label in line
    assert "4 days in a row" in line_for(out, "Affection")
    kind_words = next(p for p in view.practices if p.practice.id == "compliments")
    assert kind_words.done == 1, "the delivered thank-you counts as kind words"
    assert "Time together: 45 min (floor 60, aim 120): 15 min to the floor" in out
    assert "Good to hard moments, everyday: 1 to 1 (1.0:1; aim 20:1)" in out
    assert view.closeness[-1] == 3.5 and "Closeness in your entries: 3.5 of 5" in out
    assert "Check-in" not in out, "no check-in this week, so no line about one"
    store.add(Checkin(date=days_ago(0), ratings={"thin-talk": 1, "feeling-distant": 3}))
    assert "Check-in: signs of drift at 2.0 of 4 (lower is calmer)" in run("stats").output


def test_stats_points_kindly_to_repair_when_hard_moments_outweigh_the_good(
    private_home: Path,
) -> None:
    # During a disagreement, where the aim is five good moments to each hard one.
    run("moment", "+", "--conflict")
    run("moment", "-", "--conflict", "a sharp word")
    out = run("stats").output
    assert "a few more kind moments would help" in out
    assert "A sincere apology" in out
    assert "8. Apologize soon and sincerely  (hearthside guide 8)" in out
    assert "2. Keep the good moments coming  (hearthside guide 2)" in out
    for _ in range(4):
        run("moment", "+", "--conflict")
    balanced = run("stats").output
    assert "on track" in balanced and "hearthside guide 8" not in balanced


def test_paused_days_show_in_stats_and_keep_the_streak(private_home: Path) -> None:
    run("log", "hug", "--date", days_ago(3))
    run("pause", days_ago(2), days_ago(1), "--reason", "flu")
    run("log", "hug")
    assert "2 days in a row" in line_for(run("stats").output, "Affection")
    that_week = run("stats", "--week", days_ago(2)).output
    assert "Paused this week:" in that_week and "streaks and strength wait for you" in that_week


def test_stats_can_show_last_week(private_home: Path) -> None:
    start, end = periods.period_bounds(date.today() - timedelta(weeks=1), "week")
    out = run("stats", "--week", "last week").output
    assert out.startswith(f"Week of {start.isoformat()} to {end.isoformat()}")
