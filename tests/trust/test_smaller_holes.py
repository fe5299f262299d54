"""Smaller holes found by the adversarial pass: ids in capitals, where a "not found"
points, links to a strategy that is gone, one size for every record, private cards,
jrnl's tags, and a spouse's name carrying escapes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
import pytest

from hearthside.domain.records import Entry, Note
from hearthside.paths import database_path
from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY, disk_state, run, stored
from tests.trust.hostile import PAYLOADS, export_file, hand_edit, hostile_records

# -- ids -------------------------------------------------------------------------------------


def test_ids_in_capitals_from_another_tool_are_found_as_typed(
    private_home: Path, tmp_path: Path
) -> None:
    records = hostile_records(text="plain words")
    records["entries"][0]["id"] = "Entry-From-DayOne-0001"
    records["notes"][0]["id"] = "NOTE0000ABCD"
    records["commitments"][0]["id"] = "Promise0001"
    assert run("import", str(export_file(tmp_path / "caps.json", records))).exit_code == 0
    for typed in ("entry-from-dayone-0001", "Entry-From-DayOne-0001", "ENTRY-FROM"):
        shown = run("show", typed)
        assert shown.exit_code == 0 and "Title plain words" in shown.output, typed
    assert run("card", "note0000abcd", "-f", "txt").exit_code == 0
    assert run("done", "promise0001").exit_code == 0


def test_ids_stored_in_capitals_by_an_earlier_import_are_found(private_home: Path) -> None:
    entry = add_entry(Store(private_home), body="From before.", day="2026-11-20")
    hand_edit(private_home, "entries", entry.id, {"id": "OLD-IMPORT-42"})
    shown = run("show", "old-import-42")
    assert shown.exit_code == 0 and "From before." in shown.output


def test_a_note_not_found_points_to_the_notes_list(private_home: Path) -> None:
    for args in (
        ["card", "deadbeef"],
        ["share", "deadbeef"],
        ["note", "deliver", "dead", "--how", "aloud"],
    ):
        result = run(*args)
        assert result.exit_code == 2
        assert "No note has the id 'dead" in result.output
        assert "`hearthside notes` shows the ids" in result.output, result.output
    assert "`hearthside list` shows the ids" in run("show", "deadbeef").output
    assert "`hearthside upcoming` shows the ids" in run("done", "deadbeef").output


# -- a link to a strategy that is gone -----------------------------------------------------------


def test_an_entry_linked_to_a_strategy_no_longer_in_the_guide_is_shown(
    private_home: Path, tmp_path: Path
) -> None:
    records = hostile_records(text="plain words")
    records["entries"][0]["steps"] = [3, 42]
    assert run("import", str(export_file(tmp_path / "steps.json", records))).exit_code == 0
    shown = run("show", records["entries"][0]["id"])
    assert shown.exit_code == 0, shown.output
    third = Content().step(3).title
    assert f"strategies: 3. {third}, strategy 42" in shown.output


# -- one size for every record ---------------------------------------------------------------


@pytest.mark.parametrize(("size", "kept"), [(1_000_000, True), (1_000_001, False)])
def test_import_and_add_keep_the_same_size_of_entry(
    private_home: Path, tmp_path: Path, size: int, kept: bool
) -> None:
    body = "x" * size
    records = {"entries": hostile_records()["entries"]}
    records["entries"][0]["body"] = body
    imported = run("import", str(export_file(tmp_path / "big.json", records)))
    added = run("add", input=body)
    assert (imported.exit_code, added.exit_code) == ((0, 0) if kept else (2, 2))
    if not kept:
        assert "over 1 MB" in imported.output and "over 1 MB" in added.output
    assert len(stored(private_home, Entry)) == (2 if kept else 0)


# -- a private note's card -------------------------------------------------------------------


def test_a_card_of_a_private_note_needs_asking_for_as_a_share_does(private_home: Path) -> None:
    note = add_note(
        Store(private_home), Content(), kind="gratitude", text="Just for us.", private=True
    )
    before = disk_state(private_home)
    for command in ("card", "share"):
        refused = run(command, note.id)
        assert refused.exit_code == 2 and "marked private" in refused.output
        assert "--include-private" in refused.output
        assert not (private_home / "exports").exists() or not any(
            (private_home / "exports").iterdir()
        )
    assert disk_state(private_home) == before
    made = run("card", note.id, "-f", "txt", "--include-private")
    assert made.exit_code == 0, made.output
    [card] = (private_home / "exports").iterdir()
    assert "Just for us." in card.read_text(encoding="utf-8")


# -- jrnl's tags ----------------------------------------------------------------------------

JRNL_TAGS = ["@c++", "@work/home", "@a#b", "@Plus+One", "@café"]


def jrnl_with_tags(path: Path) -> Path:
    entries = [
        {
            "title": "Learning together",
            "body": "We read about @c++ at @work/home. @a#b @Plus+One @café",
            "date": "2026-11-20",
            "time": "21:05",
            "tags": JRNL_TAGS,
            "starred": False,
        }
    ]
    path.write_bytes(orjson.dumps({"tags": dict.fromkeys(JRNL_TAGS, 1), "entries": entries}))
    return path


SHOWN = "#c++ #work/home #a#b #plus+one #café"


def test_a_jrnl_journal_with_tags_jrnl_allows_comes_in_and_keeps_them(
    private_home: Path, tmp_path: Path
) -> None:
    result = run("import", str(jrnl_with_tags(tmp_path / "jrnl.json")))
    assert result.exit_code == 0, result.output
    [entry] = stored(private_home, Entry)
    assert entry.tags == ["c++", "work/home", "a#b", "plus+one", "café"]
    assert SHOWN in run("list").output
    assert f"tags: {SHOWN}" in run("show", entry.id).output
    assert "Learning together" in run("list", "--tag", "#c++", "--tag", "work/home").output
    for fmt in ("md", "txt", "json", "html"):
        exported = run("export", "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"))
        assert exported.exit_code == 0, exported.output
        text = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")
        for tag in entry.tags:
            assert tag in text, (fmt, tag)


async def test_the_journal_room_shows_jrnls_tags(welcomed: Path, tmp_path: Path) -> None:
    from hearthside.tui.app import make_app
    from hearthside.tui.widgets.entry_list import EntryList

    assert run("import", str(jrnl_with_tags(tmp_path / "jrnl.json"))).exit_code == 0
    app = make_app(home=welcomed, today=TODAY)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        [line] = app.screen.query_one(EntryList).lines()
        assert SHOWN in line
        await pilot.press("slash", *"#c++", "enter")
        await pilot.pause()
        assert app.screen.query_one(EntryList).lines() == [line]


# -- a spouse's name carrying escapes ----------------------------------------------------------

NAME = "Sam" + PAYLOADS["title"] + PAYLOADS["clipboard"]


def test_settings_with_a_spouse_name_carrying_escapes_are_refused(
    private_home: Path, tmp_path: Path
) -> None:
    run("list")
    before = disk_state(private_home)
    records = {"entries": hostile_records(text="plain")["entries"]}
    path = export_file(tmp_path / "settings.json", records, settings={"spouse_name": NAME})
    result = run("import", str(path))
    assert result.exit_code == 2 and "settings" in result.output
    assert "\x1b" not in result.output
    assert disk_state(private_home) == before


def edit_settings_by_hand(home: Path, **changes: Any) -> None:
    path = database_path(home)
    data = orjson.loads(path.read_bytes())
    data["settings"]["1"].update(changes)
    path.write_bytes(orjson.dumps(data))


async def test_a_spouse_name_edited_in_by_hand_reaches_no_template_card_or_title(
    welcomed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hearthside.tui.app import make_app

    edit_settings_by_hand(welcomed, spouse_name=NAME)

    # The template's gaps are filled in the editor, as a person at a terminal would.
    monkeypatch.setattr("hearthside.cli.context.stdin_is_interactive", lambda: True)
    monkeypatch.setattr(
        "hearthside.cli.context.edit_in_editor",
        lambda initial, kind="entry": initial.replace("___", "the soup"),
    )
    wrote = run("note", "gratitude", "--template", "1", input="")
    assert wrote.exit_code == 0, wrote.output
    [note] = stored(welcomed, Note)
    assert "\x1b" not in note.text
    assert run("card", note.id, "-f", "txt", "-o", str(tmp_path / "card.txt")).exit_code == 0
    assert "\x1b" not in (tmp_path / "card.txt").read_text(encoding="utf-8")
    assert run("card", note.id, "-f", "html", "-o", str(tmp_path / "card.html")).exit_code == 0
    assert "\x1b" not in (tmp_path / "card.html").read_text(encoding="utf-8")

    app = make_app(home=welcomed, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("3", "n")  # a new note: the composer fills its templates
        await pilot.pause()
        assert "\x1b" not in app.sub_title and "\x1b" not in app.title


# -- a home that can't be looked in ------------------------------------------------------


def test_a_journal_folder_that_cant_be_listed_is_said_so_not_taken_for_empty(
    private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("add", "By the river", "--date", "2026-11-20")
    real_scandir = os.scandir

    def refused(path: Path) -> Any:
        if Path(path) == private_home:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refused)
    result = run("list")
    assert result.exit_code == 2
    assert f"Couldn't look in the folder {private_home} (Permission denied)" in result.output
    assert "No entries" not in result.output
