"""Unsaved editor contents, kept on disk so a crash or a closed terminal loses nothing.

A draft is one small JSON file per open editor in the private ``drafts/`` folder,
replaced atomically on every autosave and removed once the entry is saved or the
user chooses to discard it. In an encrypted journal drafts are sealed like the
journal itself (storage.py's seam), temp files included.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

from hearthside import dates
from hearthside.paths import drafts_dir, ensure_private_dir
from hearthside.storage import CorruptDatabase, read_private, write_atomically

_SAFE_KEY = re.compile(r"^[a-z0-9-]{1,64}$")


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


def save_draft(home: Path, draft: Draft) -> Draft:
    draft.saved_at = dates.now_iso()
    ensure_private_dir(drafts_dir(home))
    write_atomically(_path(home, draft.key), orjson.dumps(asdict(draft)))
    return draft


def discard_draft(home: Path, key: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        _path(home, key).unlink()


def _load(path: Path) -> Draft | None:
    try:
        raw: dict[str, Any] = orjson.loads(read_private(path))
        return Draft(**{k: v for k, v in raw.items() if k in Draft.__dataclass_fields__})
    except (OSError, orjson.JSONDecodeError, TypeError, CorruptDatabase):
        # A draft we can't read is left in place for the user to look at; it is never
        # offered back half-understood.
        return None


def pending_drafts(home: Path) -> list[Draft]:
    """Drafts left behind by an editor that never saved, newest first."""
    folder = drafts_dir(home)
    if not folder.is_dir():
        return []
    found = [d for d in (_load(p) for p in folder.glob("*.json")) if d is not None]
    return sorted(found, key=lambda d: d.saved_at, reverse=True)
