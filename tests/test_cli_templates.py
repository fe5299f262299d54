"""`hearthside add --template NAME`: an entry that starts from a template's prompts."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.domain.records import Entry
from tests.conftest import disk_state, run, stored


def test_text_goes_under_the_templates_first_prompt(private_home: Path) -> None:
    result = run("add", "--template", "hard", "We snapped at each other over the dishes.")
    assert result.exit_code == 0, result.output
    [entry] = stored(private_home, Entry)
    assert entry.title == "After a hard moment"
    lines = entry.body.splitlines()
    assert lines[0] == "## What happened"
    assert lines[2] == "We snapped at each other over the dishes."
    assert "## My part" in entry.body and "## The repair I'll offer" in entry.body


def test_a_title_given_wins_over_the_templates(private_home: Path) -> None:
    run("add", "--template", "good-day", "--title", "The lake", "We swam at dusk.")
    [entry] = stored(private_home, Entry)
    assert entry.title == "The lake" and entry.body.startswith("## What we did\nWe swam at dusk.")


def test_piped_text_goes_under_the_first_prompt_too(private_home: Path) -> None:
    assert run("add", "--template", "What I appreciated", input="The soup.\n").exit_code == 0
    [entry] = stored(private_home, Entry)
    assert entry.body.startswith("## Something they did for me or for us\nThe soup.\n")


def test_the_editor_opens_with_the_template(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen = tmp_path / "seen.md"
    editor = tmp_path / "fake-editor"
    # Keeps what it was given, then writes under the first prompt, as a person would.
    editor.write_text(
        f'#!/bin/sh\ncp "$1" {seen}\nsed -i "2a I want to ask about the holidays." "$1"\n'
    )
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr("hearthside.cli.context.stdin_is_interactive", lambda: True)
    assert run("add", "--template", "before").exit_code == 0
    assert seen.read_text(encoding="utf-8").startswith("## What I want to talk about\n_One thing")
    [entry] = stored(private_home, Entry)
    assert entry.title == "Before we talk"
    assert "I want to ask about the holidays." in entry.body


def test_an_untouched_template_is_not_saved(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    editor = tmp_path / "fake-editor"
    editor.write_text("#!/bin/sh\ntrue\n")  # closed without writing a word
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr("hearthside.cli.context.stdin_is_interactive", lambda: True)
    result = run("add", "--template", "good-day")
    assert result.exit_code == 2 and "Nothing was written under the prompts" in result.output
    assert stored(private_home, Entry) == []
    # Only the template was in the editor: nothing is kept to be offered back later.
    assert not list((private_home / "drafts").glob("*"))


def test_a_bad_template_name_lists_the_templates_and_writes_nothing(private_home: Path) -> None:
    run("add", "Already here.")
    before = disk_state(private_home)
    result = run("add", "--template", "fight", "Words that must not be saved.")
    assert result.exit_code == 2
    assert "There is no entry template 'fight'" in result.output
    for name in ("hard-moment", "good-day", "before-a-hard-talk", "appreciated-this-week"):
        assert name in result.output
    assert "Traceback" not in result.output
    assert disk_state(private_home) == before
