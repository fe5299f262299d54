"""The command line, run the way a person would, against a temporary home."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from hearthside.cli.main import cli
from hearthside.domain.records import Entry, Moment, Note, PracticeLog
from hearthside.paths import database_path
from hearthside.store.store import Store
from tests.conftest import disk_state, run, stored


def test_add_then_list_show_and_search(private_home: Path) -> None:
    added = run("add", "We walked by the river and talked", "--tag", "walk", "--date", "2026-11-20")
    assert added.exit_code == 0
    assert "2026-11-20" in added.output
    run("add", "Dinner out", "--title", "Date night", "--tag", "#Date-Night", "--closeness", "4")
    listing = run("list", "-n", "10").output.splitlines()
    assert "Date night" in listing[0] and "#date-night" in listing[0]
    assert "We walked by the river" in listing[1] and listing[1].startswith("2026-11-20")
    entry_id = listing[1].split()[1]
    shown = run("show", entry_id).output
    assert "We walked by the river and talked" in shown and "#walk" in shown
    assert "river" in run("search", "RIVER", "walked").output
    assert run("search", "river", "dinner").output.strip() == "No entries match."


def test_add_reads_piped_text(private_home: Path) -> None:
    assert run("add", "--tag", "x", input="from a pipe\n").exit_code == 0
    assert stored(private_home, Entry)[0].body == "from a pipe\n"


def test_add_uses_the_editor_and_leaves_no_temp_file(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    editor = tmp_path / "fake-editor"
    editor.write_text("#!/bin/sh\necho 'written in the editor' > \"$1\"\n")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr("hearthside.cli.context.stdin_is_interactive", lambda: True)
    assert run("add").exit_code == 0
    assert stored(private_home, Entry)[0].body == "written in the editor\n"
    assert not list((private_home / "drafts").glob("*"))


def test_list_filters_by_date_and_tag(private_home: Path) -> None:
    for day, tag in [("2026-11-01", "a"), ("2026-11-10", "b"), ("2026-11-20", "a")]:
        run("add", f"entry {day}", "--date", day, "--tag", tag)
    out = run("list", "--since", "2026-11-05", "--tag", "a").output
    assert "2026-11-20" in out and "2026-11-01" not in out and "2026-11-10" not in out
    out = run("list", "--until", "Nov 10").output
    assert "2026-11-20" not in out and "2026-11-10" in out


def test_log_accepts_ids_aliases_and_prefixes(private_home: Path) -> None:
    assert run("log", "hug").exit_code == 0
    assert run("log", "quality-time", "--minutes", "75").exit_code == 0
    assert run("log", "conv").exit_code == 0
    logs = stored(private_home, PracticeLog)
    assert [log.practice for log in logs] == ["affection", "quality-time", "conversation"]
    assert logs[1].minutes == 75


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "juggling"], "no practice called 'juggling'"),
        (["log", "date", "--minutes", "0"], "Minutes must be between 1"),
        (["log", "date", "--minutes", "-5"], "Minutes must be between 1"),
        (["log", "hug", "--date", "flurb"], 'Couldn\'t read "flurb" as a date'),
        (["add", ""], "The entry is empty"),
        (["add", "   \n"], "The entry is empty"),
        (["add", "x", "--closeness", "9"], "Closeness is a number from 1"),
        (["add", "x", "--tag", "bell\x07"], "can't be a tag"),
        (["add", "x" * 1_000_001], "over 1 MB"),
        (["note", "sonnet", "hello there"], "no note kind 'sonnet'"),
        (["show", "deadbeef"], "No entry has the id"),
    ],
)
def test_bad_input_says_what_is_wrong_exits_2_and_writes_nothing(
    private_home: Path, args: list[str], message: str
) -> None:
    run("add", "a first entry so the file exists")
    before = disk_state(private_home)
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert disk_state(private_home) == before


def test_a_future_practice_is_refused_but_a_past_one_counts(private_home: Path) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    refused = run("log", "hug", "--date", tomorrow)
    assert refused.exit_code == 2 and "in the future" in refused.output
    assert run("log", "hug", "--date", "3 days ago").exit_code == 0
    assert (
        stored(private_home, PracticeLog)[0].date == (date.today() - timedelta(days=3)).isoformat()
    )


def test_moments_and_stats(private_home: Path) -> None:
    run("moment", "+", "laughed at dinner")
    run("moment", "+")
    run("moment", "-", "snapped about the dishes")
    run("log", "date", "--minutes", "70")
    run("log", "hug")
    moments = stored(private_home, Moment)
    assert [m.positive for m in moments] == [True, True, False]
    out = run("stats").output
    assert "70 min (floor 60, aim 120): floor reached" in out
    assert "2 to 1" in out and "aim 5:1" in out
    assert "Affection" in out


def test_notes_from_a_template_and_hints(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    Store(private_home).save_settings(Store(private_home).settings().__class__(spouse_name="Sam"))
    editor = tmp_path / "fill-the-gaps"
    editor.write_text("#!/bin/sh\nsed -i 's/___/the soup/g' \"$1\"\n")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr("hearthside.cli.context.stdin_is_interactive", lambda: True)
    made = run("note", "gratitude", "--template", "1")
    assert made.exit_code == 0, made.output
    note = stored(private_home, Note)[0]
    assert note.kind == "gratitude" and "Sam" in note.text and "{spouse}" not in note.text
    hinted = run("note", "apology", "I'm sorry but you were late")
    assert "Hint:" in hinted.output and "but" in hinted.output
    note_id = hinted.output.split()[2]
    delivered = run("note", "deliver", note_id, "--how", "aloud")
    assert "delivered" in delivered.output
    assert {n.status for n in stored(private_home, Note)} == {"drafted", "delivered"}


def test_guide_lists_fifteen_and_shows_one(private_home: Path) -> None:
    listing = run("guide").output
    assert sum(1 for line in listing.splitlines() if line[:3].strip().rstrip(".").isdigit()) == 15
    step = run("guide", "8").output
    assert step.startswith("8. ") and "Things to try" in step


def test_doctor_reports_health_and_trouble(private_home: Path) -> None:
    run("add", "hello")
    healthy = run("doctor")
    assert healthy.exit_code == 0 and "checked" in healthy.output
    database_path(private_home).write_bytes(b"{oops")
    sick = run("doctor")
    assert sick.exit_code == 1 and "not valid JSON" in sick.output


def test_home_option_works_before_and_after_the_command(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert run("--home", str(first), "add", "in one").exit_code == 0
    assert run("add", "in two", "--home", str(second)).exit_code == 0
    assert len(stored(first, Entry)) == 1 and len(stored(second, Entry)) == 1


def test_user_text_never_reaches_the_terminal_raw(private_home: Path) -> None:
    run("add", "bell\x07 and \x1b[31mred\x1b[0m", "--title", "\x1b]0;pwned\x07")
    out = run("list").output + run("show", run("list").output.split()[1]).output
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[31mred" in out


def test_quick_commands_never_load_textual(private_home: Path, tmp_path: Path) -> None:
    """The import contract keeps Textual inside tui/; this keeps it out of a quick command."""
    out = str(tmp_path / "all.json")
    commands = [
        ["add", "x"], ["log", "hug"], ["list"], ["search", "x"], ["stats"], ["moment", "+"],
        ["note", "gratitude", "thanks for the tea this morning"], ["guide", "1"], ["doctor"],
        ["commit", "x", "--due", "today"], ["upcoming"], ["milestone", "y", "--date", "today"],
        ["checkin", "--rate", "1=2"], ["pause", "yesterday", "today"], ["pauses"],
        ["learned", "dreams", "a boat"], ["lovemap"], ["lovemap", "dreams"],
        ["evening"], ["evening", "--next"], ["memories"], ["memories", "--random", "-n", "1"],
        ["export", "-f", "html"], ["export", "-f", "json", "-o", out], ["import", out, "--dry-run"],
        ["ask", "--deck", "fun", "--depth", "light"], ["ask", "--favourites"],
        ["add", "--template", "good-day", "the lake"],
        ["weekly"], ["weekly", "--held", "--answer", "a walk"], ["weekly", "--print", "md"],
    ]  # fmt: skip
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from hearthside.cli.main import cli\n"
        f"for args in {commands!r}:\n"
        "    assert CliRunner().invoke(cli, args).exit_code == 0, args\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_version(private_home: Path) -> None:
    from hearthside import __version__

    assert __version__ in run("--version").output


def test_python_dash_m_works(private_home: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "hearthside", "add", "via -m"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert [e.body for e in stored(private_home, Entry)] == ["via -m"]


def test_notes_lists_by_kind_and_undelivered(private_home: Path) -> None:
    run("note", "gratitude", "Thank you for fixing the gate this morning")
    saved = run("note", "compliment", "You were so patient with the kids tonight")
    run("note", "deliver", saved.output.split()[2], "--how", "text")
    listing = run("notes").output
    assert (
        "gratitude" in listing
        and f"(delivered {date.today().isoformat()}, text message)" in listing
    )
    assert "compliment" not in run("notes", "--undelivered").output
    assert "gratitude" not in run("notes", "--kind", "compliment").output


def test_help_groups_the_commands_so_each_is_easy_to_find() -> None:
    out = run("--help").output
    headings = [line.rstrip(":") for line in out.splitlines() if line and not line[0].isspace()]
    assert headings[-7:] == [
        "Write",
        "Practices",
        "Notes",
        "Knowing them",
        "Plans",
        "Exchange",
        "Care of the journal",
    ]
    body = out.split("Write:", 1)[1].splitlines()
    listed = [line.split()[0] for line in body if line.startswith("  ") and line.strip()]
    assert sorted(listed) == sorted(cli.commands)  # every command, once
