"""Journal files known to hold only records that pass today's rules.

Checking every record (``record_checks``) costs seconds for a decade's journal, on
every start. A file checked once and not changed since needs no second look:
``.checked`` notes the signature of each such file, and of each file Hearthside
saved with every record in it checked. A file whose signature differs (a hand
edit, a restored backup, an older Hearthside's save) is checked again in full.

Only bookkeeping: a ``.checked`` that is missing, unreadable or can't be written
means more checking, never a failure. It holds file names and sizes, no words.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import orjson

from hearthside.errors import HearthsideError
from hearthside.store.atomic_storage import Signature, write_atomically

CHECKED = ".checked"
# Raised whenever validation's rules change, so every file is checked by the new ones.
RULES = 1


def checked(home: Path) -> dict[str, Signature]:
    try:
        raw = orjson.loads((home / CHECKED).read_bytes())
        files = raw["files"] if raw.get("rules") == RULES else {}
        return {str(name): (int(a), int(b), int(c)) for name, (a, b, c) in files.items()}
    except (OSError, orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return {}


def note_checked(home: Path, signatures: dict[str, Signature]) -> dict[str, Signature]:
    """Add ``signatures`` (file name -> signature of a file wholly checked); the new notes."""
    known = checked(home)
    if all(known.get(name) == sig for name, sig in signatures.items()):
        return known
    known.update(signatures)
    with contextlib.suppress(OSError, HearthsideError):
        write_atomically(home / CHECKED, orjson.dumps({"rules": RULES, "files": known}))
    return known
