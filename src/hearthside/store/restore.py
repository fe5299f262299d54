"""``hearthside restore``: mending damaged or missing journal files from a whole backup.

Only the files that can't be read, or that the main file lists but are gone, are
replaced: every other file keeps what was saved since the backup. Each comes from
the newest backup that is whole (every file in it read and checked before anything
is written), or from the backup folder named. A file no whole backup holds is set
aside, and the journal goes on without it. Nothing replaced is deleted: it is kept
in a ``replaced-…`` folder beside the journal.

The change is one transaction (storage.write_together): a kill at any moment leaves
the journal as it was or mended, and running restore again finishes the job.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson

from hearthside.domain.records import RECORD_TYPES
from hearthside.errors import HearthsideError
from hearthside.paths import database_path, ensure_private_dir, journal_files, lock_path
from hearthside.store import conflicts
from hearthside.store.atomic_storage import (
    TRANSACTION,
    Signature,
    finish_interrupted,
    write_atomically,
    write_together,
)
from hearthside.store.backups import BackupFile, list_backups, read_backup
from hearthside.store.encryption.keys import Keyring
from hearthside.store.layout import (
    META_TABLE,
    PART_FILE,
    Tables,
    format_of,
    listed_parts,
    missing_part,
)
from hearthside.store.locking import FileLock
from hearthside.store.migrations import FORMAT_VERSION
from hearthside.store.reading import CorruptDatabase, decode_database, read_regular

# The folder a restore keeps the files it replaced in: replaced-20261125-101112.
REPLACED = "replaced-"

_LABELS = {cls.KIND: cls.LABEL for cls in RECORD_TYPES}


@dataclass(frozen=True)
class Mend:
    path: Path  # the journal file to mend
    problem: str  # what is wrong with it now
    copy: BackupFile | None  # the backup's copy; None: set aside without one


@dataclass(frozen=True)
class RestorePlan:
    home: Path
    backup: Path | None  # the whole backup the copies come from
    mends: tuple[Mend, ...]

    def describe(self) -> list[str]:
        """What will be replaced, and what each side holds, in plain words."""
        lines = []
        for mend in self.mends:
            lines.append(f"{mend.path.name}: {mend.problem}.")
            if mend.copy is None:
                lines.append(
                    "  It can't be put back: there is no backup copy of it in a whole backup. "
                    "It will be set aside, and the journal will go on without it."
                )
                continue
            assert self.backup is not None
            lines.append(
                f"  It will be replaced by its copy in the backup of {self.backup.name} "
                f"({self.backup}), which holds {_holds(mend.copy.tables, mend.path)}."
            )
        if any(m.copy is not None for m in self.mends):
            lines.append(
                "Whatever was written to those files after that backup was made can't be "
                "brought back. Every other journal file stays as it is."
            )
        lines.append("Nothing is deleted: the files replaced are kept in a replaced-… folder.")
        return lines


def _holds(tables: Tables, path: Path) -> str:
    if path.name == database_path(path.parent).name:
        return "your settings and the list of the journal's files"
    counts = [(kind, len(table)) for kind, table in tables.items() if table]
    if not counts:
        return "no records"
    return ", ".join(
        f"{n} {_LABELS.get(kind, kind) if n == 1 else kind.replace('_', ' ')}" for kind, n in counts
    )


def damaged_files(home: Path, keys: Keyring) -> list[tuple[Path, str]]:
    """Journal files that can't be read, or that the main file lists but are gone."""
    found: list[tuple[Path, str]] = []
    parts = journal_files(home)[1:]
    main = database_path(home)
    listed: list[str] = []
    try:
        tables = _read(main, keys)
        format_of(tables, main)
        listed = listed_parts(tables, main) or []
    except FileNotFoundError:
        if parts:
            found.append((main, "it is missing"))
    except CorruptDatabase as exc:
        found.append((main, f"it can't be read ({exc.problem})"))
    for path in parts:
        try:
            _read(path, keys)
        except FileNotFoundError:
            continue
        except CorruptDatabase as exc:
            found.append((path, f"it can't be read ({exc.problem})"))
    present = {p.name for p in parts}
    for key in listed:
        path = home / f"hearthside-{key}.json"
        if path.name not in present:
            found.append((path, missing_part(path).problem))
    return found


def _read(path: Path, keys: Keyring) -> Tables:
    raw, _sig = read_regular(path)
    return decode_database(raw, path, keys)


