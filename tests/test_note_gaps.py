"""A note's ___ gaps from the command line: filled in the editor, never handed over unfilled."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hearthside.domain.records import Note
from tests.conftest import Clock, disk_state, run, stored


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An $EDITOR that fills gaps with the words of one line of ``editor-words`` a run."""
    words = tmp_path / "editor-words"
    script = tmp_path / "fake-editor"
    script.write_text(
        "#!/bin/sh\n"
        f'line=$(head -n 1 "{words}"); sed -i 1d "{words}"\n'
        'for w in $line; do sed -i "0,/___/s//$w/" "$1"; done\n'
        "exit 0\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.setattr("hearthside.cli.context.stdin_is_interactive", lambda: True)
    return words


def test_a_template_without_a_terminal_is_refused_naming_its_gaps(private_home: Path) -> None:
    run("note", "gratitude", "Thank you for the walk this morning, truly.")
    before = disk_state(private_home)
    refused = run("note", "gratitude", "--template", "1", input="")
    assert refused.exit_code == 2
    assert "Gratitude template 1 has 2 gaps to fill" in refused.output
    assert "thank you for ___ today" in refused.output
    assert "It made my ___ so much easier." in refused.output
    assert "Nothing was saved" in refused.output
    assert disk_state(private_home) == before


def test_a_template_number_that_isnt_there_is_refused(private_home: Path) -> None:
    refused = run("note", "gratitude", "--template", "9")
    assert refused.exit_code == 2
    assert "Gratitude has templates 1 to" in refused.output
    assert "9 isn't one of them" in refused.output
    assert disk_state(private_home) == {}


def test_a_template_opens_in_the_editor_filled_in(private_home: Path, editor: Path) -> None:
    editor.write_text("soup evening\n")
    made = run("note", "gratitude", "--template", "1")
    assert made.exit_code == 0, made.output
    [note] = stored(private_home, Note)
    assert "thank you for soup today" in note.text and "It made my evening so much" in note.text
    assert "love" in note.text and "{spouse}" not in note.text


def test_a_templates_date_is_written_as_the_app_writes_dates(
    private_home: Path, editor: Path, clock: Clock
) -> None:
    editor.write_text("soup listened\n")
    made = run("note", "gratitude", "--template", "3")
    assert made.exit_code == 0, made.output
    [note] = stored(private_home, Note)
    assert clock.today == date(2026, 11, 25)
    assert note.text.splitlines()[0] == "25 November"


def test_gaps_left_after_editing_offer_the_editor_again(private_home: Path, editor: Path) -> None:
    editor.write_text("soup\n\nevening\n")  # the second run fills nothing
    made = run("note", "gratitude", "--template", "1", input="y\ny\n")
    assert made.output.count("still has 1 gap to fill") == 2
    [note] = stored(private_home, Note)
    assert "___" not in note.text

    editor.write_text("tea\n")
    kept = run("note", "gratitude", "--template", "1", input="n\n")
    assert "It still has 1 gap to fill" in kept.output and "`card` and `share`" in kept.output
    assert sum("___" in n.text for n in stored(private_home, Note)) == 1


def test_card_and_share_refuse_a_note_with_gaps_unless_forced(private_home: Path) -> None:
    written = run("note", "apology", "I'm sorry I ___. Next time I'll ___.")
    assert "It still has 2 gaps to fill" in written.output
    note_id = stored(private_home, Note)[0].short_id
    for command in (["card", note_id], ["share", note_id]):
        refused = run(*command)
        assert refused.exit_code == 2, command
        assert f"the note {note_id} has 2 gaps to fill" in refused.output
        assert "--force" in refused.output
        assert not (private_home / "exports").exists() or not any(
            (private_home / "exports").iterdir()
        )
    assert run("card", note_id, "--force").exit_code == 0
    assert run("share", note_id, "--force").exit_code == 0
