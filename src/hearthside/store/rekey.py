"""Turning encryption at rest on and off for a whole home.

It lives beside atomic_storage.py rather than in encryption/, since it writes
through the storage that itself seals with encryption/.

Turning it on or off rewrites every private file (journal files, backups, drafts,
conflict and set-aside copies) under the write lock: each new file is written
whole beside its old one first, and only when all are written are they renamed
into place. A failure before that changes nothing. An interruption while
renaming leaves a mix that still opens (each file's header says whether it is
sealed, and ``encryption.json`` says a change is under way); running the same
command again finishes the job.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from hearthside.errors import StoreError
from hearthside.paths import ensure_private_dir, lock_path
from hearthside.store import conflicts
from hearthside.store.atomic_storage import (
    Signature,
    finish_interrupted,
    fsync_dir,
    remove_stale_temps,
    stage,
    stale_temps,
    temp_folders,
    write_atomically,
)
from hearthside.store.encryption.cipher import Key, is_sealed, open_with, seal_with
from hearthside.store.encryption.keys import (
    ON,
    TURNING_OFF,
    TURNING_ON,
    Config,
    config_of,
    config_path,
    create,
    open_key,
)
from hearthside.store.encryption.sealing import plain_files, private_files
from hearthside.store.locking import FileLock


@dataclass(frozen=True)
class Sealed:
    rewritten: list[Path]  # the private files encrypted
    removed: list[Path]  # unfinished temp files removed: they may have held plain words


def turn_on(home: Path, passphrase: str) -> Sealed:
    """Encrypt every private file of ``home``, and remove what a crash left unfinished.

    A new journal key comes from ``passphrase``; an encryption already set up (or
    half done) must be given its own passphrase and is finished.
    """
    home = ensure_private_dir(home)
    # The passphrase is checked before the lock is taken: a wrong one changes no byte.
    found = config_of(home)
    cfg, key = create(passphrase) if found is None else (found, open_key(found, passphrase))
    with FileLock(lock_path(home)):
        _still(home, found)
        removed = _finish_leftovers(home)
        staged = _stage_all(home, key, seal=True)
        if staged or cfg.state != ON:
            _commit(home, cfg.with_state(TURNING_ON), staged)
            _write_config(home, cfg.with_state(ON))
    return Sealed([path for _tmp, path, _sig in staged], removed)


def turn_off(home: Path, passphrase: str) -> int:
    """Write every private file of ``home`` as plain again; returns how many were rewritten."""
    cfg = config_of(home)
    if cfg is None:
        return 0
    key = open_key(cfg, passphrase)
    with FileLock(lock_path(home)):
        _still(home, cfg)
        _finish_leftovers(home)
        staged = _stage_all(home, key, seal=False)
        _commit(home, cfg.with_state(TURNING_OFF), staged)
        config_path(home).unlink()
        fsync_dir(home)
    return len(staged)


def _still(home: Path, checked: Config | None) -> None:
    """Under the lock: the settings the passphrase was checked against are still in place."""
    now = config_of(home)
    if (now is None) != (checked is None) or (now and checked and now.key_id != checked.key_id):
        raise StoreError(
            "Another Hearthside changed the journal's encryption meanwhile. Nothing was "
            "changed here; run the command again."
        )


Staged = list[tuple[Path, Path, Signature]]  # temp file, its target, the temp's signature


def _stage_all(home: Path, key: Key, *, seal: bool) -> Staged:
    """Every file that needs it, rewritten beside itself; on any failure, none is."""
    staged: Staged = []
    try:
        for path, name in private_files(home):
            raw = path.read_bytes()
            if is_sealed(raw) == seal:
                continue  # done by an earlier, interrupted run (or sealed under an old key)
            data = seal_with(key, name, raw) if seal else open_with(key, name, raw, path)
            tmp, sig = stage(path, data)
            staged.append((tmp, path, sig))
    except BaseException:
        for tmp, _path, _sig in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    return staged


def _commit(home: Path, cfg: Config, staged: Staged) -> None:
    """Say a change is under way, then rename every staged file into place."""
    _write_config(home, cfg)
    written: dict[str, Signature] = {}
    for tmp, path, sig in staged:
        tmp.replace(path)
        if path.parent == home:
            written[path.name] = sig
    for folder in {path.parent for _tmp, path, _sig in staged}:
        fsync_dir(folder)
    # Hearthside wrote these: an app open elsewhere reloads them without a conflict copy.
    conflicts.note_written(home, written)


def _write_config(home: Path, cfg: Config) -> None:
    write_atomically(config_path(home), cfg.dumps())


def _finish_leftovers(home: Path) -> list[Path]:
    """Under the lock, before every file is rewritten: finish a committed change a kill
    interrupted (its files are journal files), and remove the temp files of writers
    that died (a save never committed, an export cut short). Returns those removed."""
    conflicts.note_written(home, finish_interrupted(home))
    return remove_stale_temps(temp_folders(home))


def plaintext_left(home: Path) -> bool:
    """Whether anything of ``home`` may still hold words in the clear."""
    return bool(plain_files(home) or stale_temps(temp_folders(home)))
