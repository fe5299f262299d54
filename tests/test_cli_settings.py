"""``hearthside settings``: reading and changing the settings from a script or a shell."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import disk_state, run, stored_settings


def test_a_new_journal_shows_every_setting_one_a_line(private_home: Path) -> None:
    shown = run("settings")
    assert shown.exit_code == 0
    assert shown.output.splitlines() == [
        "spouse: (not set)",
        "me: (not set)",
        "week start: monday",
        "date order: MDY (month first: 11/25/2026)",
        "theme: hearth",
        "six hours: not tracked",
        "encryption: Your journal isn't encrypted: it is kept in plain files in your private "
        "folder. To lock it with a passphrase, close Hearthside and run `hearthside encrypt`.",
    ]


def test_settings_change_and_are_stored(private_home: Path) -> None:
    changed = run(
        "settings",
        "--spouse",
        " Sam ",
        "--me",
        "Alex",
        "--week-start",
        "Sun",
        "--date-order",
        "dmy",
    )
    assert changed.exit_code == 0, changed.output
    lines = changed.output.splitlines()
    assert lines[0] == "Saved your settings:"
    assert lines[1:5] == [
        "spouse: Sam",
        "me: Alex",
        "week start: sunday",
        "date order: DMY (day first: 25/11/2026)",
    ]
    settings = stored_settings(private_home)
    assert (settings.spouse_name, settings.my_name) == ("Sam", "Alex")
    assert (settings.week_start, settings.date_order) == (6, "DMY")
    # Read back the same way, and the dates typed afterwards follow the new order.
    assert run("settings").output.splitlines()[:2] == ["spouse: Sam", "me: Alex"]
    assert "2026-04-03" in run("add", "spring", "--date", "03/04/2026").output


def test_one_change_leaves_the_others_alone(private_home: Path) -> None:
    run("settings", "--spouse", "Sam", "--week-start", "wednesday")
    run("settings", "--me", "Alex")
    settings = stored_settings(private_home)
    assert (settings.spouse_name, settings.my_name, settings.week_start) == ("Sam", "Alex", 2)
    run("settings", "--spouse", "")  # an empty name clears it
    assert stored_settings(private_home).spouse_name == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--spouse", "Sam\x1b[31m"], "Your spouse's name: That name holds control characters"),
        (["--me", "A" * 81], "Your own name: That name is longer than 80 characters"),
        (["--me", "Al\nex"], "Your own name: That name holds control characters"),
        (["--week-start", "funday"], '"funday" isn\'t a day of the week. Use monday to sunday'),
        (["--week-start", "8"], "isn't a day of the week"),
        (["--date-order", "DDMMYY"], "The date order: Choose MDY, DMY or YMD"),
        (["--date-order", ""], "The date order: Choose MDY, DMY or YMD"),
    ],
)
def test_bad_input_says_what_is_wrong_exits_2_and_changes_nothing(
    private_home: Path, args: list[str], message: str
) -> None:
    run("settings", "--spouse", "Sam")
    before = disk_state(private_home)
    # A good change beside the bad one is not kept either: the whole change is refused.
    result = run("settings", "--week-start", "sunday", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Nothing was changed." in result.output
    assert "Traceback" not in result.output
    assert disk_state(private_home) == before


def test_every_bad_field_is_named_at_once(private_home: Path) -> None:
    result = run("settings", "--spouse", "\x07", "--week-start", "someday", "--date-order", "x")
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert [line.split(":")[0] for line in lines[:3]] == [
        "hearthside",
        "The first day of the week",
        "The date order",
    ]
    assert lines[0].startswith("hearthside: Your spouse's name:")
    assert lines[-1] == "Nothing was changed."


def test_settings_is_a_quick_command(private_home: Path) -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from hearthside.cli.main import cli\n"
        "for args in (['settings'], ['settings', '--spouse', 'Sam']):\n"
        "    assert CliRunner().invoke(cli, args).exit_code == 0, args\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_your_own_name_signs_shares_and_cards(private_home: Path, tmp_path: Path) -> None:

    run("settings", "--spouse", "Sam", "--me", "Alex")
    run("note", "gratitude", "Thank you for the tea this morning, it was lovely.")
    note = run("notes").output.split()[1]

    run("share", note, "-o", str(tmp_path / "share"))
    bundle = json.loads((tmp_path / "share" / "notes.json").read_text(encoding="utf-8"))
    assert bundle["from"] == "Alex"
    assert "Notes from Alex" in (tmp_path / "share" / "notes.html").read_text(encoding="utf-8")

    for fmt in ("txt", "md", "html"):
        run("card", note, "-f", fmt, "-o", str(tmp_path / f"card.{fmt}"))
        card = (tmp_path / f"card.{fmt}").read_text(encoding="utf-8")
        assert "For Sam" in card and "Alex" in card, fmt


def test_from_on_the_command_line_signs_instead(private_home: Path, tmp_path: Path) -> None:

    run("settings", "--me", "Alex")
    run("note", "gratitude", "Thank you for the tea this morning, it was lovely.")
    note = run("notes").output.split()[1]
    run("share", note, "--from", "Lex", "-o", str(tmp_path / "share"))
    bundle = json.loads((tmp_path / "share" / "notes.json").read_text(encoding="utf-8"))
    assert bundle["from"] == "Lex"
    run("card", note, "-f", "txt", "--from", "Lex", "-o", str(tmp_path / "card.txt"))
    card = (tmp_path / "card.txt").read_text(encoding="utf-8")
    assert "Lex" in card and "Alex" not in card


def test_without_your_name_a_card_and_a_share_go_unsigned(
    private_home: Path, tmp_path: Path
) -> None:

    run("note", "gratitude", "Thank you for the tea this morning, it was lovely.")
    note = run("notes").output.split()[1]
    run("share", note, "-o", str(tmp_path / "share"))
    assert json.loads((tmp_path / "share" / "notes.json").read_text())["from"] is None
    run("card", note, "-f", "txt", "-o", str(tmp_path / "card.txt"))
    assert "—" not in (tmp_path / "card.txt").read_text(encoding="utf-8")
