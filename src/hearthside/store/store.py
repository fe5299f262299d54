"""The journal store: TinyDB files, one table per kind, safe for two processes.

Records live in one file per kind and year of creation (``hearthside-2026-entries.json``),
beside a small main file holding the settings and the format version. A save
rewrites only the file its record lives in, so saving stays as fast in the tenth
year as in the first; and a file is read only when its kind is first asked for,
so ``hearthside log hug`` never reads ten years of journal entries.

Writes are serialised by a lock held only while writing, so the app can stay
open in one terminal while ``hearthside log hug`` runs in another. A writer that
finds a file changed since it last read it reloads before applying its change,
so neither side loses the other's records; ``update`` applies a change to the
record as it is on disk at that moment.

A change reaches the disk only when it is whole: every file it touched is written
in one transaction (storage.write_together), so a kill leaves all of it or none.
The main file lists the parts' files, so one gone missing is noticed, not read
as an empty year.

Every record is checked (``validation``) before it is saved, and when its file is
first read (unless ``checked.py`` knows the file passed already): one edited by hand
into something Hearthside couldn't have written is skipped, with a notice naming it
and its file, and everything else still works.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.table import Document

from hearthside.domain import dates, validation
from hearthside.domain.records import RECORD_TYPES, R, Record
from hearthside.domain.settings import Settings
from hearthside.errors import HearthsideError, StoreError
from hearthside.paths import (
    database_path,
    drafts_dir,
    ensure_private_dir,
    exports_dir,
    journal_files,
    lock_path,
    part_path,
)
from hearthside.store import checked, conflicts
from hearthside.store.atomic_storage import (
    TRANSACTION,
    AtomicJSONStorage,
    CorruptDatabase,
    Signature,
    disk_signature,
    finish_interrupted,
    quick_check,
    remove_stale_temps,
    stale_temps,
    write_together,
)
from hearthside.store.backups import back_up_once_today, corrupt_advice
from hearthside.store.layout import (
    META_TABLE,
    PART_FILE,
    SETTINGS_TABLE,
    YEAR_FILE,
    Tables,
    format_of,
    listed_parts,
    missing_part,
)
from hearthside.store.locking import FileLock

# The layout of the files on disk; records carry their own `schema` (model.py).
FORMAT_VERSION = 3
MAIN = ""  # the part key of the main file; parts are "2026-entries" and so on

KINDS = {cls.KIND: cls for cls in RECORD_TYPES}

Files = dict[str, Tables]  # part key -> the file's tables
Migration = Callable[[Files], Files]


def _stamp_schema(files: Files) -> Files:
    """Format 0 (no meta table): every record gets a schema number and a trash field."""
    for name, table in files[MAIN].items():
        if name in (META_TABLE, SETTINGS_TABLE):
            continue
        for doc in table.values():
            doc.setdefault("schema", 1)
            doc.setdefault("deleted_at", None)
    return files


def _split_by_year(files: Files) -> Files:
    """Format 1 kept everything in one file; format 2 gives each year its own."""
    main = files[MAIN]
    split: Files = {MAIN: {k: v for k, v in main.items() if k in (META_TABLE, SETTINGS_TABLE)}}
    for name, table in main.items():
        if name in (META_TABLE, SETTINGS_TABLE):
            continue
        for doc in table.values():
            year = part_for(str(doc.get("created") or ""))
            target = split.setdefault(year, {}).setdefault(name, {})
            target[str(len(target) + 1)] = doc
    return split


def _split_by_kind(files: Files) -> Files:
    """Format 3 gives each kind its own file within a year, read only when needed."""
    split: Files = {MAIN: files[MAIN]}
    for year, tables in files.items():
        if year != MAIN:
            for name, table in tables.items():
                split[f"{year}-{name}"] = {name: table}
    return split


# MIGRATIONS[n] turns format n into format n + 1.
MIGRATIONS: dict[int, Migration] = {0: _stamp_schema, 1: _split_by_year, 2: _split_by_kind}


@dataclass(frozen=True)
class BadRecord:
    """A stored record that breaks the rules (a hand edit, say): skipped, not fatal."""

    label: str
    ref: str  # its id, or its place in the file when it has none
    file: str
    problem: str

    def notice(self) -> str:
        return (
            f"Skipped the {self.label} {self.ref} in {self.file}: {self.problem}. "
            "Everything else is as it was; fix or remove that record in the file."
        )


def bad_records(kind: str, table: dict[str, Any], file: str) -> dict[str, BadRecord]:
    """The documents of one stored table that Hearthside can't use, by their key."""
    cls = KINDS.get(kind)
    found: dict[str, BadRecord] = {}
    if cls is None:
        return found
    for key, doc in table.items():
        problem = validation.doc_problem(cls, doc)
        if problem is not None:
            given = doc.get("id") if isinstance(doc, dict) else None
            ref = given if isinstance(given, str) and validation.ID.fullmatch(given) else None
            found[key] = BadRecord(cls.LABEL, ref or f"number {key}", file, problem)
    return found


