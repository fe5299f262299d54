"""Daily backups of the journal files, and which of them are whole.

A backup is a folder ``backups/YYYY-MM-DD/`` holding the journal files as they
were before the first save of that day. Files are only ever replaced whole
(never edited in place), so a backup can be a hard link to the live file: it
costs nothing to take, and later saves can't change it. It is made in
``YYYY-MM-DD.partial`` and renamed when complete, so a crash part-way leaves a
folder no one takes for a backup. Putting files back is restore.py's.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hearthside.errors import StoreError
from hearthside.paths import DB_NAME, PART_NAME, backups_dir, ensure_private_dir, journal_files
from hearthside.store.atomic_storage import write_atomically
from hearthside.store.encryption.keys import Keyring
from hearthside.store.layout import Tables, format_of, listed_parts
from hearthside.store.reading import CorruptDatabase, decode_database, read_regular

BACKUPS_KEPT = 14
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
PARTIAL = ".partial"


def backup_day() -> str:
    """The day a backup is named for (a seam for tests that travel in time)."""
    return date.today().isoformat()


def list_backups(home: Path) -> list[Path]:
    """Backup folders, newest first (their names sort by date); never a half-made one."""
    folder = backups_dir(home)
    if not folder.is_dir():
        return []
    found = (p for p in folder.iterdir() if _DAY.fullmatch(p.name) and p.is_dir())
    return sorted(found, reverse=True)


@dataclass(frozen=True)
class BackupFile:
    """One file of a backup, read whole and checked."""

    raw: bytes  # as stored (sealed when the journal is encrypted), to be put back as is
    tables: Tables


def read_backup(backup: Path, keys: Keyring | None) -> dict[str, BackupFile] | None:
    """Every file of ``backup``, read whole and checked, by name; None unless complete:
    a main file, each file it lists, and nothing that can't be read."""
    found: dict[str, BackupFile] = {}
    try:
        for path in sorted(backup.iterdir()):
            if path.name == DB_NAME or PART_NAME.fullmatch(path.name):
                raw, _sig = read_regular(path)
                found[path.name] = BackupFile(raw, decode_database(raw, path, keys))
        main = found.get(DB_NAME)
        if main is None:
            return None
        format_of(main.tables, backup / DB_NAME)
        listed = listed_parts(main.tables, backup / DB_NAME) or []
    except (OSError, CorruptDatabase):
        return None
    if any(f"hearthside-{key}.json" not in found for key in listed):
        return None
    return found


def is_good(backup: Path, keys: Keyring | None) -> bool:
    return read_backup(backup, keys) is not None


def newest_good_backup(home: Path, keys: Keyring | None) -> Path | None:
    return next((b for b in list_backups(home) if is_good(b, keys)), None)


def corrupt_advice(home: Path, exc: CorruptDatabase, keys: Keyring | None) -> StoreError:
    backup = newest_good_backup(home, keys)
    if backup is None:
        advice = (
            "Nothing was changed. There is no whole backup to restore from; if you have a "
            "copy elsewhere, put it back at that path."
        )
    else:
        advice = (
            f"Nothing was changed. Your newest whole backup is {backup}. "
            "To mend the journal from it, run: hearthside restore"
        )
    return StoreError(f"{exc} {advice}")


def _keep(source: Path, target: Path, keys: Keyring) -> None:
    try:
        os.link(source, target)
    except OSError:
        # Another filesystem, or links not allowed: an atomic private copy instead.
        write_atomically(target, source.read_bytes(), keys)


def back_up_once_today(home: Path, keys: Keyring) -> None:
    """Called under the write lock, before a save: keep today's first state."""
    existing = [p for p in journal_files(home) if p.exists()]
    if not existing:
        return
    folder = backups_dir(home) / backup_day()
    if folder.exists():
        return
    ensure_private_dir(backups_dir(home))
    partial = folder.with_name(folder.name + PARTIAL)
    _remove(partial)
    ensure_private_dir(partial)
    for path in existing:
        _keep(path, partial / path.name, keys)
    partial.rename(folder)
    rotate(home, keys)


def rotate(home: Path, keys: Keyring) -> None:
    """Keep the newest BACKUPS_KEPT, and never the last good one, even if it is older.

    Half-made backups of earlier days (a crash while one was taken) go too.
    """
    backups = list_backups(home)
    kept, old = backups[:BACKUPS_KEPT], backups[BACKUPS_KEPT:]
    if old and not any(is_good(b, keys) for b in kept):
        good = next((b for b in old if is_good(b, keys)), None)
        old = [b for b in old if b != good]
    old += backups_dir(home).glob(f"*{PARTIAL}")
    for folder in old:
        _remove(folder)


def _remove(folder: Path) -> None:
    # shutil is imported by the first backup of the day, not by every command that reads.
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
