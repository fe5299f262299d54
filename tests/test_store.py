"""The store keeps what it is given, refuses what it can't read, and stays private."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hearthside.domain.records import (
    Commitment,
    CommitmentStatus,
    Entry,
    Moment,
    Note,
    NoteStatus,
    PracticeLog,
)
from hearthside.errors import HearthsideError, StoreError
from hearthside.paths import backups_dir, database_path, journal_files, part_path
from hearthside.store import migrations
from hearthside.store.backups import BACKUPS_KEPT, list_backups
from hearthside.store.encryption.keys import Keyring
from hearthside.store.migrations import FORMAT_VERSION
from hearthside.store.parts import Part
from hearthside.store.restore import carry_out, plan_restore
from hearthside.store.store import Store
from hearthside.store.where import between, on_day
from tests.conftest import Clock, disk_state


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def this_year_file(home: Path, kind: str = "entries") -> Path:
    return part_path(home, f"{date.today().year}-{kind}")


def test_first_open_creates_a_private_home_and_file(private_home: Path) -> None:
    Store(private_home).close()
    assert mode(private_home) == 0o700
    assert mode(database_path(private_home)) == 0o600


def test_a_record_round_trips_with_ids_and_timestamps(store: Store, private_home: Path) -> None:
    saved = store.add(Entry(date="2026-11-24", title="Walk", body="We walked.", tags=["walk"]))
    assert len(saved.id) == 32
    assert saved.created[19:] in ("+00:00", "Z") or saved.created[19] in "+-"
    again = Store(private_home).get(Entry, saved.id)
    assert again == saved
    assert mode(this_year_file(private_home)) == 0o600


def test_statuses_are_words_on_disk_and_enumerated_in_records(
    store: Store, private_home: Path
) -> None:
    note = store.add(
        Note(kind="gratitude", text="Thanks", date="2026-11-24", status=NoteStatus.DELIVERED)
    )
    promise = store.add(Commitment(title="Walk", due="2026-11-24", status=CommitmentStatus.DONE))
    on_disk = this_year_file(private_home, "notes").read_text(encoding="utf-8")
    assert '"status":"delivered"' in on_disk.replace(" ", "")
    again = Store(private_home)
    assert again.get(Note, note.id).status is NoteStatus.DELIVERED
    assert again.get(Commitment, promise.id).status is CommitmentStatus.DONE


def test_records_live_in_the_file_of_their_kind_and_year(store: Store, private_home: Path) -> None:
    old = store.add(Entry(date="2019-03-01", body="old", created="2019-03-01T10:00:00+00:00"))
    new = store.add(Entry(date="2026-11-24", body="new"))
    old_file = part_path(private_home, "2019-entries")
    assert old.id in old_file.read_text()
    assert new.id not in old_file.read_text()
    before = old_file.read_bytes()
    store.save(new)
    # Saving this year's record leaves the old year's file alone.
    assert old_file.read_bytes() == before
    assert {e.id for e in Store(private_home).all(Entry)} == {old.id, new.id}


def test_lookup_by_prefix_and_clear_errors(store: Store) -> None:
    saved = store.add(Entry(date="2026-11-24", body="x"))
    assert store.get(Entry, saved.id[:6]).id == saved.id
    with pytest.raises(HearthsideError, match="No entry has the id"):
        store.get(Entry, "ffffffffff")


def test_soft_delete_hides_and_restore_brings_back(store: Store) -> None:
    saved = store.add(Entry(date="2026-11-24", body="x"))
    store.delete(saved)
    assert store.all(Entry) == []
    assert store.all(Entry, include_deleted=True)[0].deleted
    store.restore(saved)
    assert [e.id for e in store.all(Entry)] == [saved.id]


def test_a_trashed_record_is_not_found_when_trash_is_excluded(store: Store) -> None:
    saved = store.add(Entry(date="2026-11-24", body="x"))
    store.delete(saved)
    assert store.get(Entry, saved.id[:6]).deleted
    with pytest.raises(HearthsideError, match="No entry has the id"):
        store.get(Entry, saved.id, include_deleted=False)
    with pytest.raises(HearthsideError, match="No entry has the id"):
        store.get(Entry, saved.id[:6], include_deleted=False)


def test_records_are_picked_by_a_dated_field_as_stored(store: Store) -> None:
    for day in ("2026-11-23", "2026-11-24", "2026-11-25"):
        store.add(PracticeLog(practice="affection", date=day))
    picked = store.all(PracticeLog, where=between(date(2026, 11, 24)))
    assert sorted(log.date for log in picked) == ["2026-11-24", "2026-11-25"]
    assert [log.date for log in store.all(PracticeLog, where=on_day(date(2026, 11, 23)))] == [
        "2026-11-23"
    ]
    # A field the record doesn't have is a mistake in the asking, said plainly.
    with pytest.raises(ValueError, match="no field 'day'"):
        store.all(PracticeLog, where=on_day(date(2026, 11, 23), field="day"))


def test_purge_removes_for_good(store: Store, private_home: Path) -> None:
    saved = store.add(Entry(date="2026-11-24", body="x"))
    store.purge(saved)
    assert Store(private_home).all(Entry, include_deleted=True) == []


def test_every_kind_has_its_own_table(store: Store, private_home: Path) -> None:
    store.add(Entry(date="2026-11-24", body="x"))
    store.add(PracticeLog(practice="affection", date="2026-11-24"))
    store.add(Moment(date="2026-11-24", positive=True))
    for kind in ("entries", "practice_logs", "moments"):
        assert set(orjson.loads(this_year_file(private_home, kind).read_bytes())) == {kind}
    assert "meta" in orjson.loads(database_path(private_home).read_bytes())


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty"),
        (b'{"entries": {"1": {"id": "a", "bo', "cut short|not valid JSON"),
        (b"\x00\xffgarbage", "doesn't start like one|not valid JSON"),
        (b"[1, 2, 3]", "not a Hearthside journal"),
    ],
)
@pytest.mark.parametrize("which", ["main", "year"])
def test_a_damaged_file_is_refused_at_start_and_never_overwritten(
    private_home: Path, raw: bytes, problem: str, which: str
) -> None:
    Store(private_home).add(Entry(date="2026-11-24", body="x"))
    path = database_path(private_home) if which == "main" else this_year_file(private_home)
    path.write_bytes(raw)
    with pytest.raises(StoreError) as info:
        Store(private_home)
    message = str(info.value)
    assert str(path) in message and re.search(problem, message)
    assert "backup" in message
    assert path.read_bytes() == raw


def test_damage_inside_a_file_is_found_when_it_is_read(private_home: Path) -> None:
    Store(private_home).add(Entry(date="2026-11-24", body="x"))
    path = this_year_file(private_home)
    path.write_bytes(path.read_bytes().replace(b'"body"', b'"body'))
    store = Store(private_home)  # the quick look at start can't see inside
    with pytest.raises(StoreError, match="not valid JSON"):
        store.all(Entry)
    with pytest.raises(StoreError, match="not valid JSON"):
        store.read_everything()
    assert b'"body' in path.read_bytes()


def test_damaged_file_message_names_the_backup_and_restore_brings_it_back(
    private_home: Path, clock: Clock
) -> None:
    s = Store(private_home)
    kept = s.add(Entry(date="2026-11-24", body="keep me"))
    # The next day's first save backs up everything written before it.
    clock.today = date(2099, 1, 1)
    s.add(Entry(date="2026-11-25", body="second"))
    s.close()
    this_year_file(private_home).write_bytes(b"")
    with pytest.raises(StoreError, match="hearthside restore") as info:
        Store(private_home)
    assert "2099-01-01" in str(info.value)
    plan = plan_restore(private_home, Keyring())
    moved = carry_out(plan, Keyring())
    assert moved is not None and (moved / this_year_file(private_home).name).read_bytes() == b""
    restored = Store(private_home)
    assert kept.id in {e.id for e in restored.all(Entry)}
    assert plan.backup is not None and plan.backup.parent == backups_dir(private_home)


def test_a_newer_file_is_refused(private_home: Path) -> None:
    private_home.mkdir(parents=True)
    path = database_path(private_home)
    path.write_bytes(orjson.dumps({"meta": {"1": {"schema": 99}}}))
    with pytest.raises(StoreError, match="newer Hearthside"):
        Store(private_home)
    assert orjson.loads(path.read_bytes()) == {"meta": {"1": {"schema": 99}}}


def test_an_older_single_file_is_migrated_forward(private_home: Path) -> None:
    private_home.mkdir(parents=True)
    path = database_path(private_home)
    old = {
        "entries": {
            "1": {
                "id": "abc123abc123",
                "date": "2021-01-02",
                "body": "old",
                "created": "2021-01-02T09:00:00+00:00",
            },
            "2": {
                "id": "def456def456",
                "date": "2024-05-06",
                "body": "newer",
                "created": "2024-05-06T09:00:00+00:00",
            },
        },
        "settings": {"1": {"spouse_name": "Sam"}},
    }
    path.write_bytes(orjson.dumps(old))
    s = Store(private_home)
    entry = s.get(Entry, "abc123abc123")
    assert entry.body == "old" and entry.schema == 1 and entry.deleted_at is None
    assert s.settings().spouse_name == "Sam"
    assert [p.name for p in journal_files(private_home)] == [
        "hearthside.json",
        "hearthside-2021-entries.json",
        "hearthside-2024-entries.json",
    ]
    main = orjson.loads(path.read_bytes())
    assert main["meta"]["1"]["schema"] == FORMAT_VERSION and "entries" not in main


def test_migrations_run_in_order(private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def add_mood(files: migrations.Files) -> migrations.Files:
        for _key, tables in files.items():
            for doc in tables.get("entries", {}).values():
                doc["mood"] = "calm"
        return files

    Store(private_home).add(Entry(date="2026-01-02", body="x"))
    monkeypatch.setattr(migrations, "FORMAT_VERSION", FORMAT_VERSION + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, FORMAT_VERSION, add_mood)
    Store(private_home).close()
    assert (
        orjson.loads(database_path(private_home).read_bytes())["meta"]["1"]["schema"]
        == FORMAT_VERSION + 1
    )
    data = orjson.loads(this_year_file(private_home).read_bytes())
    assert all(doc["mood"] == "calm" for doc in data["entries"].values())


def test_a_backup_on_the_first_write_of_each_day_keeping_fourteen(
    store: Store, private_home: Path, clock: Clock
) -> None:
    store.add(Entry(date="2026-11-01", body="first"))
    for day in range(1, 20):
        clock.today = date(2099, 10, day)
        store.add(Entry(date="2026-11-01", body=f"day {day}"))
        store.add(Entry(date="2026-11-01", body=f"day {day} again"))
    kept = list_backups(private_home)
    assert len(kept) == BACKUPS_KEPT
    assert kept[0].name == "2099-10-19"
    assert all(mode(f) == 0o600 for b in kept for f in b.iterdir())
    assert mode(backups_dir(private_home)) == 0o700
    # Each backup holds that day's starting state, whatever was saved later.
    day_19 = orjson.loads((kept[0] / this_year_file(private_home).name).read_bytes())
    assert sum(d["body"] == "day 18 again" for d in day_19["entries"].values()) == 1
    assert all("day 19" not in d["body"] for d in day_19["entries"].values())


def test_each_backup_can_mend_a_damaged_file(
    store: Store, private_home: Path, clock: Clock
) -> None:
    for day in range(1, 4):
        clock.today = date(2099, 10, day)
        store.add(Entry(date="2026-11-01", body=f"day {day}"))
    for count, backup in enumerate(sorted(list_backups(private_home))):
        this_year_file(private_home).write_bytes(b"{torn")
        carry_out(plan_restore(private_home, Keyring(), backup), Keyring())
        assert len(Store(private_home).all(Entry)) == count


def test_a_second_process_sees_changes_and_neither_loses_records(
    store: Store, private_home: Path
) -> None:
    other = Store(private_home)
    a = store.add(Entry(date="2026-11-24", body="from the app"))
    b = other.add(Entry(date="2026-11-24", body="from the cli"))
    assert store.refresh()
    assert {e.id for e in store.all(Entry)} == {a.id, b.id}
    c = store.add(Entry(date="2026-11-24", body="app again"))
    assert {e.id for e in Store(private_home).all(Entry)} == {a.id, b.id, c.id}


def test_a_failed_save_leaves_memory_and_disk_agreeing(
    store: Store, private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = store.add(Entry(date="2026-11-24", body="kept"))
    before = disk_state(private_home)

    def disk_full(*_args: object, **_kw: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StoreError, match="No space left"):
        store.add(Entry(date="2026-11-24", body="lost?"))
    monkeypatch.undo()
    assert disk_state(private_home) == before
    assert [e.id for e in store.all(Entry)] == [kept.id]
    assert not list(private_home.glob(".hearthside-*.tmp"))


def test_leftover_temp_files_are_cleaned_at_start(private_home: Path) -> None:
    Store(private_home).add(Entry(date="2026-11-24", body="x"))
    leftover = private_home / ".hearthside-abc.tmp"
    leftover.write_bytes(b"half a file")
    Store(private_home).close()
    assert not leftover.exists()


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(title=st.text(max_size=200), body=st.text(min_size=1, max_size=2000))
def test_any_unicode_round_trips(private_home: Path, title: str, body: str) -> None:
    s = Store(private_home)
    saved = s.add(Entry(date="2026-11-24", title=title, body=body))
    assert Store(private_home).get(Entry, saved.id) == saved


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from hearthside.domain.records import Entry
    from hearthside.store.store import Store
    home, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    store = Store(home)
    for i in range(count):
        saved = store.add(Entry(date="2026-11-24", body=f"{tag} {i}"))
        print(saved.id, flush=True)
    """
)


