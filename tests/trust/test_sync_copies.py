"""A sync tool's conflict copy of a journal file: merged in record by record, or refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from hearthside.domain.records import Entry, Note
from hearthside.domain.settings import Settings
from hearthside.paths import journal_files
from hearthside.store.conflicts import Merged, Refused
from hearthside.store.encryption import cipher, keys
from hearthside.store.store import Store
from hearthside.store.sync_copies import original_name
from tests.conftest import disk_state, run, stored

ENTRIES = "hearthside-2026-entries.json"
SYNCTHING_COPY = "hearthside-2026-entries.sync-conflict-20261124-213005-7QKJ2PD.json"


@pytest.mark.parametrize(
    ("name", "original"),
    [
        (SYNCTHING_COPY, ENTRIES),
        ("hearthside.sync-conflict-20261124-213005-ABCDEF1.json", "hearthside.json"),
        ("hearthside-2026-entries (Ana's conflicted copy 2026-11-24).json", ENTRIES),
        ("hearthside-2026-entries (Ana's conflicted copy 2026-11-24 (1)).json", ENTRIES),
        ("hearthside-2026-entries (Ana's conflicted copy 2026-11-24) (2).json", ENTRIES),
        (
            "hearthside-2026-notes (conflicted copy 2026-11-24 213005).json",
            "hearthside-2026-notes.json",
        ),
        ("hearthside (Conflicted Copy 2026-11-24 213005).json", "hearthside.json"),
    ],
)
def test_each_sync_tools_conflict_copy_is_known_by_its_name(name: str, original: str) -> None:
    assert original_name(name) == original


@pytest.mark.parametrize(
    "name",
    [
        ENTRIES,
        "hearthside.json",
        # An export, and copies of files that are not the journal's.
        "hearthside-2026-11-25.json",
        "hearthside-2026-11-25.sync-conflict-20261124-213005-7QKJ2PD.json",
        "notes.sync-conflict-20261124-213005-7QKJ2PD.json",
        ".written.sync-conflict-20261124-213005-7QKJ2PD",
        "encryption.sync-conflict-20261124-213005-7QKJ2PD.json",
        # Almost Syncthing's name: a short date, a lower-case or short device id, no .json.
        "hearthside-2026-entries.sync-conflict-2026112-213005-7QKJ2PD.json",
        "hearthside-2026-entries.sync-conflict-20261124-213005-7qkj2pd.json",
        "hearthside-2026-entries.sync-conflict-20261124-213005-7QKJ.json",
        "hearthside-2026-entries.json.sync-conflict-20261124-213005-7QKJ2PD",
        "hearthside-2026-entries.sync-conflict-20261124-213005-7QKJ2PD.json.tmp",
        # Almost another tool's: a plain copy, no space before the bracket, an old layout.
        "hearthside-2026-entries (copy).json",
        "hearthside-2026-entries(Ana's conflicted copy 2026-11-24).json",
        "hearthside-2026 (Ana's conflicted copy 2026-11-24).json",
        ".syncthing.hearthside-2026-entries.json.tmp",
        "~syncthing~hearthside-2026-entries.json.tmp",
    ],
)
def test_other_names_are_not_taken_for_conflict_copies(name: str) -> None:
    assert original_name(name) is None


def entries_file(home: Path) -> Path:
    return home / ENTRIES


def other_computer(home: Path, *bodies: str) -> Path:
    """A second computer's copy of the journal at ``home``, with entries of its own."""
    other = home.parent / "other"
    shutil.copytree(home, other)
    store = Store(other)
    for body in bodies:
        store.add(Entry(date="2026-11-24", body=body))
    store.close()
    return other


@pytest.mark.parametrize(
    "copy_name",
    [SYNCTHING_COPY, "hearthside-2026-entries (Ana's conflicted copy 2026-11-24).json"],
)
def test_records_only_in_a_conflict_copy_are_merged_when_the_journal_opens(
    private_home: Path, copy_name: str
) -> None:
    store = Store(private_home)
    store.add(Entry(date="2026-11-20", body="on both"))
    store.close()
    other = other_computer(private_home, "on the laptop", "and another")
    Store(private_home).add(Entry(date="2026-11-24", body="on the desktop"))
    shutil.copy(entries_file(other), private_home / copy_name)

    result = run("list")
    assert result.exit_code == 0, result.output
    assert "hearthside: Merged 2 records from a copy your sync tool made" in result.stderr
    assert "laptop" not in result.stderr and "desktop" not in result.stderr
    assert sorted(e.body for e in stored(private_home, Entry)) == [
        "and another",
        "on both",
        "on the desktop",
        "on the laptop",
    ]
    assert not (private_home / copy_name).exists()
    [kept] = (private_home / "conflicts").iterdir()
    assert sorted(p.name for p in kept.iterdir()) == [f"ours-{ENTRIES}", f"theirs-{ENTRIES}"]
    # Merged once: opening again finds nothing more to do and changes nothing.
    before = disk_state(private_home)
    again = run("list")
    assert again.stderr == "" and disk_state(private_home) == before


