"""``hearthside doctor``: plain-words checks of everything Hearthside relies on."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from hearthside.errors import HearthsideError
from hearthside.paths import (
    DIR_MODE,
    FILE_MODE,
    database_path,
    drafts_dir,
    journal_files,
    lock_path,
    part_path,
)
from hearthside.services.drafts import kept_edit_files
from hearthside.services.sync_setup import has_stignore, sync_signs, syncthing_above
from hearthside.store.atomic_storage import TRANSACTION, stale_temps, temp_folders
from hearthside.store.backups import list_backups, newest_good_backup
from hearthside.store.encryption.keys import ON, TURNING_ON, Keyring, config_of, is_encrypted
from hearthside.store.encryption.sealing import plain_files
from hearthside.store.layout import format_of, listed_parts, missing_part
from hearthside.store.locking import FileLock
from hearthside.store.parts import bad_records
from hearthside.store.reading import CorruptDatabase, decode_database, read_regular
from hearthside.texts.checks import check_all
from hearthside.texts.library import Content

Check = tuple[bool, str]


def run_checks(home: Path, keys: Keyring) -> Iterator[Check]:
    yield from _check_home(home)
    yield _check_encryption(home)
    yield from _check_files(home, keys)
    yield _check_lock(home)
    yield from _check_leftovers(home)
    yield from _check_backups(home, keys)
    yield from _check_sync(home)
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


def _check_encryption(home: Path) -> Check:
    try:
        cfg = config_of(home)
    except HearthsideError as exc:
        return False, str(exc)
    if cfg is None:
        return True, "Encryption at rest is off (`hearthside encrypt` turns it on)."
    if cfg.state != ON:
        command = "encrypt" if cfg.state == TURNING_ON else "decrypt"
        return False, (
            f"Encryption was being turned {cfg.state.removeprefix('turning-')} and didn't "
            f"finish; run `hearthside {command}` again to finish it."
        )
    return True, "Encryption at rest is on: journal, backups and drafts (AES-256-GCM, scrypt)."


def _check_files(home: Path, keys: Keyring) -> Iterator[Check]:
    counts: dict[str, int] = {}
    found = [p for p in journal_files(home) if os.path.lexists(p)]
    fix = "run `hearthside restore`" if newest_good_backup(home, keys) else "there is no backup yet"
    listed: list[str] = []
    for path in found:
        try:
            raw, _sig = read_regular(path)
            data = decode_database(raw, path, keys)
            if path == database_path(home):
                format_of(data, path)
                listed = listed_parts(data, path) or []
        except CorruptDatabase as exc:
            yield False, f"{exc} It has not been touched; {fix}."
            continue
        except HearthsideError as exc:
            # An encrypted journal that stayed locked (no or a wrong passphrase).
            yield False, str(exc)
            return
        for name, table in data.items():
            if name not in ("meta", "settings"):
                counts[name] = counts.get(name, 0) + len(table)
                for bad in bad_records(name, table, path.name).values():
                    yield False, bad.notice()
        mode = path.stat().st_mode & 0o777
        if mode != FILE_MODE:
            yield False, f"{path} can be read by others (mode {mode:o}); run: chmod 600 '{path}'"
    for key in listed:
        path = part_path(home, key)
        if not os.path.lexists(path):
            yield False, f"{missing_part(path)} Nothing has been touched; {fix}."
    if found:
        summary = ", ".join(
            f"{n} {name.replace('_', ' ')}" for name, n in sorted(counts.items()) if n
        )
        yield True, f"{len(found)} journal file(s) checked ({summary or 'empty so far'})."


def _check_lock(home: Path) -> Check:
    lock = FileLock(lock_path(home))
    problem = lock.problem()
    if problem is not None:
        return False, problem
    holder = lock.holder()
    if holder is None:
        return True, "No one is writing right now; the lock is free."
    return True, f"The journal is being saved by {holder} right now."


def _check_leftovers(home: Path) -> Iterator[Check]:
    """What a crash left behind: an unfinished save, temp files, an editor's words."""
    if not home.is_dir():
        return
    try:
        encrypted = is_encrypted(home)
    except HearthsideError:
        return  # reported by the encryption check
    if os.path.lexists(home / TRANSACTION):
        yield (
            True,
            (
                "A save was interrupted before it finished; Hearthside finishes it the next "
                "time it opens the journal."
            ),
        )
    temps = stale_temps(temp_folders(home))
    if temps:
        where = ", ".join(str(p.relative_to(home)) for p in temps[:3])
        if encrypted:
            yield (
                False,
                (
                    f"{len(temps)} unfinished temporary file(s) left by an interrupted save or "
                    f"export ({where}) may hold words in the clear; run `hearthside encrypt` "
                    "to remove them."
                ),
            )
        else:
            yield (
                True,
                (
                    f"{len(temps)} unfinished temporary file(s) left by an interrupted save or "
                    f"export ({where}); Hearthside removes them the next time it opens the journal."
                ),
            )
    edits = kept_edit_files(home)
    if edits:
        yield (
            True,
            (
                f"{len(edits)} draft(s) from an earlier edit that didn't finish are kept in "
                f"{drafts_dir(home)}; `hearthside add` (or `note`, or the app) offers them back."
            ),
        )
    plain = plain_files(home) if encrypted else []
    if plain:
        where = ", ".join(str(p.relative_to(home)) for p in plain[:3])
        yield (
            False,
            (
                f"{len(plain)} file(s) are not encrypted, though the journal is ({where}); run "
                "`hearthside encrypt` to encrypt them."
            ),
        )


def _check_backups(home: Path, keys: Keyring) -> Iterator[Check]:
    backups = list_backups(home)
    if not backups:
        yield True, "No backups yet; one is made on the first save of each day."
        return
    try:
        good = newest_good_backup(home, keys)
    except HearthsideError as exc:
        yield False, str(exc)
        return
    if good is None:
        yield False, "None of the backups can be read; keep them and ask for help."
    else:
        yield True, f"{len(backups)} daily backup(s); the newest good one is {good.name}."


def _check_sync(home: Path) -> Iterator[Check]:
    """A synced journal folder must leave this computer's own files alone."""
    if not home.is_dir():
        return
    above = syncthing_above(home)
    if above is not None:
        yield (
            False,
            f"Syncthing shares {above}, a folder above the journal, so the journal's own "
            "list of files to leave alone is not read. Share the journal folder itself, "
            "then run `hearthside sync-setup`.",
        )
    signs = sync_signs(home)
    if not signs:
        return
    if has_stignore(home):
        yield True, "The journal folder is synced, and its .stignore keeps this computer's files."
        return
    yield (
        False,
        f"The journal folder looks synced ({', '.join(signs)}), but nothing keeps this "
        "computer's own files (the lock, drafts, backups) from travelling with it. Run "
        "`hearthside sync-setup`: it writes Syncthing's .stignore and lists them for other tools.",
    )


def _check_content() -> Check:
    try:
        content = Content()
        problems = check_all(content)
    except HearthsideError as exc:
        return False, str(exc)
    if problems:
        return False, "Content problem: " + " ".join(problems)
    return True, f"Content loads from {content.root}."