def test_two_writer_processes_lose_nothing(private_home: Path) -> None:
    Store(private_home).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(private_home), tag, "250"],
            stdout=subprocess.PIPE,
            text=True,
        )
        for tag in ("left", "right")
    ]
    reported: set[str] = set()
    for proc in procs:
        out, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0
        reported |= set(out.split())
    assert len(reported) == 500
    assert {e.id for e in Store(private_home).all(Entry)} == reported


def test_adding_many_records_goes_over_each_table_once_not_once_a_record(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import of a decade's 85,000 records took over a minute: each one inserted
    went over its whole table again (TinyDB's insert, and the store's own listing)."""
    from tinydb.table import Table

    passes: list[str] = []
    rewrite, listing = Table._update_table, Part.records

    def counted_rewrite(
        self: Table, updater: Callable[[dict[int, Mapping[str, Any]]], None]
    ) -> None:
        passes.append("rewrite")
        rewrite(self, updater)

    def counted_listing(self: Part, kind: str) -> object:
        passes.append("listing")
        return listing(self, kind)

    monkeypatch.setattr(Table, "_update_table", counted_rewrite)
    monkeypatch.setattr(Part, "records", counted_listing)
    entries = [
        Entry(date="2026-11-20", body=f"day {n}", created="2026-11-20T10:00:00+00:00")
        for n in range(500)
    ]
    store.add_many([*entries, Moment(date="2026-11-20", positive=True)])
    # One pass for each table added to (and one for the main file's list of files).
    assert passes.count("rewrite") <= 3 and passes.count("listing") <= 2, passes
    assert len(Store(store.home).all(Entry)) == 500