def part_for(created: str) -> str:
    year = created[:4]
    return year if year.isdigit() and len(year) == 4 else str(date.today().year)


class _WholeChanges(CachingMiddleware):
    """TinyDB's cache, minus its habit of writing every thousandth change on its own:
    the store writes a change when it is complete, never part of one."""

    WRITE_CACHE_SIZE = sys.maxsize


@dataclass
class Part:
    """One journal file, read through TinyDB's cache into an atomic storage."""

    path: Path
    # The signature at which this file last passed every check (checked.py), if it did.
    passed: Signature | None = None
    db: TinyDB = field(init=False)
    # kind -> the keys of its documents that break the rules, found once per read
    bad: dict[str, dict[str, BadRecord]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.db = TinyDB(self.path, storage=_WholeChanges(AtomicJSONStorage))  # type: ignore[no-untyped-call]

    @property
    def signature(self) -> Signature | None:
        return cast(AtomicJSONStorage, self.cache.storage).signature

    def records(self, kind: str) -> list[tuple[str, dict[str, Any]]]:
        """The documents of ``kind`` that can be used, by key; the others are noted in ``bad``."""
        table = self.read().get(kind, {})
        bad = self.bad.get(kind)
        if bad is None:
            passed = self.passed is not None and self.passed == self.signature
            bad = self.bad[kind] = {} if passed else bad_records(kind, table, self.path.name)
        if not bad:
            return list(table.items())
        return [(key, doc) for key, doc in table.items() if key not in bad]

    @property
    def clean(self) -> bool:
        """Every table in the file was checked (or known to pass) and nothing was skipped."""
        kinds = [kind for kind in self.read() if kind in KINDS]
        return bool(kinds) and all(self.bad.get(kind) == {} for kind in kinds)

    @property
    def cache(self) -> Any:
        # TinyDB's CachingMiddleware is untyped; this is the one place that touches it.
        return self.db.storage

    @property
    def loaded(self) -> bool:
        return self.cache.cache is not None

    def read(self) -> Tables:
        data = self.cache.read()
        return cast(Tables, data or {})

    @property
    def dirty(self) -> bool:
        """Changed in memory and not yet written."""
        return bool(self.cache._cache_modified_count)

    def written(self, signature: Signature) -> None:
        self.cache._cache_modified_count = 0
        cast(AtomicJSONStorage, self.cache.storage).signature = signature

    def changed_on_disk(self) -> bool:
        """Only a part that was read can be out of date; an unread one is read fresh."""
        storage = cast(AtomicJSONStorage, self.cache.storage)
        return self.loaded and disk_signature(self.path) != storage.signature


def part_key(created: str, kind: str) -> str:
    return f"{part_for(created)}-{kind}"


def kind_of(key: str) -> str:
    return key.split("-", 1)[1]


class Store:
    """All reading and writing of the journal goes through here."""

    def __init__(self, home: Path) -> None:
        self.home = ensure_private_dir(home)
        self.path = database_path(self.home)
        self._lock = FileLock(lock_path(self.home))
        self._mutex = threading.RLock()
        self._depth = 0
        self._parts: dict[str, Part] = {}
        # kind -> record id -> (part key, TinyDB doc id)
        self._index: dict[str, dict[str, tuple[str, int]]] = {}
        # Folders of copies kept when another program changed a file (see conflicts.py).
        self.conflicts: list[Path] = []
        if (self.home / TRANSACTION).exists():
            # A change a kill interrupted: finished before anything is read.
            with self._lock:
                self._finish_interrupted()
        self._told: set[BadRecord] = set()
        self._load()
        self._prepare()

    # -- opening -------------------------------------------------------------

    def _load(self) -> None:
        """(Re)start from the disk: read the main file, note the others for later."""
        self._checked = checked.checked(self.home)
        main = Part(self.path)
        tables = self._read(main)
        parts = {MAIN: main}
        version = self._format_of(main)
        pattern = YEAR_FILE if version <= 2 else PART_FILE
        try:
            for path in journal_files(self.home)[1:]:
                found = pattern.match(path.name)
                if found:
                    quick_check(path)
                    parts[found.group(1)] = Part(path, self._checked.get(path.name))
            for key in listed_parts(tables, self.path) or []:
                if key not in parts:
                    raise missing_part(part_path(self.home, key))
        except CorruptDatabase as exc:
            raise corrupt_advice(self.home, exc) from None
        if version <= 2:
            # Old layouts are read whole, to be migrated.
            for part in parts.values():
                self._read(part)
        self._parts = parts
        self._index.clear()

    def _read(self, part: Part) -> Tables:
        try:
            return part.read()
        except CorruptDatabase as exc:
            raise corrupt_advice(self.home, exc) from None

    def read_everything(self) -> None:
        """Read and check every file now (the app needs them all, and a damaged file or
        record must show at start)."""
        with self._mutex:
            for key, part in self._parts.items():
                for kind in self._read(part) if key != MAIN else ():
                    self._records(part, kind)

    def _ensure(self, kind: str) -> list[Part]:
        """Every part holding ``kind``, read from disk if not yet."""
        found = []
        for key, part in self._parts.items():
            if key != MAIN and kind_of(key) == kind:
                self._read(part)
                found.append(part)
        return found

    def _format(self) -> int:
        return self._format_of(self._parts[MAIN])

    def _format_of(self, main: Part) -> int:
        if not main.path.exists():
            return FORMAT_VERSION
        try:
            return format_of(main.read(), main.path)
        except CorruptDatabase as exc:
            raise corrupt_advice(self.home, exc) from None

    def _leftover_folders(self) -> list[Path]:
        """Where a killed writer can leave a temp file: the journal's, an export's, a draft's."""
        return [self.home, exports_dir(self.home), drafts_dir(self.home)]

    def _prepare(self) -> None:
        version = self._format()
        if version > FORMAT_VERSION:
            raise StoreError(
                f"The journal at {self.home} was written by a newer Hearthside "
                f"(format {version}; this one reads up to {FORMAT_VERSION}). Nothing was "
                "changed. Please update Hearthside to open it."
            )
        leftovers = stale_temps(self._leftover_folders())
        if version == FORMAT_VERSION:
            # Old-layout files left by a migration that stopped after writing the new one.
            leftovers += [p for p in journal_files(self.home)[1:] if YEAR_FILE.match(p.name)]
        migrate = version < FORMAT_VERSION or not self.path.exists()
        if not migrate and not leftovers:
            return
        try:
            with self._lock:
                # Their writers are gone: a kill mid-write, or a change never committed.
                remove_stale_temps(self._leftover_folders())
                if migrate:
                    self._migrate(version)
                else:
                    self._drop_old_layout()
        except StoreError:
            if migrate:
                raise
            return  # tidying up waits for a Hearthside that can write here (a read-only home)
        self._load()

    def _migrate(self, version: int) -> None:
        files: Files = {key: part.read() for key, part in self._parts.items()}
        while version < FORMAT_VERSION:
            files = MIGRATIONS[version](files)
            version += 1
        parts = sorted(key for key in files if key != MAIN)
        files[MAIN][META_TABLE] = {
            "1": {"schema": FORMAT_VERSION, "migrated": dates.now_iso(), "files": parts}
        }
        # One transaction, main last: an interruption leaves the old layout, whole.
        order = [*parts, MAIN]
        written = write_together(
            [(self.path if k == MAIN else part_path(self.home, k), _dumps(files[k])) for k in order]
        )
        self._note_written(written)
        self._drop_old_layout()

    def _drop_old_layout(self) -> None:
        # Only once the new layout is whole on disk: its data lives on in the new files.
        for path in journal_files(self.home)[1:]:
            if YEAR_FILE.match(path.name):
                with contextlib.suppress(OSError):
                    path.unlink()

    # -- staying in step with other processes --------------------------------

    def changed_on_disk(self) -> bool:
        on_disk = {p.name for p in journal_files(self.home)[1:] if PART_FILE.match(p.name)}
        known = {part.path.name for key, part in self._parts.items() if key != MAIN}
        known_on_disk = {name for name in known if (self.home / name).exists()}
        return on_disk != known_on_disk or any(p.changed_on_disk() for p in self._parts.values())

    def refresh(self) -> bool:
        """Reload if another process saved since we last read. True when something changed.

        Skipped (False) while another process is saving: the next call catches up.
        """
        with self._mutex:
            if self._depth or not self.changed_on_disk():
                return False
            try:
                self._lock.acquire(timeout=0.2)
            except StoreError:
                return False
            try:
                self._catch_up()
            finally:
                self._lock.release()
            return True

    def _finish_interrupted(self) -> None:
        """Under the lock: complete a committed change a killed writer didn't finish."""
        finished = finish_interrupted(self.home)
        if finished:
            self._note_written({self.home / name: sig for name, sig in finished.items()})

    def _catch_up(self) -> None:
        """Under the lock: reread what changed, keeping our copy if it wasn't Hearthside."""
        if (self.home / TRANSACTION).exists():
            self._finish_interrupted()
        if not self.changed_on_disk():
            return
        known = conflicts.written(self.home)
        for part in self._parts.values():
            note = known.get(part.path.name)
            if note is not None and part.changed_on_disk() and disk_signature(part.path) != note:
                self.conflicts.append(
                    conflicts.keep_ours(self.home, part.path, _dumps(part.read()))
                )
        self._load()

    def take_conflicts(self) -> list[Path]:
        found, self.conflicts = self.conflicts, []
        return found

    def take_bad_records(self) -> list[BadRecord]:
        """Records skipped since last asked: those of the files read so far."""
        with self._mutex:
            found = [
                bad
                for part in self._parts.values()
                for table in part.bad.values()
                for bad in table.values()
                if bad not in self._told
            ]
        self._told.update(found)
        return found

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One durable change: lock, catch up with the disk, apply, save, unlock.

        Nested uses join the outer one, so a service can make several changes that
        land on disk together: every file the change touched is written in one
        transaction, so a kill leaves all of it or none.
        """
        with self._mutex:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            with self._lock:
                self._catch_up()
                self._depth = 1
                try:
                    yield
                    self._commit()
                except BaseException:
                    # Whatever failed, memory must go back to what the disk holds.
                    self._load()
                    raise
                finally:
                    self._depth = 0

    def _commit(self) -> None:
        """Under the lock: write every changed file as one transaction, main file last."""
        if not any(part.dirty for part in self._parts.values()):
            return
        self._list_parts()
        changed = sorted(
            (part for part in self._parts.values() if part.dirty),
            key=lambda part: part.path == self.path,
        )
        back_up_once_today(self.home)
        written = write_together([(part.path, _dumps(part.read())) for part in changed])
        for part in changed:
            part.written(written[part.path])
        self._note_written(written)
        # What was saved was checked first: a file that passed still does.
        self._note_checked([part for part in changed if part.path != self.path])

    def _list_parts(self) -> None:
        """Keep the main file's list of the parts' files up to date (it changes rarely)."""
        keys = sorted(key for key in self._parts if key != MAIN)
        meta = self._parts[MAIN].db.table(META_TABLE)
        doc = dict(meta.get(doc_id=1) or {"schema": FORMAT_VERSION})
        if doc.get("files") != keys:
            meta.upsert(Document({**doc, "files": keys}, doc_id=1))

    def _note_written(self, written: dict[Path, Signature]) -> None:
        conflicts.note_written(self.home, {path.name: sig for path, sig in written.items()})

    def _records(self, part: Part, kind: str) -> list[tuple[str, dict[str, Any]]]:
        """``part.records``, noting a file found to pass every check (checked.py)."""
        fresh = kind not in part.bad
        found = part.records(kind)
        if fresh:
            self._note_checked([part])
        return found

    def _note_checked(self, parts: list[Part]) -> None:
        passing = {
            part.path.name: sig
            for part in parts
            if part.clean
            and (sig := part.signature) is not None
            and self._checked.get(part.path.name) != sig
        }
        if passing:
            self._checked = checked.note_checked(self.home, passing)
            for part in parts:
                part.passed = self._checked.get(part.path.name)

    # -- records ---------------------------------------------------------------

    def _part(self, key: str) -> Part:
        part = self._parts.get(key)
        if part is None:
            part = self._parts[key] = Part(part_path(self.home, key))
        self._read(part)
        if kind_of(key) not in part.bad:
            # Checked before a save, so the file can be noted as passing once saved.
            self._records(part, kind_of(key))
        return part

    def _where(self, kind: str) -> dict[str, tuple[str, int]]:
        index = self._index.get(kind)
        if index is None:
            index = {}
            self._ensure(kind)
            for key, part in self._parts.items():
                if key != MAIN and kind_of(key) == kind:
                    for doc_id, doc in self._records(part, kind):
                        index[doc["id"]] = (key, int(doc_id))
            self._index[kind] = index
        return index

    def all(
        self,
        cls: type[R],
        *,
        include_deleted: bool = False,
        where: Callable[[dict[str, Any]], bool] | None = None,
    ) -> list[R]:
        """Records of one kind. ``where`` picks stored documents before they become
        records, so asking for one day's logs doesn't build fifty thousand of them."""
        with self._mutex:
            # The cached tables themselves, not TinyDB's Document copies: from_doc copies.
            docs = [
                doc
                for part in self._ensure(cls.KIND)
                for _key, doc in self._records(part, cls.KIND)
                if where is None or where(doc)
            ]
        records = [cls.from_doc(doc) for doc in docs]
        if include_deleted:
            return records
        return [r for r in records if r.deleted_at is None]

    def documents(self, cls: type[Record]) -> list[dict[str, Any]]:
        """The stored documents of one kind, as they are: for sorting or picking a few
        before building records. Read-only: changing one would change the store."""
        with self._mutex:
            return [
                d for part in self._ensure(cls.KIND) for _key, d in self._records(part, cls.KIND)
            ]

    def get(self, cls: type[R], ref: str, *, include_deleted: bool = True) -> R:
        """A record by full id or by an unambiguous prefix of at least four characters.

        Any case: ids are typed in lower case, and another tool's may not be.
        """
        ref = ref.strip().lower()
        with self._mutex:
            where = self._where(cls.KIND)
            matches = [i for i in where if i.lower() == ref]
            if not matches and len(ref) >= 4:
                matches = [i for i in where if i.lower().startswith(ref)]
            if len(matches) == 1:
                key, doc_id = where[matches[0]]
                doc = self._parts[key].db.table(cls.KIND).get(doc_id=doc_id)
                record = cls.from_doc(cast(dict[str, Any], doc))
                if include_deleted or not record.deleted:
                    return record
                matches = []
        if len(matches) > 1:
            raise HearthsideError(
                f"More than one {cls.LABEL} starts with {ref[:12]!r}; type a few more characters."
            )
        where_listed = f" `{cls.LISTED_BY}` shows the ids." if cls.LISTED_BY else ""
        raise HearthsideError(f"No {cls.LABEL} has the id {ref[:40]!r}.{where_listed}")

    def add(self, record: R) -> R:
        return self.add_many([record])[0]

    def add_many(self, records: Iterable[R]) -> list[R]:
        added = list(records)
        now = dates.now_iso()
        for record in added:
            record.created = record.created or now
            record.updated = record.updated or now
            _check(record)
        by_part: dict[str, list[R]] = {}
        for record in added:
            by_part.setdefault(part_key(record.created, record.KIND), []).append(record)
        with self.writing():
            for key, group in by_part.items():
                # All at once: TinyDB goes over the whole table for each insert.
                table = self._part(key).db.table(kind_of(key))
                doc_ids = table.insert_multiple(record.to_doc() for record in group)
                # Keep an index that exists up to date; never read every year just to add.
                index = self._index.get(kind_of(key))
                if index is not None:
                    index.update(
                        (r.id, (key, doc_id)) for r, doc_id in zip(group, doc_ids, strict=True)
                    )
        return added

    def update(self, cls: type[R], record_id: str, change: Callable[[R], object]) -> R:
        """Apply ``change`` to the record as stored right now, under the lock, and save it.

        What another process saved since this one last read is never written over:
        ``change`` sees the fresh copy. It may raise HearthsideError to refuse, and
        then nothing is written. Returns the record as saved.
        """
        with self.writing():
            key, doc_id = self._located(cls.KIND, record_id)
            stored = self._parts[key].db.table(cls.KIND).get(doc_id=doc_id)
            fresh = cls.from_doc(cast(dict[str, Any], stored))
            change(fresh)
            return self.save(fresh)

    def save(self, record: R) -> R:
        """Write back a changed record (matched by id), stamping ``updated``.

        For a record read inside the same ``writing()``; otherwise use ``update``.
        """
        record.updated = dates.now_iso()
        _check(record)
        with self.writing():
            key, doc_id = self._located(record.KIND, record.id)
            self._parts[key].db.table(record.KIND).upsert(Document(record.to_doc(), doc_id=doc_id))
        return record

    def _located(self, kind: str, record_id: str) -> tuple[str, int]:
        found = self._where(kind).get(record_id)
        if found is None:
            raise HearthsideError(
                "That record is no longer in the journal (was it purged from the trash?)."
            )
        return found

    def delete(self, record: R) -> R:
        """Move to the trash; returns the record as saved."""
        when = dates.now_iso()
        return self.update(
            type(record), record.id, lambda fresh: setattr(fresh, "deleted_at", when)
        )

    def restore(self, record: R) -> R:
        """Bring back from the trash; returns the record as saved."""
        return self.update(
            type(record), record.id, lambda fresh: setattr(fresh, "deleted_at", None)
        )

    def purge(self, record: Record) -> None:
        with self.writing():
            found = self._where(record.KIND).pop(record.id, None)
            if found is not None:
                key, doc_id = found
                self._parts[key].db.table(record.KIND).remove(doc_ids=[doc_id])

    # -- settings --------------------------------------------------------------

    def settings(self) -> Settings:
        with self._mutex:
            doc = self._parts[MAIN].read().get(SETTINGS_TABLE, {}).get("1")
        return Settings.from_doc(dict(doc) if doc else {})

    def save_settings(self, settings: Settings) -> Settings:
        settings.validate()
        with self.writing():
            table = self._parts[MAIN].db.table(SETTINGS_TABLE)
            table.upsert(Document(settings.to_doc(), doc_id=1))
        return settings

    def counts(self) -> dict[str, int]:
        """How many records of each kind are stored, trash included."""
        totals: dict[str, int] = {}
        with self._mutex:
            for key, part in self._parts.items():
                if key != MAIN:
                    for name, table in self._read(part).items():
                        totals[name] = totals.get(name, 0) + len(table)
        return totals

    def has_any(self, cls: type[Record]) -> bool:
        """Whether a record of this kind was ever stored, without reading them all."""
        return any(kind_of(key) == cls.KIND for key in self._parts if key != MAIN)

    def close(self) -> None:
        with self._mutex:
            for part in self._parts.values():
                part.db.close()


def _check(record: Record) -> None:
    """The last word before a record is saved, however it came: typed or imported."""
    problem = validation.record_problem(record)
    if problem is not None:
        raise HearthsideError(f"This {record.LABEL} can't be saved: {problem}. Nothing was saved.")


def _dumps(tables: Tables) -> bytes:
    import orjson

    return orjson.dumps(tables)
