"""Journal files known to hold only records that pass today's rules.

Checking every record (``record_checks``) costs seconds for a decade's journal, on
every start. A file checked once and not changed since needs no second look:
``.checked`` notes the signature of each such file, and of each file Hearthside
saved with every record in it checked. A file whose signature differs (a hand
edit, a restored backup, an older Hearthside's save) is checked again in full.

It also notes the newest day among each such file's records, so that the newest
entries can be listed without reading the years that can't hold any of them
(``Store.newest_first``). An encrypted journal's days aren't noted: its dates stay sealed.

Only bookkeeping: a ``.checked`` that is missing, unreadable or can't be written
means more checking (and reading), never a failure. It holds file names, sizes and
those days, no words.
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


def notes(home: Path) -> tuple[dict[str, Signature], dict[str, str]]:
    """The checked files' signatures, and the newest day among the records of those whose
    day was noted (a file's note holds while its signature does)."""
    try:
        raw = orjson.loads((home / CHECKED).read_bytes())
        if raw.get("rules") != RULES:
            return {}, {}
        files = {str(name): (int(a), int(b), int(c)) for name, (a, b, c) in raw["files"].items()}
        days = {
            str(name): day
            for name, day in raw.get("newest", {}).items()
            if name in files and isinstance(day, str)
        }
        return files, days
    except (OSError, orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return {}, {}


def note_checked(
    home: Path, signatures: dict[str, Signature], days: dict[str, str] | None = None
) -> tuple[dict[str, Signature], dict[str, str]]:
    """Add ``signatures`` (file name -> signature of a file wholly checked), with the
    newest day of each one's records where ``days`` gives it; the new notes."""
    known, newest = notes(home)
    days = days or {}
    if all(known.get(name) == sig for name, sig in signatures.items()) and all(
        newest.get(name) == day for name, day in days.items()
    ):
        return known, newest
    known.update(signatures)
    for name in signatures:
        # A day noted for the file as it was no longer holds.
        newest.pop(name, None)
    newest.update(days)
    with contextlib.suppress(OSError, HearthsideError):
        write_atomically(
            home / CHECKED, orjson.dumps({"rules": RULES, "files": known, "newest": newest})
        )
    return known, newest
