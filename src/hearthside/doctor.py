"""``hearthside doctor``: plain-words checks of everything Hearthside relies on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from hearthside.content import Content
from hearthside.errors import HearthsideError
from hearthside.paths import DIR_MODE, FILE_MODE, database_path, lock_path
from hearthside.storage import CorruptDatabase, decode_database
from hearthside.store import FileLock, list_backups, newest_good_backup

Check = tuple[bool, str]


def run_checks(home: Path) -> Iterator[Check]:
    yield from _check_home(home)
    yield from _check_database(home)
    yield _check_lock(home)
    yield from _check_backups(home)
    yield _check_content()


def _check_home(home: Path) -> Iterator[Check]:
    if not home.is_dir():
        yield True, f"No journal yet at {home}; it will be created on first use."
        return
    mode = home.stat().st_mode & 0o777
    if mode == DIR_MODE:
        yield True, f"Journal folder {home} is private to you."
    else:
        yield (
            False,
            f"Journal folder {home} can be read by others (mode {mode:o}); run: chmod 700 '{home}'",
        )


def _check_database(home: Path) -> Iterator[Check]:
    path = database_path(home)
    if not path.exists():
        return
    try:
        data = decode_database(path.read_bytes(), path)
    except CorruptDatabase as exc:
        good = newest_good_backup(home)
        fix = "run `hearthside restore`" if good else "there is no backup to restore yet"
        yield False, f"{exc} It has not been touched; {fix}."
        return
    except OSError as exc:
        yield False, f"The journal file {path} can't be read ({exc.strerror})."
        return
    counts = {name: len(t) for name, t in data.items() if name not in ("meta", "settings")}
    summary = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in sorted(counts.items()) if n)
    yield True, f"Journal file reads cleanly ({summary or 'empty so far'})."
    mode = path.stat().st_mode & 0o777
    if mode != FILE_MODE:
        yield (
            False,
            f"The journal file can be read by others (mode {mode:o}); run: chmod 600 '{path}'",
        )


def _check_lock(home: Path) -> Check:
    holder = FileLock(lock_path(home)).holder()
    if holder is None:
        return True, "No one is writing right now; the lock is free."
    return True, f"The journal is being saved by {holder} right now."


def _check_backups(home: Path) -> Iterator[Check]:
    backups = list_backups(home)
    if not backups:
        yield True, "No backups yet; one is made on the first save of each day."
        return
    good = newest_good_backup(home)
    if good is None:
        yield False, "None of the backups can be read; keep them and ask for help."
    else:
        yield True, f"{len(backups)} backup(s); the newest good one is {good.name}."


def _check_content() -> Check:
    try:
        content = Content()
        problems = content.check_all()
    except HearthsideError as exc:
        return False, str(exc)
    if problems:
        return False, "Content problem: " + " ".join(problems)
    return True, f"Content loads from {content.root}."
