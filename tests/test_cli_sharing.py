"""export, import, share and card, run the way a person would, against a temporary home."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.cli import exchange as cli_sharing
from hearthside.domain.records import Entry, Note
from hearthside.paths import database_path, exports_dir
from hearthside.services.exchange.exporting import cards, exporter, selection
from tests.conftest import run, stored

JRNL_EXPORT = Path(__file__).parent / "data" / "jrnl-export.json"


def note_id(home: Path) -> str:
    return stored(home, Note)[0].short_id


@pytest.fixture
def written(private_home: Path) -> Path:
    run("add", "We walked by the river.", "--title", "River walk", "--date", "2026-11-20")
    run("add", "Only for me.", "--date", "2026-11-21", "--private")
    run("note", "gratitude", "Thank you for the tea this morning, it was lovely.")
    return private_home


def test_export_says_where_how_many_and_what_was_left_out(written: Path) -> None:
    result = run("export", "--format", "html")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("Wrote 1 entry and 1 note to ")
    path = Path(lines[0].removeprefix("Wrote 1 entry and 1 note to ").removesuffix("."))
    assert path.parent == exports_dir(written) and path.suffix == ".html" and path.is_file()
    assert lines[1] == "Left out 1 private record; add --include-private to include them."
    everything = run("export", "-f", "json", "--include-private").output
    assert "2 entries and 1 note" in everything and "Left out" not in everything


def test_export_to_a_chosen_file_asks_for_force_to_replace_it(
    written: Path, tmp_path: Path
) -> None:
    target = tmp_path / "november.md"
    assert (
        run("export", "--since", "2026-11", "--until", "2026-11", "-o", str(target)).exit_code == 0
    )
    first = target.read_text(encoding="utf-8")
    refused = run("export", "-f", "txt", "-o", str(target))
    assert (
        refused.exit_code == 2
        and "already exists" in refused.output
        and "--force" in refused.output
    )
    assert target.read_text(encoding="utf-8") == first
    assert run("export", "-f", "txt", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") != first


def test_split_markdown_into_a_folder(written: Path, tmp_path: Path) -> None:
    folder = tmp_path / "entries"
    result = run("export", "--split", "--kind", "entries", "-o", str(folder))
    assert result.exit_code == 0 and str(folder) in result.output
    assert [p.name for p in folder.iterdir()] == ["2026-11-20-river-walk.md"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--since", "flurb"], 'Couldn\'t read "flurb"'),
        (["export", "--since", "2026-11-20", "--until", "2026-11-01"], "after the end"),
        (["export", "-f", "ics", "--tag", "walk"], "no tags"),
        (["export", "-f", "html", "--split"], "Only Markdown can be split"),
        (["export", "--step", "42"], "no strategy '42'"),
        (["export", "--tag", "bell\x07"], "can't be a tag"),
        (["export", "--since", "2030-01-01"], "Nothing to export"),
        (["export", "-o", "/nonexistent-folder/x.md"], "doesn't exist"),
        (["import", "missing.json"], "no such file"),
        (["card", "deadbeef"], "No note has the id"),
        (["share", "deadbeef"], "No note has the id"),
    ],
)
def test_bad_input_says_what_is_wrong_exits_2_and_writes_nothing(
    written: Path, args: list[str], message: str
) -> None:
    before = database_path(written).read_bytes()
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert database_path(written).read_bytes() == before
    assert not exports_dir(written).exists()


def test_a_foreign_file_is_refused_by_name(written: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "calendar.json"
    foreign.write_text('{"events": []}')
    before = database_path(written).read_bytes()
    result = run("import", str(foreign))
    assert result.exit_code == 2 and str(foreign) in result.output
    assert "Nothing was imported" in result.output
    assert database_path(written).read_bytes() == before


def test_moving_to_a_new_machine_with_export_and_import(written: Path, tmp_path: Path) -> None:
    archive = tmp_path / "everything.json"
    run("export", "-f", "json", "--include-private", "-o", str(archive))
    new_home = tmp_path / "new-machine"
    preview = run("--home", str(new_home), "import", str(archive), "--dry-run")
    assert preview.output.startswith("Would import 2 entries and 1 note")
    assert "River walk" in preview.output and "(private) Only for me." in preview.output
    assert stored(new_home, Entry) == []
    done = run("--home", str(new_home), "import", str(archive))
    assert done.output.startswith("Imported 2 entries and 1 note")
    again = run("--home", str(new_home), "import", str(archive))
    assert again.output.startswith("Nothing new to import")
    assert len(stored(new_home, Entry)) == 2


def test_import_from_jrnl(private_home: Path) -> None:
    result = run("import", str(JRNL_EXPORT))
    assert (
        result.output.startswith("Imported 4 entries from") and "(a jrnl export)" in result.output
    )
    assert "Anniversary breakfast" in run("list").output


def test_share_a_note_and_make_a_card(written: Path, tmp_path: Path) -> None:
    ref = note_id(written)
    shared = run("share", ref, "--from", "Alex")
    assert (
        shared.output.startswith("Shared 1 note in ")
        and "hearthside import notes.json" in shared.output
    )
    bundle = next(exports_dir(written).glob("hearthside-share-*"))
    spouse_home = tmp_path / "spouse"
    received = run("--home", str(spouse_home), "import", str(bundle / "notes.json"))
    assert "1 note" in received.output and "(shared notes)" in received.output
    assert stored(spouse_home, Note)[0].sender == "Alex"
    card = run("card", ref, "--format", "txt")
    assert card.output.startswith("Saved the card to ") and card.output.rstrip().endswith(".txt.")


def test_sharing_twice_says_where_the_first_share_is_and_replaces_only_when_asked(
    written: Path,
) -> None:
    ref = note_id(written)
    assert run("share", ref).exit_code == 0
    [folder] = exports_dir(written).glob("hearthside-share-*")
    [note] = stored(written, Note)
    assert note.shared_at is not None and note.shared_in == str(folder.resolve())
    assert f"shared {note.shared_at[:10]}" in run("notes").output

    again = run("share", ref)
    assert again.exit_code == 2
    assert f"{ref}, on {note.shared_at[:10]}, in {folder.resolve()}" in again.output
    assert "Nothing was written" in again.output and "--replace" in again.output
    assert list(exports_dir(written).glob("hearthside-share-*")) == [folder]

    (folder / "notes.html").write_text("stale", encoding="utf-8")
    replaced = run("share", ref, "--replace", "--from", "Alex")
    assert replaced.output.startswith("Shared 1 note again, replacing the earlier share in ")
    assert list(exports_dir(written).glob("hearthside-share-*")) == [folder]
    assert "Alex" in (folder / "notes.html").read_text(encoding="utf-8")


def test_a_share_whose_folder_is_gone_is_simply_shared_again(written: Path) -> None:
    ref = note_id(written)
    run("share", ref)
    [folder] = exports_dir(written).glob("hearthside-share-*")
    for file in folder.iterdir():
        file.unlink()
    folder.rmdir()
    assert run("share", ref).output.startswith("Shared 1 note in ")
    assert len(list(exports_dir(written).glob("hearthside-share-*"))) == 1


def test_what_was_shared_where_stays_with_the_sender(written: Path, tmp_path: Path) -> None:
    ref = note_id(written)
    run("share", ref)
    run("share", ref, "--replace")
    [bundle] = exports_dir(written).glob("hearthside-share-*")
    data = (bundle / "notes.json").read_text(encoding="utf-8")
    assert str(bundle) not in data and '"shared_at": null' in data


def test_the_command_choices_match_the_services() -> None:
    assert cli_sharing.EXPORT_FORMATS == exporter.FORMATS
    assert cli_sharing.EXPORT_KINDS == selection.KINDS
    assert cli_sharing.CARD_FORMATS == cards.CARD_FORMATS
