"""Encryption at rest, turned on and off: ``hearthside encrypt`` and ``hearthside decrypt``.

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
import os
from pathlib import Path

import click

from hearthside import conflicts, crypto
from hearthside.cli_context import app_context, home_option, say
from hearthside.errors import StoreError
from hearthside.locking import FileLock
from hearthside.paths import ensure_private_dir, lock_path
from hearthside.storage import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    Signature,
    fsync_dir,
    stage,
    write_atomically,
)

CHOOSE = (
    "Choose a passphrase for this journal. Hearthside will ask for it each time it "
    "starts. Without it nobody can read the journal, you included: there is no way "
    "to recover it, so keep it somewhere safe."
)


# -- the work -----------------------------------------------------------------------


def turn_on(home: Path, passphrase: str) -> int:
    """Encrypt every private file of ``home``; returns how many files were rewritten.

    A new journal key comes from ``passphrase``; an encryption already set up (or
    half done) must be given its own passphrase and is finished.
    """
    home = ensure_private_dir(home)
    # The passphrase is checked before the lock is taken: a wrong one changes no byte.
    found = crypto.config(home)
    cfg, key = (
        crypto.create(passphrase) if found is None else (found, crypto.open_key(found, passphrase))
    )
    with FileLock(lock_path(home)):
        _still(home, found)
        staged = _stage_all(home, key, seal=True)
        if staged or cfg.state != crypto.ON:
            _commit(home, cfg.with_state(crypto.TURNING_ON), key, staged)
            _write_config(home, cfg.with_state(crypto.ON))
    return len(staged)


def turn_off(home: Path, passphrase: str) -> int:
    """Write every private file of ``home`` as plain again; returns how many were rewritten."""
    cfg = crypto.config(home)
    if cfg is None:
        return 0
    key = crypto.open_key(cfg, passphrase)
    with FileLock(lock_path(home)):
        _still(home, cfg)
        staged = _stage_all(home, key, seal=False)
        _commit(home, cfg.with_state(crypto.TURNING_OFF), key, staged)
        crypto.config_path(home).unlink()
        fsync_dir(home)
        crypto.forget(home)
    return len(staged)


def _still(home: Path, checked: crypto.Config | None) -> None:
    """Under the lock: the settings the passphrase was checked against are still in place."""
    now = crypto.config(home)
    if (now is None) != (checked is None) or (now and checked and now.key_id != checked.key_id):
        raise StoreError(
            "Another Hearthside changed the journal's encryption meanwhile. Nothing was "
            "changed here; run the command again."
        )


Staged = list[tuple[Path, Path, Signature]]  # temp file, its target, the temp's signature


def _stage_all(home: Path, key: crypto.Key, *, seal: bool) -> Staged:
    """Every file that needs it, rewritten beside itself; on any failure, none is."""
    _remove_leftover_temps(home)
    staged: Staged = []
    try:
        for path, name in crypto.private_files(home):
            raw = path.read_bytes()
            if crypto.is_sealed(raw) == seal:
                continue  # done by an earlier, interrupted run (or sealed under an old key)
            if seal:
                data = crypto.seal_with(key, name, raw)
            else:
                data = crypto.open_with(key, name, raw, path)
            tmp, sig = stage(path, data)
            staged.append((tmp, path, sig))
    except BaseException:
        for tmp, _path, _sig in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    return staged


def _commit(home: Path, cfg: crypto.Config, key: crypto.Key, staged: Staged) -> None:
    """Say a change is under way, then rename every staged file into place."""
    _write_config(home, cfg)
    crypto.remember(home, key)
    written: dict[str, Signature] = {}
    for tmp, path, sig in staged:
        tmp.replace(path)
        if path.parent == home:
            written[path.name] = sig
    for folder in {path.parent for _tmp, path, _sig in staged}:
        fsync_dir(folder)
    # Hearthside wrote these: an app open elsewhere reloads them without a conflict copy.
    conflicts.note_written(home, written)


def _write_config(home: Path, cfg: crypto.Config) -> None:
    write_atomically(crypto.config_path(home), cfg.dumps())


def _remove_leftover_temps(home: Path) -> None:
    # Under the lock no save is under way: temp files now are from a crash.
    folders = {home, *(path.parent for path, _name in crypto.private_files(home))}
    for folder in folders:
        for leftover in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def plain_files_left(home: Path) -> int:
    """Private files of ``home`` still not sealed (an interrupted encrypt, a file put back)."""
    count = 0
    for path, _name in crypto.private_files(home):
        with path.open("rb") as fh:
            count += not crypto.is_sealed(fh.read(len(crypto.MAGIC)))
    return count


# -- the commands -----------------------------------------------------------------


def _passphrase(prompt: str) -> str:
    from_env = os.environ.get(crypto.PASSPHRASE_ENV)
    if from_env:
        return from_env
    return str(click.prompt(prompt, hide_input=True, err=True))


@click.command()
@home_option
def encrypt() -> None:
    """Encrypt the journal, its backups and drafts with a passphrase.

    Asked twice, never shown. Exports stay plain files: you choose where they go.
    """
    home = app_context().home
    cfg = crypto.config(home)
    if cfg is not None and cfg.state == crypto.ON and not plain_files_left(home):
        say("The journal is already encrypted. Nothing was changed.")
        return
    if cfg is None:
        say(CHOOSE)
        passphrase = str(
            click.prompt("New passphrase", hide_input=True, confirmation_prompt=True, err=True)
        )
    else:
        say("Encryption was started before but not finished; its passphrase finishes it.")
        passphrase = _passphrase("Passphrase")
    count = turn_on(home, passphrase)
    say(
        f"Encrypted: the journal, its backups and drafts ({count} file(s) rewritten). "
        "Hearthside will ask for the passphrase when it starts; scripts can set "
        f"{crypto.PASSPHRASE_ENV}. Exports are still written as plain files."
    )


@click.command()
@home_option
def decrypt() -> None:
    """Turn encryption off: keep the journal, backups and drafts as plain files again."""
    home = app_context().home
    if crypto.config(home) is None:
        say("The journal isn't encrypted. Nothing was changed.")
        return
    count = turn_off(home, _passphrase("Passphrase"))
    say(
        f"Decrypted: the journal, its backups and drafts are plain files again "
        f"({count} file(s) rewritten). Anyone who can read your files can read them."
    )


COMMANDS: list[click.Command] = [encrypt, decrypt]
