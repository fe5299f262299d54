"""`hearthside evening` and `hearthside memories`: the evening of 36 questions and the good
memories from the command line, kept in the same records the app keeps them in."""

from __future__ import annotations

from pathlib import Path

from hearthside.domain.records import Evening
from hearthside.services.evening import in_progress, keep_place
from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note, deliver_note
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY, Clock, disk_state, run, stored


def test_before_it_begins_the_evening_says_what_it_is_and_how_to_start(
    private_home: Path,
) -> None:
    result = run("evening")
    assert result.exit_code == 0, result.output
    assert "About 45 minutes · 3 sets of 12" in result.output
    assert "1997 study by Arthur Aron" in result.output
    assert "hearthside evening --next" in result.output
    assert stored(private_home, Evening) == []


def test_next_and_back_move_one_question_and_the_place_is_kept(
    private_home: Path, content: Content, clock: Clock
) -> None:
    evening = content.thirty_six
    result = run("evening", "--next")
    assert result.exit_code == 0, result.output
    assert "Set 1 of 3 · question 1 of 12 · Easing in" in result.output
    assert evening.questions[0] in result.output
    for _ in range(13):
        run("evening", "--next")
    assert "Set 2 of 3 · question 2 of 12" in run("evening").output
    result = run("evening", "--back")
    assert "Set 2 of 3 · question 1 of 12" in result.output
    assert evening.sets[1].questions[0] in result.output
    (kept,) = stored(private_home, Evening)
    assert (kept.at, kept.finished, kept.date) == (12, False, TODAY.isoformat())


def test_the_cli_and_the_app_share_one_place_in_the_evening(
    private_home: Path, content: Content
) -> None:
    for _ in range(5):
        run("evening", "--next")
    store = Store(private_home)
    try:
        left = in_progress(store)
        assert left is not None and left.at == 4
        keep_place(store, 7, total=36, today=TODAY)  # as the app's → keeps it
    finally:
        store.close()
    result = run("evening")
    assert "Set 1 of 3 · question 8 of 12" in result.output
    assert content.thirty_six.questions[7] in result.output


def test_back_at_the_first_question_stays_there(private_home: Path) -> None:
    run("evening", "--next")
    before = disk_state(private_home)
    result = run("evening", "--back")
    assert result.exit_code == 0
    assert "This is the first question" in result.output
    assert "Set 1 of 3 · question 1 of 12" in result.output
    assert disk_state(private_home) == before


def test_the_end_is_warm_points_to_learned_and_the_next_evening_begins_anew(
    private_home: Path,
) -> None:
    for _ in range(36):
        run("evening", "--next")
    assert "Set 3 of 3 · question 12 of 12" in run("evening").output
    result = run("evening", "--next")
    assert result.exit_code == 0
    assert "That's all thirty-six. Thank you for giving each other an evening." in result.output
    assert "hearthside learned TOPIC" in result.output
    (kept,) = stored(private_home, Evening)
    assert kept.finished
    assert "About 45 minutes" in run("evening").output
    assert "Set 1 of 3 · question 1 of 12" in run("evening", "--next").output
    assert [e.finished for e in sorted(stored(private_home, Evening), key=lambda e: e.created)] == [
        True,
        False,
    ]


def test_restart_goes_back_to_the_first_question_in_the_same_evening(private_home: Path) -> None:
    for _ in range(20):
        run("evening", "--next")
    result = run("evening", "--restart")
    assert result.exit_code == 0
    assert "Set 1 of 3 · question 1 of 12" in result.output
    (kept,) = stored(private_home, Evening)
    assert (kept.at, kept.finished) == (0, False)


def test_two_moves_at_once_are_refused_and_nothing_is_written(private_home: Path) -> None:
    run("evening", "--next")
    run("evening", "--next")
    before = disk_state(private_home)
    for args in (["--next", "--back"], ["--back", "--restart"], ["--next", "--restart"]):
        result = run("evening", *args)
        assert result.exit_code == 2, args
        assert "choose one of them" in result.output and "Nothing was changed" in result.output
        assert "Traceback" not in result.output
    assert disk_state(private_home) == before


def test_no_memories_yet_gets_the_gentle_words_and_the_way_to_star(private_home: Path) -> None:
    result = run("memories")
    assert result.exit_code == 0
    assert result.output.startswith("Nothing here yet, and that's fine.")
    assert "hearthside star ID" in result.output


def test_memories_oldest_first_with_date_kind_marks_id_and_words(
    store: Store, content: Content
) -> None:
    close = add_entry(store, title="The lake at dusk", day="2026-11-20", closeness=5)
    starred = add_entry(store, body="[bold]Pancakes[/bold] in bed", day="2026-10-02")
    store.update(type(starred), starred.id, lambda e: setattr(e, "starred", True))
    add_entry(store, title="An ordinary Tuesday", day="2026-11-03", closeness=2)
    note = add_note(store, content, kind="gratitude", text="Thank you for the soup.")
    deliver_note(store, note.id, "text")
    store.close()
    result = run("memories")
    assert result.exit_code == 0, result.output
    blocks = result.output.strip().split("\n\n")
    assert len(blocks) == 3
    assert blocks[0].splitlines() == [
        f"Friday 2 October 2026 · entry {starred.short_id} · starred",
        "  ★ [bold]Pancakes[/bold] in bed",
    ]
    assert blocks[1].splitlines() == [
        f"Friday 20 November 2026 · entry {close.short_id} · felt close (5 of 5)",
        "  The lake at dusk",
    ]
    assert f"note {note.short_id} · a note you handed over" in blocks[2]
    assert "Thank you for the soup." in blocks[2]
    assert "Tuesday" not in result.output


def test_memories_n_limits_and_random_keeps_them_all(store: Store) -> None:
    for day in range(1, 6):
        add_entry(store, title=f"Close day {day}", day=f"2026-11-0{day}", closeness=4)
    store.close()
    assert run("memories", "-n", "2").output.count("felt close") == 2
    assert "Close day 1" in run("memories", "-n", "1").output
    mixed = run("memories", "--random")
    assert mixed.exit_code == 0
    assert sorted(line for line in mixed.output.splitlines() if "Close day" in line) == [
        f"  Close day {day}" for day in range(1, 6)
    ]


def test_a_bad_count_is_clicks_own_error(private_home: Path) -> None:
    for bad in ("0", "-3", "many"):
        result = run("memories", "-n", bad)
        assert result.exit_code == 2, bad
        assert "Invalid value for '-n'" in result.output
