"""Daily backups of the journal files, and putting one back.

A backup is a folder ``backups/YYYY-MM-DD/`` holding the journal files as they
were before the first save of that day. Files are only ever replaced whole
(never edited in place), so a backup can be a hard link to the live file: it
costs nothing to take, and later saves can't change it.
"""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from pathlib import Path

from hearthside.errors import HearthsideError, StoreError
from hearthside.locking import FileLock
from hearthside.paths import backups_dir, ensure_private_dir, journal_files, lock_path
from hearthside.storage import CorruptDatabase, decode_database, write_atomically

BACKUPS_KEPT = 14


def backup_day() -> str:
    """The day a backup is named for (a seam for tests that travel in time)."""
    return date.today().isoformat()


def list_backups(home: Path) -> list[Path]:
    """Backup folders, newest first (their names sort by date)."""
    folder = backups_dir(home)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.is_dir()), reverse=True)


def is_good(backup: Path) -> bool:
    files = list(backup.glob("*.json"))
    try:
        for path in files:
            decode_database(path.read_bytes(), path)
    except (OSError, CorruptDatabase):
        return False
    return bool(files)


def newest_good_backup(home: Path) -> Path | None:
    return next((b for b in list_backups(home) if is_good(b)), None)


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


def _keep(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        # Another filesystem, or links not allowed: an atomic private copy instead.
        write_atomically(target, source.read_bytes())


def back_up_once_today(home: Path) -> None:
    """Called under the write lock, before a save: keep today's first state."""
    existing = [p for p in journal_files(home) if p.exists()]
    if not existing:
        return
    folder = backups_dir(home) / backup_day()
    if folder.exists():
        return
    ensure_private_dir(backups_dir(home))
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    ensure_private_dir(partial)
    for path in existing:
        _keep(path, partial / path.name)
    partial.rename(folder)
    rotate(home)


def rotate(home: Path) -> None:
    """Keep the newest BACKUPS_KEPT, and never the last good one, even if it is older."""
    backups = list_backups(home)
    kept, old = backups[:BACKUPS_KEPT], backups[BACKUPS_KEPT:]
    if old and not any(is_good(b) for b in kept):
        good = next((b for b in old if is_good(b)), None)
        old = [b for b in old if b != good]
    for folder in old:
        shutil.rmtree(folder, ignore_errors=True)


def restore_backup(home: Path, backup: Path | None = None) -> tuple[Path, Path | None]:
    """Put a backup back in place of the journal files.

    The files being replaced are never deleted: they move to a ``replaced-…``
    folder beside the journal. Returns the backup used and where the old files went.
    """
    home = ensure_private_dir(home)
    source = backup or newest_good_backup(home)
    if source is None:
        raise HearthsideError(f"There are no good backups in {backups_dir(home)} to restore.")
    if not source.is_dir():
        raise HearthsideError(f"There is no backup folder at {source}.")
    if not is_good(source):
        raise HearthsideError(f"The backup {source} can't be read whole, so it wasn't used.")
    with FileLock(lock_path(home)):
        current = [p for p in journal_files(home) if p.exists()]
        kept: Path | None = None
        if current:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            kept, number = home / f"replaced-{stamp}", 1
            # Always a new folder: two restores in one second (or restoring the files
            # set aside a moment ago) must not put one set over the other.
            while kept.exists():
                number += 1
                kept = home / f"replaced-{stamp}-{number}"
            ensure_private_dir(kept)
            for path in current:
                path.replace(kept / path.name)
        for path in sorted(source.glob("*.json")):
            write_atomically(home / path.name, path.read_bytes())
    return source, kept
