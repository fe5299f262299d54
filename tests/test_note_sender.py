"""A received note knows who sent it: migrated from the old "from NAME", imported,
and shown as "from NAME" by the command line and the app."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
import pytest

from hearthside.domain.records import SCHEMA_VERSION, Note, NoteStatus
from hearthside.domain.upgrades import upgrade_doc
from hearthside.errors import HearthsideError
from hearthside.paths import database_path, part_path
from hearthside.services.exchange.exporting.archive import FORMAT_NAME, FORMAT_VERSION
from hearthside.services.exchange.importing.importer import import_file
from hearthside.services.exchange.sharing import share_notes
from hearthside.services.notes import add_note
from hearthside.store import migrations
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import disk_state, run, stored


def received(how: Any, **more: Any) -> dict[str, Any]:
    """A received note's document as a schema 1 journal kept it."""
    return {
        "id": "abcdef0123456789",
        "kind": "gratitude",
        "text": "Thank you for the tea.",
        "date": "2026-11-20",
        "status": "received",
        "delivered_how": how,
        "schema": 1,
        **more,
    }


def migrated(doc: Any) -> Any:
    files: migrations.Files = {"": {"meta": {}}, "2026-notes": {"notes": {"1": doc}}}
    return migrations.MIGRATIONS[3](files)["2026-notes"]["notes"]["1"]


def test_the_sender_moves_out_of_delivered_how() -> None:
    doc = migrated(received("from  Sam "))
    assert (doc["sender"], doc["delivered_how"], doc["schema"]) == ("Sam", None, SCHEMA_VERSION)


def test_the_migration_is_idempotent() -> None:
    once = migrated(received("from Sam"))
    assert migrated(copy.deepcopy(once)) == once


def test_notes_of_your_own_keep_how_they_were_handed_over() -> None:
    doc = received("said aloud", status="delivered")
    assert migrated(copy.deepcopy(doc)) == {**doc, "sender": None, "schema": SCHEMA_VERSION}


@pytest.mark.parametrize(
    "how",
    [
        None,
        42,
        ["from Sam"],
        "from ",
        "from \x1b[31mSam",
        "from " + "S" * 200,
        "said aloud",
    ],
)
def test_odd_or_hostile_values_are_left_as_they_were(how: Any) -> None:
    doc = migrated(received(how))
    assert doc["delivered_how"] == how and doc["sender"] is None


@pytest.mark.parametrize("doc", [None, "a note", 7, [], {"status": 3, "delivered_how": "from X"}])
def test_a_document_that_is_not_a_note_is_left_alone(doc: Any) -> None:
    assert migrated(copy.deepcopy(doc)) == doc


def test_a_sender_already_there_is_kept() -> None:
    doc = upgrade_doc(Note, received("from Sam", sender="Alex"))
    assert doc["sender"] == "Alex"


def test_a_journal_of_the_old_format_is_migrated_on_opening(private_home: Path) -> None:
    store = Store(private_home)
    note = store.add(
        Note(
            kind="gratitude",
            text="x",
            date="2026-11-20",
            status=NoteStatus.RECEIVED,
            delivered_how="-",
        )
    )
    store.close()
    # Put the files back as format 3 wrote them.
    main = orjson.loads(database_path(private_home).read_bytes())
    main["meta"]["1"]["schema"] = 3
    database_path(private_home).write_bytes(orjson.dumps(main))
    notes_file = part_path(private_home, f"{note.created[:4]}-notes")
    part = orjson.loads(notes_file.read_bytes())
    [doc] = part["notes"].values()
    del doc["sender"]
    doc.update(delivered_how="from Sam", schema=1)
    notes_file.write_bytes(orjson.dumps(part))
    [again] = stored(private_home, Note)
    assert (again.sender, again.delivered_how) == ("Sam", None)
    meta = orjson.loads(database_path(private_home).read_bytes())["meta"]["1"]
    assert meta["schema"] == migrations.FORMAT_VERSION
    assert "from Sam" in run("notes").output


def test_a_shared_note_arrives_with_its_sender(
    store: Store, content: Content, tmp_path: Path
) -> None:
    note = add_note(store, content, kind="gratitude", text="Thank you for Sunday.")
    bundle = share_notes(store, [note.id], sender="Alex")
    spouse_home = tmp_path / "spouse"
    assert run("--home", str(spouse_home), "import", str(bundle.data)).exit_code == 0
    [got] = stored(spouse_home, Note)
    assert (got.sender, got.delivered_how, got.status) == ("Alex", None, "received")
    listed = run("--home", str(spouse_home), "notes").output
    assert "Thank you for Sunday." in listed and "received from Alex" in listed
    # Its card is signed by the one who wrote it.
    card = tmp_path / "card.txt"
    run("--home", str(spouse_home), "card", got.short_id, "--format", "txt", "-o", str(card))
    assert "\n— Alex\n" in card.read_text()


def export_file(tmp_path: Path, note: dict[str, Any], schema: int = SCHEMA_VERSION) -> Path:
    path = tmp_path / "export.json"
    doc = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "schema": schema,
        "records": {"notes": [note]},
    }
    path.write_bytes(orjson.dumps(doc))
    return path


def test_an_older_export_brings_its_senders_along(store: Store, tmp_path: Path) -> None:
    import_file(store, export_file(tmp_path, received("from Sam"), schema=1))
    [note] = store.all(Note)
    assert (note.sender, note.delivered_how) == ("Sam", None)


@pytest.mark.parametrize("sender", ["S" * 81, "Sam\x1b]0;owned\x07", "Sam\nAlex", 12, ["Sam"]])
def test_a_hostile_sender_is_refused_by_name(store: Store, tmp_path: Path, sender: Any) -> None:
    path = export_file(tmp_path, received(None, sender=sender, schema=SCHEMA_VERSION))
    with pytest.raises(HearthsideError, match="'sender'") as refused:
        import_file(store, path)
    assert "owned" not in str(refused.value)
    assert store.all(Note) == []


def test_a_note_handed_to_you_is_recorded_with_its_sender(private_home: Path) -> None:
    result = run("note", "compliment", "You make me laugh", "--from", " Sam ")
    assert result.exit_code == 0 and "from Sam" in result.output
    [note] = stored(private_home, Note)
    assert (note.status, note.sender, note.delivered_how) == ("received", "Sam", None)
    assert "received from Sam" in run("notes").output


@pytest.mark.parametrize("name", ["S" * 81, "Sam\x1b[2J", "", "  "])
def test_a_bad_sender_is_refused_and_nothing_is_written(private_home: Path, name: str) -> None:
    run("add", "so the journal exists")
    before = disk_state(private_home)
    result = run("note", "compliment", "Hi there", "--from", name)
    assert result.exit_code == 2 and "name" in result.output and "\x1b" not in result.output
    assert disk_state(private_home) == before
