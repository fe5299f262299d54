"""The store keeps what it is given, refuses what it can't read, and stays private."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hearthside import store as store_module
from hearthside.errors import HearthsideError, StoreError
from hearthside.model import Entry, Moment, PracticeLog
from hearthside.paths import backups_dir, database_path
from hearthside.store import BACKUPS_KEPT, Store, list_backups, restore_backup


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_first_open_creates_a_private_home_and_file(private_home: Path) -> None:
    Store(private_home).close()
    assert mode(private_home) == 0o700
    assert mode(database_path(private_home)) == 0o600


def test_a_record_round_trips_with_ids_and_timestamps(store: Store, private_home: Path) -> None:
    saved = store.add(Entry(date="2026-11-24", title="Walk", body="We walked.", tags=["walk"]))
    assert len(saved.id) == 32
    assert (
        saved.created.endswith(("+00:00", "Z")) or "+" in saved.created or "-" in saved.created[19:]
    )
    again = Store(private_home).get(Entry, saved.id)
    assert again == saved


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


def test_purge_removes_for_good(store: Store, private_home: Path) -> None:
    saved = store.add(Entry(date="2026-11-24", body="x"))
    store.purge(saved)
    assert Store(private_home).all(Entry, include_deleted=True) == []


def test_every_kind_has_its_own_table(store: Store, private_home: Path) -> None:
    store.add(Entry(date="2026-11-24", body="x"))
    store.add(PracticeLog(practice="affection", date="2026-11-24"))
    store.add(Moment(date="2026-11-24", positive=True))
    data = orjson.loads(database_path(private_home).read_bytes())
    assert {"entries", "practice_logs", "moments", "meta"} <= set(data)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty"),
        (b'{"entries": {"1": {"id": "a", "bo', "not valid JSON"),
        (b"\x00\xffgarbage", "not valid JSON"),
        (b"[1, 2, 3]", "not a Hearthside journal"),
    ],
)
def test_a_damaged_file_is_refused_and_never_overwritten(
    private_home: Path, raw: bytes, problem: str
) -> None:
    private_home.mkdir(parents=True)
    path = database_path(private_home)
    path.write_bytes(raw)
    with pytest.raises(StoreError) as info:
        Store(private_home)
    message = str(info.value)
    assert str(path) in message and problem in message
    assert "backup" in message
    assert path.read_bytes() == raw


def test_damaged_file_message_names_the_backup_and_restore_brings_it_back(
    private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = Store(private_home)
    kept = s.add(Entry(date="2026-11-24", body="keep me"))
    # The next day's first save backs up everything written before it.
    monkeypatch.setattr(store_module, "backup_day", lambda: "2099-01-01")
    s.add(Entry(date="2026-11-25", body="second"))
    s.close()
    database_path(private_home).write_bytes(b"")
    with pytest.raises(StoreError, match="hearthside restore") as info:
        Store(private_home)
    assert "backups" in str(info.value)
    used, moved = restore_backup(private_home)
    assert moved is not None and moved.read_bytes() == b""
    restored = Store(private_home)
    assert kept.id in {e.id for e in restored.all(Entry)}
    assert used.parent == backups_dir(private_home)


def test_a_newer_file_is_refused(private_home: Path) -> None:
    private_home.mkdir(parents=True)
    path = database_path(private_home)
    path.write_bytes(orjson.dumps({"meta": {"1": {"schema": 99}}}))
    with pytest.raises(StoreError, match="newer Hearthside"):
        Store(private_home)
    assert orjson.loads(path.read_bytes()) == {"meta": {"1": {"schema": 99}}}


def test_an_older_file_is_migrated_forward(private_home: Path) -> None:
    private_home.mkdir(parents=True)
    path = database_path(private_home)
    old = {"entries": {"1": {"id": "abc123abc123", "date": "2026-01-02", "body": "old"}}}
    path.write_bytes(orjson.dumps(old))
    s = Store(private_home)
    entry = s.get(Entry, "abc123abc123")
    assert entry.body == "old" and entry.schema == 1 and entry.deleted_at is None
    assert orjson.loads(path.read_bytes())["meta"]["1"]["schema"] == 1


def test_migrations_run_in_order(private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def add_mood(data: dict) -> dict:  # type: ignore[type-arg]
        for doc in data.get("entries", {}).values():
            doc["mood"] = "calm"
        return data

    Store(private_home).add(Entry(date="2026-01-02", body="x"))
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(store_module.MIGRATIONS, 1, add_mood)
    Store(private_home).close()
    data = orjson.loads(database_path(private_home).read_bytes())
    assert data["meta"]["1"]["schema"] == 2
    assert all(doc["mood"] == "calm" for doc in data["entries"].values())


def test_a_backup_on_the_first_write_of_each_day_keeping_fourteen(
    store: Store, private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(Entry(date="2026-11-01", body="first"))
    for day in range(1, 20):
        monkeypatch.setattr(store_module, "backup_day", lambda d=day: f"2099-10-{d:02d}")
        store.add(Entry(date="2026-11-01", body=f"day {day}"))
        store.add(Entry(date="2026-11-01", body=f"day {day} again"))
    backups = list_backups(private_home)
    assert len(backups) == BACKUPS_KEPT
    assert backups[0].name == "hearthside-2099-10-19.json"
    assert all(mode(b) == 0o600 for b in backups)
    assert mode(backups_dir(private_home)) == 0o700


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
    before = database_path(private_home).read_bytes()

    def disk_full(*_args: object, **_kw: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StoreError, match="No space left"):
        store.add(Entry(date="2026-11-24", body="lost?"))
    monkeypatch.undo()
    assert database_path(private_home).read_bytes() == before
    assert [e.id for e in store.all(Entry)] == [kept.id]
    assert not list(private_home.glob(".hearthside-*.tmp"))


def test_leftover_temp_files_are_cleaned_at_start(private_home: Path) -> None:
    Store(private_home).add(Entry(date="2026-11-24", body="x"))
    leftover = private_home / ".hearthside-abc.tmp"
    leftover.write_bytes(b"half a file")
    # An older file needs migrating, which runs the start-up tidy under the lock.
    path = database_path(private_home)
    data = orjson.loads(path.read_bytes())
    del data["meta"]
    path.write_bytes(orjson.dumps(data))
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
    from hearthside.model import Entry
    from hearthside.store import Store
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


def test_a_trashed_record_is_not_found_when_trash_is_excluded(store: Store) -> None:
    saved = store.add(Entry(date="2026-11-24", body="x"))
    store.delete(saved)
    assert store.get(Entry, saved.id[:6]).deleted
    with pytest.raises(HearthsideError, match="No entry has the id"):
        store.get(Entry, saved.id, include_deleted=False)
    with pytest.raises(HearthsideError, match="No entry has the id"):
        store.get(Entry, saved.id[:6], include_deleted=False)
