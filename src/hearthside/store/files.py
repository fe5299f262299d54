"""The journal's files as a whole: opened, migrated, written together, kept in step.

Records live in one file per kind and year of creation (``hearthside-2026-entries.json``),
beside a small main file holding the settings and the format version. A save
rewrites only the file its record lives in, so saving stays as fast in the tenth
year as in the first; and a file is read only when its kind is first asked for,
so ``hearthside log hug`` never reads ten years of journal entries.

Writes are serialised by a lock held only while writing, so the app can stay open
while ``hearthside log hug`` runs in another terminal; a writer reloads a file changed
since it read it before changing it, so neither side loses the other's records. Another
computer's change (brought by a sync tool) and a conflict copy are merged record by
record instead (sync_copies.py).

A change reaches the disk only when it is whole: every file it touched is written
in one transaction (atomic_storage.write_together), so a kill leaves all of it or
none. The main file lists the parts' files, so one gone missing is noticed, not
read as an empty year.

A file's records are checked when it is first read (unless ``checked.py`` knows it
passed already): one edited by hand into something Hearthside couldn't have written
is skipped, with a notice naming it and its file, and everything else still works.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.table import Document

from hearthside.errors import StoreError
from hearthside.paths import (
    database_path,
    drafts_dir,
    ensure_private_dir,
    exports_dir,
    journal_files,
    lock_path,
    part_path,
)
from hearthside.store import checked, conflicts, migrations, sync_copies
from hearthside.store.atomic_storage import (
    TRANSACTION,
    Signature,
    finish_interrupted,
    remove_stale_temps,
    stale_temps,
    write_together,
)
from hearthside.store.backups import back_up_once_today, corrupt_advice
from hearthside.store.encryption.keys import Keyring, is_encrypted
from hearthside.store.layout import (
    META_TABLE,
    PART_FILE,
    YEAR_FILE,
    Tables,
    format_of,
    listed_parts,
    missing_part,
)
from hearthside.store.locking import FileLock
from hearthside.store.parts import MAIN, BadRecord, Part, cold, kind_of
from hearthside.store.reading import CorruptDatabase, disk_signature


class JournalFiles:
    """The files under one home, and the lock and transaction that change them."""

    def __init__(self, home: Path, keys: Keyring | None = None) -> None:
        """``keys`` opens an encrypted journal; without, its passphrase comes only from
        the environment."""
        self.home = ensure_private_dir(home)
        self.keys = keys if keys is not None else Keyring()
        self.path = database_path(self.home)
        self._lock = FileLock(lock_path(self.home))
        self._mutex = threading.RLock()
        self._depth = 0
        self._parts: dict[str, Part] = {}
        # kind -> record id -> (part key, TinyDB doc id): built by the store as it looks
        # records up, forgotten whenever the files are read again.
        self._index: dict[str, dict[str, tuple[str, int]]] = {}
        # What was merged from another computer's version, or refused, still to be told.
        self.conflicts: list[conflicts.Event] = []
        # Sync tools' conflict copies refused, by name: their signature then.
        self._refused: dict[str, Signature | None] = {}
        if (self.home / TRANSACTION).exists():
            # A change a kill interrupted: finished before anything is read.
            with self._lock:
                self._finish_interrupted()
        self._told: set[BadRecord] = set()
        self._load()
        self._prepare()
        # A sync tool's conflict copies are folded in at once (or at the next save).
        self.refresh()

    # -- opening -------------------------------------------------------------

    def _load(self) -> None:
        """(Re)start from the disk: read the main file, note the others for later."""
        self._checked, self._newest = checked.notes(self.home)
        main = Part(self.path, self.keys)
        tables = self._read(main)
        parts = {MAIN: main}
        version = self._format_of(main)
        pattern = YEAR_FILE if version <= 2 else PART_FILE
        try:
            for path in journal_files(self.home)[1:]:
                found = pattern.match(path.name)
                if found:
                    parts[found.group(1)] = Part(path, self.keys, self._checked.get(path.name))
                    parts[found.group(1)].look()
            for key in listed_parts(tables, self.path) or []:
                if key not in parts:
                    raise missing_part(part_path(self.home, key))
        except CorruptDatabase as exc:
            raise corrupt_advice(self.home, exc, self.keys) from None
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
            raise corrupt_advice(self.home, exc, self.keys) from None

    def read_everything(self) -> None:
        """Read and check every file now: a damaged file or record must show at start.
        A past year of a kind with many records is let go of once checked (parts.cold)."""
        with self._mutex:
            for key, part in self._parts.items():
                if cold(key) and not part.loaded and part.known_clean:
                    continue  # nothing in it to find: it is read when first asked for
                for kind in self._read(part) if key != MAIN else ():
                    self._records(part, kind)
                if cold(key):
                    part.let_go()

    def _parts_of(self, kind: str) -> list[tuple[str, Part]]:  # by key, read or not
        with self._mutex:
            return [(k, p) for k, p in self._parts.items() if k != MAIN and kind_of(k) == kind]

    def _ensure(self, kind: str) -> list[Part]:
        """Every part holding ``kind``, read from disk if not yet."""
        found = [part for _key, part in self._parts_of(kind)]
        for part in found:
            self._read(part)
        return found

    def _format_of(self, main: Part) -> int:
        if not main.path.exists():
            return migrations.FORMAT_VERSION
        try:
            return format_of(main.read(), main.path)
        except CorruptDatabase as exc:
            raise corrupt_advice(self.home, exc, self.keys) from None

    def _leftover_folders(self) -> list[Path]:
        """Where a killed writer can leave a temp file: the journal's, an export's, a draft's."""
        return [self.home, exports_dir(self.home), drafts_dir(self.home)]

    def _prepare(self) -> None:
        version = self._format_of(self._parts[MAIN])
        if version > migrations.FORMAT_VERSION:
            raise StoreError(
                f"The journal at {self.home} was written by a newer Hearthside "
                f"(format {version}; this one reads up to {migrations.FORMAT_VERSION}). "
                "Nothing was changed. Please update Hearthside to open it."
            )
        leftovers = stale_temps(self._leftover_folders())
        if version == migrations.FORMAT_VERSION:
            # Old-layout files left by a migration that stopped after writing the new one.
            leftovers += [p for p in journal_files(self.home)[1:] if YEAR_FILE.match(p.name)]
        migrate = version < migrations.FORMAT_VERSION or not self.path.exists()
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
        files = migrations.migrate({key: part.read() for key, part in self._parts.items()}, version)
        parts = sorted(key for key in files if key != MAIN)
        # One transaction, main last: an interruption leaves the old layout, whole.
        order = [*parts, MAIN]
        written = write_together(
            [
                (self.path if k == MAIN else part_path(self.home, k), orjson.dumps(files[k]))
                for k in order
            ],
            self.keys,
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
        return (
            on_disk != known_on_disk
            or any(p.changed_on_disk() for p in self._parts.values())
            or sync_copies.waiting(self.home, self._refused)
        )

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
        # Changed by something other than Hearthside (another computer's save, brought by
        # a sync tool): merged with what this journal held, not read over it.
        # A part let go of (parts.cold) holds nothing this process changed, which would
        # have kept it: it is simply read fresh when next asked for.
        underneath = [
            (part.path, part.read())
            for part in self._parts.values()
            if part.loaded
            and (note := known.get(part.path.name)) is not None
            and part.changed_on_disk()
            and disk_signature(part.path) != note
        ]
        events, written = sync_copies.reconcile(self.home, self.keys, underneath, self._refused)
        self.conflicts += events
        self._note_written(written)
        self._load()

    def take_conflicts(self) -> list[conflicts.Event]:
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
        back_up_once_today(self.home, self.keys)
        written = write_together(
            [(part.path, orjson.dumps(part.read())) for part in changed], self.keys
        )
        for part in changed:
            part.written(written[part.path])
        self._note_written(written)
        # What was saved was checked first: a file that passed still does.
        self._note_checked([part for part in changed if part.path != self.path])

    def _list_parts(self) -> None:
        """Keep the main file's list of the parts' files up to date (it changes rarely)."""
        keys = sorted(key for key in self._parts if key != MAIN)
        meta = self._parts[MAIN].db.table(META_TABLE)
        doc = dict(meta.get(doc_id=1) or {"schema": migrations.FORMAT_VERSION})
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
        # An encrypted journal's dates stay sealed: no newest days noted in the clear.
        dated = not is_encrypted(self.home)
        passing = {
            part.path.name: sig
            for part in parts
            if (sig := part.signature) is not None
            and (
                self._checked.get(part.path.name) != sig
                or (dated and part.path.name not in self._newest)
            )
            and part.clean
        }
        if passing:
            days = {p.path.name: p.newest_day() for p in parts if dated and p.path.name in passing}
            self._checked, self._newest = checked.note_checked(self.home, passing, days)
            for part in parts:
                part.passed = self._checked.get(part.path.name)

    # -- the parts a save goes to ---------------------------------------------------

    def _part(self, key: str) -> Part:
        """The part for ``key``, read and checked; a new, empty one if there is none yet."""
        part = self._parts.get(key)
        if part is None:
            part = self._parts[key] = Part(part_path(self.home, key), self.keys)
        self._read(part)
        if kind_of(key) not in part.bad:
            # Checked before a save, so the file can be noted as passing once saved.
            self._records(part, kind_of(key))
        return part

    def close(self) -> None:
        with self._mutex:
            for part in self._parts.values():
                part.db.close()
