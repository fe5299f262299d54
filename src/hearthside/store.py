"""The journal store: one TinyDB file, one table per kind, safe for two processes.

Writes are serialised by an advisory lock that is held only while writing, so the
app can stay open in one terminal while ``hearthside log hug`` runs in another.
A writer that finds the file changed since it last read it reloads before
applying its change, so neither side loses the other's records. The kernel drops
the lock when a process dies, so a killed writer never leaves the journal locked.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.table import Document

from hearthside import dates
from hearthside.config import Settings
from hearthside.errors import HearthsideError, StoreError
from hearthside.model import SCHEMA_VERSION, R, Record
from hearthside.paths import (
    FILE_MODE,
    backups_dir,
    database_path,
    ensure_private_dir,
    lock_path,
)
from hearthside.storage import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    AtomicJSONStorage,
    CorruptDatabase,
    decode_database,
    disk_signature,
    write_atomically,
)

BACKUPS_KEPT = 14
LOCK_TIMEOUT = 10.0
META_TABLE = "meta"
SETTINGS_TABLE = "settings"
BACKUP_PREFIX = "hearthside-"

Migration = Callable[[dict[str, dict[str, Any]]], dict[str, dict[str, Any]]]


def _stamp_schema(data: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Version 0 files (no meta table) get a schema number on every record."""
    for name, table in data.items():
        if name in (META_TABLE, SETTINGS_TABLE):
            continue
        for doc in table.values():
            doc.setdefault("schema", 1)
            doc.setdefault("deleted_at", None)
    return data


# MIGRATIONS[n] turns a version-n file into a version n+1 file.
MIGRATIONS: dict[int, Migration] = {0: _stamp_schema}


def backup_day() -> str:
    """The day a backup is named for (a seam for tests that travel in time)."""
    return date.today().isoformat()


def list_backups(home: Path) -> list[Path]:
    """Backups, newest first (their names sort by date)."""
    folder = backups_dir(home)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{BACKUP_PREFIX}*.json") if p.is_file()]
    return sorted(found, reverse=True)


def newest_good_backup(home: Path) -> Path | None:
    for backup in list_backups(home):
        try:
            decode_database(backup.read_bytes(), backup)
        except (OSError, CorruptDatabase):
            continue
        return backup
    return None


def corrupt_advice(home: Path, exc: CorruptDatabase) -> StoreError:
    backup = newest_good_backup(home)
    if backup is None:
        advice = (
            "It has been left exactly as it is. There is no backup to restore from yet; "
            "if you have a copy elsewhere, put it back at that path."
        )
    else:
        advice = (
            f"It has been left exactly as it is. Your newest good backup is {backup}. "
            "To bring it back, run: hearthside restore"
        )
    return StoreError(f"{exc} {advice}")


class FileLock:
    """An advisory lock on ``.lock`` in the home, released by the kernel if we die."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, timeout: float = LOCK_TIMEOUT) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreError(
                        f"Another Hearthside has been saving for over {timeout:.0f} s and "
                        "still holds the journal. Nothing was written; wait a moment and "
                        "try again, or run `hearthside doctor`."
                    ) from None
                time.sleep(0.01)
        # The pid is only for `doctor` to report; the kernel lock is what counts.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def holder(self) -> str | None:
        """Who holds the lock right now, or None when it is free."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.read(fd, 32).decode(errors="replace").strip()
            return f"process {pid}" if pid else "another process"
        finally:
            os.close(fd)
        return None


