"""Commitments, milestones and the check-in from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hearthside.domain.records import Checkin, Commitment, CommitmentStatus, Milestone, Pause
from hearthside.paths import database_path
from tests.conftest import Clock, run, stored

# Every command here runs on the clock's TODAY, Wednesday 2026-11-25, unless a test moves it.
pytestmark = pytest.mark.usefixtures("clock")


def test_a_weekly_promise_listed_then_kept(private_home: Path) -> None:
    made = run("commit", "Date night", "--due", "2026-11-27", "--every", "weekly")
    assert made.exit_code == 0, made.output
    assert "due 2026-11-27, repeating weekly" in made.output
    (night,) = stored(private_home, Commitment)

    listing = run("upcoming").output
    assert f"2026-11-27  {night.short_id}  Date night  (coming)" in listing
    kept = run("done", night.short_id)
    assert kept.exit_code == 0 and "done for 2026-11-27" in kept.output
    assert [c.done_dates for c in stored(private_home, Commitment)] == [["2026-11-27"]]


def test_an_overdue_promise_can_be_marked_missed(private_home: Path) -> None:
    run("commit", "Fix the shelf", "--due", "yesterday")
    (shelf,) = stored(private_home, Commitment)
    assert "2026-11-24" in run("upcoming").output and "(overdue)" in run("upcoming").output
    missed = run("missed", shelf.id)
    assert "missed for 2026-11-24" in missed.output
    assert "Nothing due" in run("upcoming").output


def test_milestones_repeat_by_kind_and_the_day_before_brings_a_suggestion(
    private_home: Path,
) -> None:
    saved = run("milestone", "Our anniversary", "--date", "2015-12-01", "--kind", "anniversary")
    assert saved.exit_code == 0 and "on 2015-12-01, every year" in saved.output
    once = run("milestone", "Sam's presentation", "--date", "tomorrow")
    assert "event Sam's presentation" in once.output and "on 2026-11-26." in once.output
    run("milestone", "Mum's 70th", "--date", "2026-12-02", "--kind", "birthday", "--once")
    assert [m.yearly for m in stored(private_home, Milestone)] == [True, False, False]

    out = run("upcoming").output
    ids = {m.title: m.short_id for m in stored(private_home, Milestone)}
    talk, ours, mum = ids["Sam's presentation"], ids["Our anniversary"], ids["Mum's 70th"]
    assert f"2026-11-26  {talk}  Sam's presentation  (tomorrow)" in out
    assert f"2026-12-01  {ours}  Our anniversary  (in 6 days, 11 years)" in out
    assert f"2026-12-02  {mum}  Mum's 70th  (in 7 days)" in out
    assert "Sam's presentation is tomorrow." in out and "encouragement" in out


def test_checkin_shows_last_weeks_ratings_beside(private_home: Path, clock: Clock) -> None:
    with clock.on(date(2026, 11, 18)):
        run("checkin", "--rate", "1=3", "--rate", "thin-talk=2")
    out = run("checkin", "--rate", "frequent=1", "--note", "calmer").output
    assert "Check-in for 2026-11-25, beside 2026-11-18:" in out
    assert "Small things turning into arguments  1   was 3" in out
    assert "Feeling far apart                    -   was -" in out
    assert "Note: calmer" in out
    assert len(stored(private_home, Checkin)) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["commit", "  ", "--due", "today"], "title is empty"),
        (["commit", "x", "--due", "flurb"], 'Couldn\'t read "flurb" as a date'),
        (["commit", "x", "--due", "today", "--every", "sometimes"], "isn't a repeat"),
        (["commit", "x"], "Missing option '--due'"),
        (["done", "deadbeef"], "No commitment has the id"),
        (["milestone", "x", "--date", "today", "--kind", "wedding"], "no milestone kind"),
        (["checkin"], "Rate at least one sign, like --rate 2=3"),
        (["checkin", "--rate", "1=7"], "isn't on that scale"),
        (["checkin", "--rate", "juggling=2"], "isn't one of the signs"),
        (["checkin", "--rate", "1"], "isn't SIGN=N"),
        (["upcoming", "--days", "-1"], "--days"),
    ],
)
def test_bad_input_says_what_is_wrong_exits_2_and_writes_nothing(
    private_home: Path, args: list[str], message: str
) -> None:
    run("add", "a first entry so the file exists")
    before = database_path(private_home).read_bytes()
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert database_path(private_home).read_bytes() == before


def test_checkin_in_a_terminal_asks_each_sign_in_turn(
    private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hearthside.texts.library import Content

    monkeypatch.setattr("hearthside.cli.context.stdin_is_interactive", lambda: True)
    signs = Content().signs
    # A rating, a skip (Enter), a value off the scale then a good one, the rest skipped.
    answers = "\n".join(["3", "", "9", "1", *[""] * (len(signs) - 3), "A calmer week"]) + "\n"
    result = run("checkin", input=answers)
    assert result.exit_code == 0, result.output
    assert signs[0].question in result.output and signs[2].question in result.output
    assert "0 to 4" in result.output
    (saved,) = stored(private_home, Checkin)
    assert saved.ratings == {signs[0].id: 3, signs[2].id: 1}
    assert saved.note == "A calmer week"


def test_checkin_without_a_terminal_names_the_ratings_it_needs(private_home: Path) -> None:
    result = run("checkin")
    assert result.exit_code == 2
    assert "--rate" in result.output and "thin-talk" in result.output
    assert stored(private_home, Checkin) == []


# -- changing, taking back and deleting, as the Plans room does ---------------------------


def test_a_promise_is_changed_marked_taken_back_and_deleted_from_the_command_line(
    private_home: Path,
) -> None:
    run("commit", "Walk after dinner", "--due", "tomorrow")
    (walk,) = stored(private_home, Commitment)
    changed = run("commit", "Walk by the river", "--due", "saturday", "--change", walk.short_id)
    assert changed.exit_code == 0, changed.output
    assert "Changed the promise to Walk by the river" in changed.output
    (walk,) = stored(private_home, Commitment)
    assert (walk.title, walk.due) == ("Walk by the river", "2026-11-28")

    run("done", walk.short_id)
    undone = run("done", walk.short_id, "--undo")
    assert "Took back the mark on Walk by the river for 2026-11-28" in undone.output
    (walk,) = stored(private_home, Commitment)
    assert walk.done_dates == [] and walk.status is CommitmentStatus.OPEN
    again = run("done", walk.short_id, "--undo")
    assert again.exit_code == 2 and "no date marked done" in again.output

    deleted = run("delete", walk.short_id)
    assert deleted.exit_code == 0 and "--undo` brings it back" in deleted.output
    assert "Nothing due" in run("upcoming").output
    assert run("delete", walk.short_id, "--undo").exit_code == 0
    assert walk.short_id in run("upcoming").output


def test_a_milestone_and_days_away_are_changed_and_deleted_by_their_ids(
    private_home: Path,
) -> None:
    run("milestone", "Our anniversary", "--date", "2015-12-01", "--kind", "anniversary")
    (day,) = stored(private_home, Milestone)
    run(
        "milestone",
        "Our wedding day",
        "--date",
        "2015-12-02",
        "--kind",
        "anniversary",
        "--change",
        day.short_id,
    )
    (day,) = stored(private_home, Milestone)
    assert (day.title, day.date, day.yearly) == ("Our wedding day", "2015-12-02", True)

    run("pause", "2026-12-10", "2026-12-12", "--reason", "trip")
    (trip,) = stored(private_home, Pause)
    assert trip.short_id in run("pauses").output
    assert run("delete", trip.short_id).exit_code == 0
    assert "No paused days yet" in run("pauses").output
    assert run("delete", day.short_id).exit_code == 0
    assert "Our wedding day" not in run("upcoming", "--days", "30").output


def test_deleting_an_unknown_id_says_where_ids_are_and_changes_nothing(
    private_home: Path,
) -> None:
    run("commit", "Walk after dinner", "--due", "tomorrow")
    before = stored(private_home, Commitment)
    refused = run("delete", "zzzz9999")
    assert refused.exit_code == 2
    assert "`upcoming`, `pauses` and `lovemap` show the ids" in refused.output
    assert stored(private_home, Commitment) == before
    bad = run("commit", "Walk", "--due", "not a day", "--change", before[0].short_id)
    assert bad.exit_code == 2 and stored(private_home, Commitment) == before
