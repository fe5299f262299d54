"""A note for a need, end to end from the command line: written with its hints, listed,
carded, shared, imported by the spouse's Hearthside, and never counted as kind words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hearthside.domain.records import Note
from tests.conftest import Clock, run, stored


def test_a_need_note_is_written_with_a_gentle_hint_and_kept_as_a_need(private_home: Path) -> None:
    said = run("note", "need", "You always work late and I feel lonely in the evenings")
    assert said.exit_code == 0
    assert "Saved need" in said.output
    assert 'Hint: "You always"' in said.output and "what you'd love" in said.output
    [note] = stored(private_home, Note)
    assert note.kind == "need"
    assert "need" in run("notes", "--kind", "need").output


def test_a_need_from_a_template_without_a_terminal_names_its_gaps(private_home: Path) -> None:
    refused = run("note", "need", "--template", "8")
    assert refused.exit_code == 2 and "Need template 8 has" in refused.output
    assert stored(private_home, Note) == []


def test_a_delivered_need_is_not_counted_as_kind_words(private_home: Path, clock: Clock) -> None:
    run("note", "need", "I'd love an evening for just us this week, maybe Thursday")
    ref = stored(private_home, Note)[0].short_id
    delivered = run("note", "deliver", ref, "--how", "aloud")
    assert "counts" not in delivered.output
    kind_words = next(line for line in run("stats").output.splitlines() if "Kind words" in line)
    assert "0/" in kind_words


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_a_need_becomes_a_card_in_each_format(private_home: Path, fmt: str) -> None:
    run("note", "need", "I've been feeling stretched thin; could you take the school run?")
    ref = stored(private_home, Note)[0].short_id
    made = run("card", ref, "--format", fmt)
    assert made.exit_code == 0
    [card] = (private_home / "exports").glob(f"need-*.{fmt}")
    assert "stretched thin" in card.read_text(encoding="utf-8")


def test_a_shared_need_arrives_as_a_need_in_the_spouses_journal(
    private_home: Path, tmp_path: Path
) -> None:
    run("note", "need", "I'd love a proper hug when you get home tonight, please")
    ref = stored(private_home, Note)[0].short_id
    assert run("share", ref, "--from", "Alex").exit_code == 0
    [bundle] = (private_home / "exports").glob("hearthside-share-*/notes.json")
    assert '"kind": "need"' in json.dumps(json.loads(bundle.read_text(encoding="utf-8")))
    theirs = tmp_path / "theirs"
    assert run("--home", str(theirs), "import", str(bundle)).exit_code == 0
    [received] = stored(theirs, Note)
    assert (received.kind, received.sender) == ("need", "Alex")
