"""`hearthside practice`, `log`, `stats` and `settings --six-hours`: a person's own
practices from the command line, kept where the app keeps them and counted the same."""

from __future__ import annotations

from pathlib import Path

from hearthside.domain.records import OwnPractice, PracticeLog
from hearthside.services.exchange.exporting.exporter import export
from hearthside.services.exchange.exporting.selection import Selection
from hearthside.services.exchange.importing.checks import ImportRefused
from hearthside.services.exchange.importing.importer import import_file
from hearthside.store.store import Store
from tests.conftest import Clock, disk_state, run, stored, stored_settings
from tests.trust.hostile import DAY, export_file, stamped


def test_add_log_and_see_it_in_stats_like_the_others(private_home: Path, clock: Clock) -> None:
    added = run(
        "practice", "add", "Evening walk", "-t", "3 per week", "--minutes", "--alias", "walk"
    )
    assert added.exit_code == 0, added.output
    assert "Added Evening walk, 3 per week, with minutes (walk)." in added.output
    assert "hearthside log evening-walk" in added.output
    logged = run("log", "walk", "-m", "35")
    assert logged.exit_code == 0 and "Logged evening walk for 2026-11-25, 35 min." in logged.output
    stats = run("stats").output
    assert "Evening walk" in stats and "1/3 times" in stats and "3 per week" in stats
    listed = run("practice", "list").output
    assert "evening-walk" in listed and "From Hearthside: Affection (daily)" in listed
    (own,) = stored(private_home, OwnPractice)
    assert (own.key, own.minutes, own.aliases) == ("evening-walk", True, ["walk"])


def test_edit_changes_words_not_the_key_so_old_logs_still_count(private_home: Path) -> None:
    run("practice", "add", "Walk", "-t", "weekly")
    run("log", "walk")
    changed = run("practice", "edit", "walk", "--name", "Wander together", "-t", "2 per week")
    assert changed.exit_code == 0 and "Changed: Wander together, 2 per week." in changed.output
    assert "Wander together" in run("stats").output and "1/2 times" in run("stats").output
    assert [log.practice for log in stored(private_home, PracticeLog)] == ["walk"]


def test_archive_puts_it_away_and_undo_brings_it_back(private_home: Path, clock: Clock) -> None:
    run("practice", "add", "Walk", "-t", "weekly")
    run("log", "walk")
    away = run("practice", "archive", "walk")
    assert away.exit_code == 0 and "Its logs stay" in away.output
    assert "Walk" not in run("stats").output
    refused = run("log", "walk")
    assert refused.exit_code == 2 and "hearthside practice archive walk --undo" in refused.output
    assert "put away 2026-11-25" in run("practice", "list", "--all").output
    assert "Walk" not in run("practice", "list").output.split("From Hearthside")[0]
    assert "back on your dashboard" in run("practice", "archive", "walk", "--undo").output
    assert len(stored(private_home, PracticeLog)) == 1


def test_bad_input_says_what_to_do_and_writes_nothing(private_home: Path) -> None:
    run("practice", "add", "Walk", "-t", "weekly")
    before = disk_state(private_home)
    for args, words in [
        (("practice", "add", "Hug", "-t", "daily"), "already names Affection"),
        (("practice", "add", "Read", "-t", "often"), "N per day / week / fortnight / month"),
        (("practice", "add", "Read"), "Missing option '--target'"),
        (("practice", "edit", "walk"), "Say what to change"),
        (("practice", "edit", "nothing-like-it", "--name", "X"), "There is no practice called"),
        (("practice", "archive", "affection"), "There is no practice called"),
    ]:
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert words in result.output and "Traceback" not in result.output
    assert disk_state(private_home) == before


def test_without_any_of_ones_own_list_and_edit_say_how_to_begin(private_home: Path) -> None:
    assert "None of your own yet" in run("practice", "list").output
    result = run("practice", "edit", "walk", "--name", "X")
    assert result.exit_code == 2 and "hearthside practice add" in result.output


def test_the_six_hours_switched_on_add_two_practices_and_a_line_to_stats(
    private_home: Path,
) -> None:
    assert "Six hours" not in run("stats").output
    assert "six hours: tracked" in run("settings", "--six-hours").output
    assert stored_settings(private_home).six_hours
    run("log", "goodbye")
    run("log", "date", "-m", "120")
    stats = run("stats").output
    assert "Partings" in stats and "Reunions" in stats
    assert "Six hours: 2 h 02 of 6 h. Thinnest so far: reunions (0 of 100 min)." in stats
    assert "A date 120 of 120 min" in stats
    assert "six hours: not tracked" in run("settings", "--no-six-hours").output
    assert "Six hours" not in run("stats").output


def test_own_practices_and_their_logs_move_house_in_an_export(
    private_home: Path, tmp_path: Path
) -> None:
    run("practice", "add", "Walk", "-t", "weekly", "--minutes")
    run("log", "walk", "-m", "20")
    store = Store(private_home)
    moved = export(store, None, "json", Selection(include_private=True)).path
    store.close()
    new_home = Store(tmp_path / "elsewhere")
    report = import_file(new_home, moved)
    assert report.counts["own_practices"] == 1 and "1 own practice" in report.summary()
    assert [p.key for p in new_home.all(OwnPractice)] == ["walk"]
    assert [(log.practice, log.minutes) for log in new_home.all(PracticeLog)] == [("walk", 20)]
    # Imported again, or into a journal with a practice of that name: nothing doubles.
    assert import_file(new_home, moved).counts.get("own_practices", 0) == 0


def test_an_import_whose_logs_name_an_unknown_practice_is_refused(
    store: Store, tmp_path: Path
) -> None:
    records = {"practice_logs": [stamped(practice="juggling", date=DAY)]}
    try:
        import_file(store, export_file(tmp_path / "in.json", records))
    except ImportRefused as refused:
        assert "its 'practice' isn't one of" in str(refused)
    else:
        raise AssertionError("an unknown practice was let in")
    assert store.all(PracticeLog) == []


def test_a_hostile_own_practice_is_refused_whole(store: Store, tmp_path: Path) -> None:
    for bad in (
        {"key": "Not A Key!", "name": "Walk", "target": "weekly"},
        {"key": "walk", "name": "Walk\x1b]0;PWNED\x07", "target": "weekly"},
        {"key": "walk", "name": "Walk", "target": "whenever"},
        {"key": "walk", "name": "Walk", "target": "weekly", "aliases": ["a b"]},
        {"key": "walk", "name": "Walk", "target": "weekly", "archived": "someday"},
    ):
        path = export_file(tmp_path / "in.json", {"own_practices": [stamped(**bad)]})
        try:
            import_file(store, path)
        except ImportRefused as refused:
            assert "own practice 1 in 'records.own_practices'" in str(refused), bad
        else:
            raise AssertionError(f"let in: {bad}")
    assert store.all(OwnPractice) == []