def plan_restore(home: Path, keys: Keyring, backup: Path | None = None) -> RestorePlan:
    """What restore would do now; reads everything, writes nothing."""
    finish_pending(home)
    damaged = damaged_files(home, keys)
    if not damaged:
        return RestorePlan(home, None, ())
    source, copies = None, {}
    if backup is not None:
        backup = backup.expanduser()
        if not backup.is_dir():
            raise HearthsideError(f"There is no backup folder at {backup}. Nothing was changed.")
        found = read_backup(backup, keys)
        if found is None:
            raise HearthsideError(
                f"The backup {backup} isn't whole (a file in it can't be read, or one is "
                "missing), so it wasn't used. Nothing was changed."
            )
        source, copies = backup, found
    else:
        for candidate in list_backups(home):
            found = read_backup(candidate, keys)
            if found is not None:
                source, copies = candidate, found
                break
    mends = tuple(Mend(path, problem, copies.get(path.name)) for path, problem in damaged)
    return RestorePlan(home, source, mends)


def finish_pending(home: Path) -> None:
    """Finish a save or restore a kill interrupted, so the plan sees the journal as it is."""
    if (home / TRANSACTION).exists():
        with FileLock(lock_path(home)):
            _note(home, finish_interrupted(home))


def carry_out(plan: RestorePlan, keys: Keyring) -> Path | None:
    """Do what ``plan`` says; returns the folder the replaced files were kept in."""
    home = ensure_private_dir(plan.home)
    with FileLock(lock_path(home)):
        _note(home, finish_interrupted(home))
        now = plan_restore(home, keys, plan.backup)
        if _shape(now) != _shape(plan):
            raise HearthsideError(
                "The journal changed while restore was waiting. Nothing was changed; run "
                "`hearthside restore` again to see what it would do now."
            )
        kept = _set_aside(home, now.mends, keys)
        written = write_together(_files(home, now, keys), keys) if now.mends else {}
        for mend in now.mends:
            if mend.copy is None:
                # Kept in the replaced folder; the main file no longer lists it.
                with contextlib.suppress(FileNotFoundError):
                    mend.path.unlink()
        _note(home, {path.name: sig for path, sig in written.items()})
    return kept


def _shape(plan: RestorePlan) -> list[tuple[Path, bool]]:
    return [(m.path, m.copy is not None) for m in plan.mends]


def _files(home: Path, plan: RestorePlan, keys: Keyring) -> list[tuple[Path, bytes]]:
    """The files to write, parts first and the main file last (with its list made true)."""
    main_path = database_path(home)
    files = [(m.path, m.copy.raw) for m in plan.mends if m.copy and m.path != main_path]
    main = next((m for m in plan.mends if m.path == main_path), None)
    if main is None:
        tables = _read(main_path, keys)
    elif main.copy is not None:
        tables = main.copy.tables
    else:
        tables = {META_TABLE: {"1": {"schema": FORMAT_VERSION}}}
    if format_of(tables, main_path) == FORMAT_VERSION:
        dropped = {m.path.name for m in plan.mends if m.copy is None}
        on_disk = {p.name for p in journal_files(home)[1:]} | {p.name for p, _raw in files}
        parts = sorted(
            found.group(1)
            for name in on_disk - dropped
            if (found := PART_FILE.match(name)) is not None
        )
        if main is not None or listed_parts(tables, main_path) != parts:
            meta = tables.setdefault(META_TABLE, {}).setdefault("1", {})
            meta.update(schema=meta.get("schema", FORMAT_VERSION), files=parts)
            files.append((main_path, orjson.dumps(tables)))
    elif main is not None and main.copy is not None:
        files.append((main_path, main.copy.raw))
    return files


def _set_aside(home: Path, mends: tuple[Mend, ...], keys: Keyring) -> Path | None:
    """Keep what is about to be replaced in a new ``replaced-…`` folder."""
    there = []
    for mend in mends:
        with contextlib.suppress(FileNotFoundError):
            there.append((mend.path, os.lstat(mend.path).st_mode))
    if not there:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept, number = home / f"{REPLACED}{stamp}", 1
    # Always a new folder: two restores in one second must not put one set over the other.
    while kept.exists():
        number += 1
        kept = home / f"{REPLACED}{stamp}-{number}"
    ensure_private_dir(kept)
    for path, mode in there:
        if stat.S_ISREG(mode):
            # A second name for the file: it stays in place until the new one replaces it.
            try:
                os.link(path, kept / path.name)
            except OSError:
                write_atomically(kept / path.name, path.read_bytes(), keys)
        else:
            # A folder or a pipe where the file belongs: moved, to make room for the file.
            path.rename(kept / path.name)
    return kept


def _note(home: Path, written: dict[str, Signature]) -> None:
    # Hearthside's own writing: an app open elsewhere reads it in without a conflict copy.
    if written:
        conflicts.note_written(home, written)
