"""Unsaved editor contents, kept on disk so a crash or a closed terminal loses nothing.

A draft is one small JSON file per open editor in the private ``drafts/`` folder,
replaced atomically on every autosave and removed once the entry is saved or the
user chooses to discard it. In an encrypted journal drafts are sealed like the
journal itself (atomic_storage.py's seam, with the keyring given), temp files included.

The command line's ``$EDITOR`` works on a plain file instead (``edit-KIND-PID-….md``),
removed once its words are saved. If Hearthside dies while the editor is open, the
file stays; once its writer is gone it is a kept edit, offered back like a draft
(by ``hearthside add`` and by the app) and sealed by ``hearthside encrypt``.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from hearthside.domain import dates
from hearthside.paths import FILE_MODE, drafts_dir, ensure_private_dir
from hearthside.store.atomic_storage import pid_alive, write_atomically
from hearthside.store.encryption.keys import Keyring
from hearthside.store.reading import CorruptDatabase, read_private

_SAFE_KEY = re.compile(r"^[a-z0-9-]{1,64}$")
_EDIT_NAME = re.compile(r"^edit-(entry|note)-(\d+)-[0-9a-f]{12}\.md$")


@dataclass(kw_only=True)
class Draft:
    key: str
    entry_id: str | None = None
    title: str = ""
    date: str = ""
    tags: str = ""
    closeness: int | None = None
    steps: list[int] = field(default_factory=list)
    body: str = ""
    private: bool = False
    saved_at: str = ""

    @property
    def headline(self) -> str:
        for line in (self.title, *self.body.splitlines()):
            if line.strip():
                return line.strip().lstrip("#").strip()
        return "(untitled)"


def _path(home: Path, key: str) -> Path:
    if not _SAFE_KEY.match(key):
        raise ValueError(f"bad draft key {key!r}")
    return drafts_dir(home) / f"{key}.json"


def save_draft(home: Path, draft: Draft, keys: Keyring) -> Draft:
    draft.saved_at = dates.now_iso()
    ensure_private_dir(drafts_dir(home))
    write_atomically(_path(home, draft.key), orjson.dumps(asdict(draft)), keys)
    return draft


def discard_draft(home: Path, key: str) -> None:
    path = _path(home, key)
    for each in (path, path.with_suffix(".md")):
        with contextlib.suppress(FileNotFoundError):
            each.unlink()


def _load(path: Path, keys: Keyring) -> Draft | None:
    try:
        raw: dict[str, Any] = orjson.loads(read_private(path, keys))
        return Draft(**{k: v for k, v in raw.items() if k in Draft.__dataclass_fields__})
    except (OSError, orjson.JSONDecodeError, TypeError, CorruptDatabase):
        # A draft we can't read is left in place for the user to look at; it is never
        # offered back half-understood.
        return None


def pending_drafts(home: Path, keys: Keyring) -> list[Draft]:
    """Drafts left behind by an editor that never saved, newest first.

    Entries kept from a command-line edit are among them (the app's own draft of
    the same key, autosaved after it was reopened, wins).
    """
    folder = drafts_dir(home)
    if not folder.is_dir():
        return []
    found = {d.key: d for d in (_load(p, keys) for p in folder.glob("*.json")) if d is not None}
    for kept in kept_edits(home, "entry", keys):
        found.setdefault(
            kept.path.stem, Draft(key=kept.path.stem, body=kept.text, saved_at=kept.saved_at)
        )
    return sorted(found.values(), key=lambda d: d.saved_at, reverse=True)


# -- the command line's editor -----------------------------------------------------


@dataclass(frozen=True)
class KeptEdit:
    path: Path
    text: str
    saved_at: str  # when the editor last wrote it


def new_edit_file(folder: Path, kind: str, text: str) -> Path:
    """A new private file holding ``text``, for ``$EDITOR`` to work on."""
    path = folder / f"edit-{kind}-{os.getpid()}-{secrets.token_hex(6)}.md"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path


def kept_edit_files(home: Path, kind: str | None = None) -> list[Path]:
    """Files of edits whose Hearthside died with the editor open, newest first.

    Only their names are looked at, so this needs no passphrase.
    """
    folder = drafts_dir(home)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("edit-*.md"):
        named = _EDIT_NAME.match(path.name)
        if named and kind in (None, named.group(1)) and not pid_alive(int(named.group(2))):
            with contextlib.suppress(OSError):
                found.append((path.stat().st_mtime, path))
    return [path for _when, path in sorted(found, reverse=True)]


def kept_edits(home: Path, kind: str, keys: Keyring) -> list[KeptEdit]:
    """The kept edits of ``kind`` with their words, newest first; empty ones are dropped."""
    found = []
    for path in kept_edit_files(home, kind):
        try:
            text = read_private(path, keys).decode("utf-8")
            when = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        except (OSError, UnicodeDecodeError, CorruptDatabase):
            continue  # left in place for the person to look at, never offered half-read
        if not text.strip():
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        found.append(KeptEdit(path, text, when.isoformat(timespec="seconds")))
    return found
