"""Which files of a home are private, and sealing or opening one at its path.

Every private file of an encrypted journal (its journal files, backups, drafts,
conflict and set-aside copies) is sealed with the journal's key under its own
name (cipher.py). The key comes from the ``Keyring`` the caller hands in; with
none, a private file of an encrypted journal is refused (Locked), never written
or read in the clear. Nothing here writes a file.
"""

from __future__ import annotations

import re
from pathlib import Path

from hearthside.paths import backups_dir, drafts_dir, journal_files
from hearthside.store.encryption.cipher import (
    MAGIC,
    DamagedFile,
    Key,
    is_sealed,
    open_with,
    seal_with,
)
from hearthside.store.encryption.keys import CONFIG_NAME, ON, Config, Keyring, Locked, config_of

# Folders of a home whose files are sealed, besides the journal files themselves.
_COPY_FOLDERS = ("backups", "conflicts")
# hearthside.json, hearthside-2026.json (format 2), hearthside-2026-entries.json (format 3)
_JOURNAL_NAME = re.compile(r"hearthside(-\d{4}(-[a-z_]+)?)?\.json")
_CONFLICT_PREFIX = re.compile(r"^(ours|theirs)-")


# -- which files are private ------------------------------------------------------


def _candidates(path: Path) -> list[tuple[Path, str]]:
    """The homes ``path`` could be a private file of, with the name sealed into it."""
    parent = path.parent
    found = []
    if _JOURNAL_NAME.fullmatch(path.name):
        found.append((parent, path.name))
    grand = parent.parent
    if grand.name in _COPY_FOLDERS or parent.name.startswith("replaced-"):
        # A backup, a conflict copy or a set-aside file: the journal file's own name,
        # so a copy put back opens as that file.
        home = grand.parent if grand.name in _COPY_FOLDERS else grand
        found.append((home, _CONFLICT_PREFIX.sub("", path.name)))
    if parent.name == "drafts":
        found.append((grand, f"drafts/{path.name}"))
    return found


def locate(path: Path) -> tuple[Path, str, Config] | None:
    """The encrypted home ``path`` is a private file of, its sealed name and settings."""
    for home, name in _candidates(path):
        cfg = config_of(home)
        if cfg is not None:
            return home, name, cfg
    return None


def private_files(home: Path) -> list[tuple[Path, str]]:
    """Every file encryption covers: journal files, backups, drafts, conflict and other copies."""
    files = [p for p in journal_files(home) if p.is_file()]
    for folder in (backups_dir(home), home / "conflicts"):
        if folder.is_dir():
            files += sorted(p for p in folder.glob("*/*.json") if p.is_file())
    files += sorted(p for p in home.glob("replaced-*/*.json") if p.is_file())
    if drafts_dir(home).is_dir():
        # The app's drafts, and the words of command-line edits kept after a crash.
        files += sorted(
            p for p in drafts_dir(home).iterdir() if p.suffix in (".json", ".md") and p.is_file()
        )
    out = []
    own = home.resolve()
    for path in files:
        names = [name for h, name in _candidates(path) if h.resolve() == own]
        if names:
            out.append((path, names[0]))
    return out


def plain_files(home: Path) -> list[Path]:
    """Private files of ``home`` not sealed (an interrupted encrypt, a file put back)."""
    found = []
    for path, _name in private_files(home):
        with path.open("rb") as fh:
            if not is_sealed(fh.read(len(MAGIC))):
                found.append(path)
    return found


# -- sealing and opening at a path ----------------------------------------------------


def _key(keys: Keyring | None, home: Path, cfg: Config) -> Key:
    if keys is None:
        raise Locked(home)
    return keys.key_for(home, cfg)


def seal(path: Path, payload: bytes, keys: Keyring | None) -> bytes:
    """What to write for ``payload`` at ``path``: sealed when it is a private file of an
    encrypted journal, else as it is. Raises Locked rather than write plaintext."""
    if is_sealed(payload):
        # A copy of a file already sealed (a backup, a conflict copy): its bytes as they are.
        return payload
    found = locate(path)
    if found is None:
        return payload
    home, name, cfg = found
    return seal_with(_key(keys, home, cfg), name, payload)


def unseal(path: Path, raw: bytes, keys: Keyring | None) -> bytes:
    """The plaintext of ``raw`` read from ``path``; DamagedFile when it can't be trusted."""
    found = locate(path)
    if not is_sealed(raw):
        if found is not None and found[2].state == ON:
            raise DamagedFile(
                path,
                "it is not encrypted, though this journal is (a plain file put in its place?). "
                "If you put it there, run `hearthside encrypt` to encrypt it",
            )
        return raw
    if found is None:
        raise DamagedFile(
            path, f"it is encrypted, but there is no {CONFIG_NAME} beside the journal"
        )
    home, name, cfg = found
    return open_with(_key(keys, home, cfg), name, raw, path)