class Store:
    """All reading and writing of the journal file goes through here."""

    def __init__(self, home: Path) -> None:
        self.home = ensure_private_dir(home)
        self.path = database_path(self.home)
        self._lock = FileLock(lock_path(self.home))
        self._mutex = threading.RLock()
        self._depth = 0
        self._index: dict[str, dict[str, int]] = {}
        self._db = self._load()
        self._prepare()

    # -- opening -------------------------------------------------------------

    def _load(self) -> TinyDB:
        db = TinyDB(self.path, storage=CachingMiddleware(AtomicJSONStorage))  # type: ignore[no-untyped-call]
        try:
            db.storage.read()  # eagerly, so a damaged file is reported here and nowhere else
        except CorruptDatabase as exc:
            raise corrupt_advice(self.home, exc) from None
        self._index.clear()
        return db

    @property
    def _cache(self) -> Any:
        # TinyDB's CachingMiddleware is untyped; this is the one place that touches it.
        return self._db.storage

    @property
    def _storage(self) -> AtomicJSONStorage:
        return cast(AtomicJSONStorage, self._cache.storage)

    def _prepare(self) -> None:
        version = self._schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The journal at {self.path} was written by a newer Hearthside "
                f"(format {version}; this one reads up to {SCHEMA_VERSION}). Nothing was "
                "changed. Please update Hearthside to open it."
            )
        if version == SCHEMA_VERSION and self.path.exists():
            return
        with self.writing():
            self._clean_temp_files()
            self._migrate()

    def _schema_version(self) -> int:
        data = self._cache.read()
        if data is None:
            return SCHEMA_VERSION
        meta = data.get(META_TABLE, {})
        for doc in meta.values():
            return int(doc.get("schema", 0))
        return 0

    def _migrate(self) -> None:
        data = self._cache.read()
        version = self._schema_version() if data is not None else SCHEMA_VERSION
        data = data or {}
        while version < SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
        data[META_TABLE] = {"1": {"schema": SCHEMA_VERSION, "migrated": dates.now_iso()}}
        self._cache.write(data)
        self._db.clear_cache()
        self._index.clear()

    def _clean_temp_files(self) -> None:
        # Called under the lock: no live writer can own one of these.
        for leftover in self.home.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    # -- staying in step with other processes --------------------------------

    def changed_on_disk(self) -> bool:
        return disk_signature(self.path) != self._storage.signature

    def refresh(self) -> bool:
        """Reload if another process saved since we last read. True when something changed."""
        with self._mutex:
            if self._depth or not self.changed_on_disk():
                return False
            self._db = self._load()
            return True

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One durable change: lock, catch up with the disk, apply, save, unlock.

        Nested uses join the outer one, so a service can make several changes that
        land on disk together or not at all.
        """
        with self._mutex:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._lock.acquire()
            try:
                if self.changed_on_disk():
                    self._db = self._load()
                self._depth = 1
                try:
                    yield
                    self._backup_once_today()
                    self._cache.flush()
                except BaseException:
                    # Whatever failed, memory must go back to what the disk holds.
                    self._db = self._load()
                    raise
                finally:
                    self._depth = 0
            finally:
                self._lock.release()

    def _backup_once_today(self) -> None:
        if not self.path.exists():
            return
        folder = ensure_private_dir(backups_dir(self.home))
        target = folder / f"{BACKUP_PREFIX}{backup_day()}.json"
        if target.exists():
            return
        write_atomically(target, self.path.read_bytes())
        for old in list_backups(self.home)[BACKUPS_KEPT:]:
            with contextlib.suppress(OSError):
                old.unlink()

    # -- records ---------------------------------------------------------------

    def _doc_ids(self, kind: str) -> dict[str, int]:
        index = self._index.get(kind)
        if index is None:
            index = {doc["id"]: doc.doc_id for doc in self._db.table(kind).all() if "id" in doc}
            self._index[kind] = index
        return index

    def all(self, cls: type[R], *, include_deleted: bool = False) -> list[R]:
        with self._mutex:
            # The cached table itself, not TinyDB's Document copies: from_doc copies anyway.
            docs = list((self._cache.read() or {}).get(cls.KIND, {}).values())
        records = [cls.from_doc(doc) for doc in docs]
        if include_deleted:
            return records
        return [r for r in records if r.deleted_at is None]

    def get(self, cls: type[R], ref: str, *, include_deleted: bool = True) -> R:
        """A record by full id or by an unambiguous prefix of at least four characters."""
        ref = ref.strip().lower()
        with self._mutex:
            ids = self._doc_ids(cls.KIND)
            matches = (
                [ref] if ref in ids else [i for i in ids if len(ref) >= 4 and i.startswith(ref)]
            )
            if len(matches) == 1:
                doc = self._db.table(cls.KIND).get(doc_id=ids[matches[0]])
                record = cls.from_doc(cast(dict[str, Any], doc))
                if include_deleted or not record.deleted:
                    return record
                matches = []
        label = cls.LABEL
        if len(matches) > 1:
            raise HearthsideError(
                f"More than one {label} starts with {ref[:12]!r}; type a few more characters."
            )
        raise HearthsideError(
            f"No {label} has the id {ref[:40]!r}. `hearthside list` shows the ids."
        )

    def add(self, record: R) -> R:
        return self.add_many([record])[0]

    def add_many(self, records: Iterable[R]) -> list[R]:
        added = list(records)
        now = dates.now_iso()
        with self.writing():
            for record in added:
                record.created = record.created or now
                record.updated = record.updated or now
                table = self._db.table(record.KIND)
                doc_id = table.insert(record.to_doc())
                self._doc_ids(record.KIND)[record.id] = doc_id
        return added

    def save(self, record: R) -> R:
        """Write back a changed record (matched by id), stamping ``updated``."""
        with self.writing():
            ids = self._doc_ids(record.KIND)
            if record.id not in ids:
                raise HearthsideError(
                    "That record is no longer in the journal (was it purged from the trash?)."
                )
            record.updated = dates.now_iso()
            self._db.table(record.KIND).upsert(Document(record.to_doc(), doc_id=ids[record.id]))
        return record

    def delete(self, record: R) -> R:
        record.deleted_at = dates.now_iso()
        return self.save(record)

    def restore(self, record: R) -> R:
        record.deleted_at = None
        return self.save(record)

    def purge(self, record: Record) -> None:
        with self.writing():
            ids = self._doc_ids(record.KIND)
            doc_id = ids.pop(record.id, None)
            if doc_id is not None:
                self._db.table(record.KIND).remove(doc_ids=[doc_id])

    # -- settings --------------------------------------------------------------

    def settings(self) -> Settings:
        with self._mutex:
            doc = self._db.table(SETTINGS_TABLE).get(doc_id=1)
        return Settings.from_doc(dict(doc) if doc else {})

    def save_settings(self, settings: Settings) -> Settings:
        settings.validate()
        with self.writing():
            self._db.table(SETTINGS_TABLE).upsert(Document(settings.to_doc(), doc_id=1))
        return settings

    def counts(self) -> dict[str, int]:
        with self._mutex:
            data = self._cache.read() or {}
        return {name: len(table) for name, table in data.items() if name not in (META_TABLE,)}

    def close(self) -> None:
        with self._mutex:
            self._db.close()


def restore_backup(home: Path, backup: Path | None = None) -> tuple[Path, Path | None]:
    """Put a backup back in place of the journal file.

    The file being replaced is never deleted: it is renamed beside the journal so
    nothing in it is lost. Returns the backup used and where the old file went.
    """
    home = ensure_private_dir(home)
    source = backup or newest_good_backup(home)
    if source is None:
        raise HearthsideError(f"There are no good backups in {backups_dir(home)} to restore.")
    try:
        payload = source.read_bytes()
        decode_database(payload, source)
    except FileNotFoundError:
        raise HearthsideError(f"There is no backup at {source}.") from None
    except CorruptDatabase as exc:
        raise HearthsideError(f"That backup can't be used: {exc.problem}.") from None
    lock = FileLock(lock_path(home))
    lock.acquire()
    try:
        db_path = database_path(home)
        kept: Path | None = None
        if db_path.exists():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
            db_path.replace(kept)
        write_atomically(db_path, payload)
    finally:
        lock.release()
    return source, kept