def test_a_copy_holding_nothing_new_is_folded_in_and_said_plainly(private_home: Path) -> None:
    store = Store(private_home)
    store.add(Entry(date="2026-11-20", body="on both"))
    store.close()
    shutil.copy(entries_file(private_home), private_home / SYNCTHING_COPY)

    result = run("list")
    assert result.exit_code == 0, result.output
    assert "held nothing this journal didn't have" in result.stderr
    assert "Merged 0" not in result.stderr
    assert not (private_home / SYNCTHING_COPY).exists()
    assert [e.body for e in stored(private_home, Entry)] == ["on both"]


def test_a_copy_of_the_main_file_brings_the_newer_settings(private_home: Path) -> None:
    Store(private_home).save_settings(Settings(spouse_name="Sam", welcomed=True))
    other = other_computer(private_home)
    Store(other).save_settings(Settings(spouse_name="Samira", welcomed=True))
    Store(private_home).add(Note(kind="gratitude", text="for the soup", date="2026-11-24"))
    shutil.copy(other / "hearthside.json", private_home / "hearthside (conflicted copy).json")
    store = Store(private_home)
    assert store.settings().spouse_name == "Samira"
    assert [n.text for n in store.all(Note)] == ["for the soup"]
    assert not (private_home / "hearthside (conflicted copy).json").exists()


def test_a_copy_of_a_file_this_computer_never_had_becomes_that_file(private_home: Path) -> None:
    Store(private_home).add(Entry(date="2026-11-20", body="on both"))
    other = other_computer(private_home)
    Store(other).add(Note(kind="gratitude", text="made on the laptop", date="2026-11-24"))
    notes = "hearthside-2026-notes.json"
    shutil.copy(
        other / notes,
        private_home / notes.replace(".json", ".sync-conflict-20261124-213005-ABCDEF1.json"),
    )
    store = Store(private_home)
    [merged] = store.take_conflicts()
    assert isinstance(merged, Merged) and merged.taken == 1
    assert [n.text for n in store.all(Note)] == ["made on the laptop"]


def test_an_encrypted_journals_copy_is_opened_merged_and_sealed_again(
    private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(private_home).add(Entry(date="2026-11-20", body="the lighthouse"))
    passphrase = "correct-horse-battery"
    assert run("encrypt", input=f"{passphrase}\n{passphrase}\n").exit_code == 0
    monkeypatch.setenv(keys.PASSPHRASE_ENV, passphrase)
    other = other_computer(private_home, "the orchard")
    Store(private_home).add(Entry(date="2026-11-24", body="the riverbank"))
    shutil.copy(entries_file(other), private_home / SYNCTHING_COPY)

    store = Store(private_home)
    [merged] = store.take_conflicts()
    assert isinstance(merged, Merged) and merged.taken == 1
    assert sorted(e.body for e in store.all(Entry)) == [
        "the lighthouse",
        "the orchard",
        "the riverbank",
    ]
    store.close()
    assert not (private_home / SYNCTHING_COPY).exists()
    # Every file written, the kept versions too, is sealed; no word reaches the disk plain.
    for path in [entries_file(private_home), *merged.kept.iterdir()]:
        data = path.read_bytes()
        assert cipher.is_sealed(data) and b"orchard" not in data and b"riverbank" not in data
    assert sorted(e.body for e in stored(private_home, Entry)) == [
        "the lighthouse",
        "the orchard",
        "the riverbank",
    ]


HOSTILE = {
    "not JSON": b'{"entries": {"1": {"body": "cut sh',
    "JSON, not a journal": b"[1, 2, 3]",
    "a record that breaks the rules": orjson.dumps({"entries": {"1": {"id": "x", "body": 5}}}),
    "another kind's table": orjson.dumps({"notes": {}, "entries": {}}),
    "empty": b"",
}


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_copy_that_cant_be_trusted_is_left_alone_and_the_user_told(
    private_home: Path, content: bytes
) -> None:
    Store(private_home).add(Entry(date="2026-11-20", body="safe"))
    copy = private_home / SYNCTHING_COPY
    copy.write_bytes(content)
    before = disk_state(private_home)

    result = run("list")
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert f"hearthside: A copy your sync tool made, {SYNCTHING_COPY}, can't be merged" in (
        result.stderr
    )
    assert "nothing was taken from it" in result.stderr
    assert copy.read_bytes() == content and disk_state(private_home) == before
    assert [e.body for e in stored(private_home, Entry)] == ["safe"]


def test_a_copy_from_another_version_of_hearthside_is_refused(private_home: Path) -> None:
    Store(private_home).add(Entry(date="2026-11-20", body="safe"))
    main = orjson.loads((private_home / "hearthside.json").read_bytes())
    main["meta"]["1"]["schema"] = 99
    copy = private_home / "hearthside.sync-conflict-20261124-213005-ABCDEF1.json"
    copy.write_bytes(orjson.dumps(main))
    store = Store(private_home)
    [refused] = store.take_conflicts()
    assert isinstance(refused, Refused) and "another version of Hearthside" in refused.problem
    assert copy.exists()


def test_a_folder_or_a_link_by_a_copys_name_is_refused(private_home: Path) -> None:
    Store(private_home).add(Entry(date="2026-11-20", body="safe"))
    (private_home / SYNCTHING_COPY).mkdir()
    (private_home / "hearthside (Ana's conflicted copy).json").symlink_to("/etc/passwd")
    store = Store(private_home)
    problems = [e for e in store.take_conflicts() if isinstance(e, Refused)]
    assert len(problems) == 2
    assert [e.body for e in store.all(Entry)] == ["safe"]


def test_a_refused_copy_is_told_once_and_tried_again_when_it_changes(private_home: Path) -> None:
    store = Store(private_home)
    store.add(Entry(date="2026-11-20", body="safe"))
    copy = private_home / SYNCTHING_COPY
    copy.write_bytes(b"not yet whole")
    assert store.refresh()
    assert [type(e) for e in store.take_conflicts()] == [Refused]
    # The app looks every two seconds: an unchanged refused copy is not news.
    assert not store.refresh() and store.take_conflicts() == []
    other = other_computer(private_home, "arrived whole")
    shutil.copy(entries_file(other), copy)
    assert store.refresh()
    assert [type(e) for e in store.take_conflicts()] == [Merged]
    assert sorted(e.body for e in store.all(Entry)) == ["arrived whole", "safe"]


def test_the_journal_files_are_the_only_ones_merged(private_home: Path) -> None:
    Store(private_home).add(Entry(date="2026-11-20", body="safe"))
    export_copy = private_home / "hearthside-2026-11-25.sync-conflict-20261124-213005-7QKJ2PD.json"
    export_copy.write_bytes(b"{}")
    assert Store(private_home).take_conflicts() == [] and export_copy.exists()
    assert journal_files(private_home)[-1].name == ENTRIES


def test_an_encrypted_file_changed_underneath_is_merged_and_stays_sealed(
    private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(private_home).add(Entry(date="2026-11-20", body="the lighthouse"))
    passphrase = "correct-horse-battery"
    assert run("encrypt", input=f"{passphrase}\n{passphrase}\n").exit_code == 0
    monkeypatch.setenv(keys.PASSPHRASE_ENV, passphrase)
    other = other_computer(private_home, "the orchard")
    open_here = Store(private_home)
    open_here.add(Entry(date="2026-11-24", body="the riverbank"))
    # The sync tool brings the other computer's sealed file in place of this one's.
    entries_file(other).replace(entries_file(private_home))
    assert open_here.refresh()
    [merged] = open_here.take_conflicts()
    assert isinstance(merged, Merged) and merged.copy is None and merged.taken == 1
    assert sorted(e.body for e in open_here.all(Entry)) == [
        "the lighthouse",
        "the orchard",
        "the riverbank",
    ]
    for path in [entries_file(private_home), *merged.kept.iterdir()]:
        data = path.read_bytes()
        assert cipher.is_sealed(data) and b"orchard" not in data and b"riverbank" not in data
