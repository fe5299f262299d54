"""One journal on two computers: folding in what a sync tool kept of the other side.

When both computers changed a journal file before a sync tool (Syncthing, Dropbox,
Nextcloud) could pass the change on, it keeps one version under the file's name and
writes the other beside it as a conflict copy. Left alone, the records only in that
copy would vanish from the journal. Here each copy is merged into its file record by
record (merging.py), both versions are kept as they were in ``conflicts/``, and the
copy is removed only once the merged file is on disk for good.

The same merge runs when a journal file changes underneath an open journal (another
computer's save, brought by the sync tool): the version in memory and the one on
disk are merged instead of one replacing the other.

A copy that can't be trusted (not JSON, a record that breaks the rules, another
program's file) is refused: left in place, nothing taken from it, the user told once.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import orjson

from hearthside.errors import HearthsideError
from hearthside.paths import DB_NAME
from hearthside.store.atomic_storage import Signature, fsync_dir, write_atomically
from hearthside.store.conflicts import Event, Merged, Refused, keep_both
from hearthside.store.encryption.keys import Keyring
from hearthside.store.layout import (
    META_TABLE,
    PART_FILE,
    SETTINGS_TABLE,
    Tables,
    format_of,
    listed_parts,
)
from hearthside.store.merging import differing, merge
from hearthside.store.migrations import FORMAT_VERSION
from hearthside.store.parts import bad_records
from hearthside.store.reading import (
    CorruptDatabase,
    decode_database,
    disk_signature,
    read_regular,
)

# Syncthing: NAME.sync-conflict-20261130-071502-ABCDEF1.json (the date, the time and the
# first seven characters of the device id that lost).
SYNCTHING = re.compile(r"(?P<stem>.+)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}(?P<ext>\.json)")
# Dropbox: NAME (Ana's conflicted copy 2026-11-30).json, sometimes with a (1) after;
# Nextcloud: NAME (conflicted copy 2026-11-30 071502).json.
CONFLICTED_COPY = re.compile(
    r"(?P<stem>.+?) \((?:[^()]* )?conflicted copy(?: [^()]*?)?(?: \(\d+\))?\)(?: \(\d+\))?"
    r"(?P<ext>\.json)",
    re.IGNORECASE,
)

Written = dict[Path, Signature]


def original_name(name: str) -> str | None:
    """The journal file a sync tool's conflict copy named ``name`` is a copy of, if any.

    Only copies of the journal's own files (hearthside.json and the parts) count: an
    export's copy, or a copy of a per-computer file, is none of Hearthside's business.
    """
    for pattern in (SYNCTHING, CONFLICTED_COPY):
        found = pattern.fullmatch(name)
        if found:
            original = found["stem"] + found["ext"]
            return original if original == DB_NAME or PART_FILE.match(original) else None
    return None


def copies(home: Path) -> list[Path]:
    """The sync tools' conflict copies of journal files in ``home``, in a fixed order."""
    try:
        return sorted(p for p in home.iterdir() if original_name(p.name))
    except OSError:
        return []


def reconcile(
    home: Path,
    keys: Keyring,
    changed: list[tuple[Path, Tables]],
    refused: dict[str, Signature | None],
) -> tuple[list[Event], Written]:
    """Under the write lock: merge each file in ``changed`` (with what this journal held
    of it) with what is on disk now, then fold in every conflict copy not refused before.

    ``refused`` maps a copy's name to its signature when refused, so that a copy is
    told about once, and tried again only when it changes. Returns what to tell the
    user and the files written.
    """
    events: list[Event] = []
    written: Written = {}
    for path, ours in changed:
        found = _merge_underneath(home, path, ours, keys)
        if found is not None:
            events.append(found[0])
            written[path] = found[1]
    for copy in copies(home):
        sig = disk_signature(copy)
        if copy.name in refused and refused[copy.name] == sig:
            continue
        try:
            event, sig_written = _fold(home, copy, keys)
        except HearthsideError as exc:
            event, sig_written = Refused(copy.name, str(exc).rstrip(".")), None
        if isinstance(event, Refused):
            refused[copy.name] = sig
        elif sig_written is not None:
            written[home / event.file] = sig_written
        events.append(event)
    return events, written


def waiting(home: Path, refused: dict[str, Signature | None]) -> bool:
    """Whether a conflict copy is there to fold in (one refused, unchanged since, isn't)."""
    return any(c.name not in refused or refused[c.name] != disk_signature(c) for c in copies(home))


def _merge_underneath(
    home: Path, path: Path, ours: Tables, keys: Keyring
) -> tuple[Merged, Signature] | None:
    """Merge what this journal held of ``path`` with the version now on disk.

    Nothing is written when the disk's version holds everything ours did (the usual
    case: the other computer's save, made after it had ours). A file gone or damaged
    is left for reading it to report, with ours kept aside first.
    """
    try:
        theirs_raw: bytes | None = read_regular(path)[0]
    except (FileNotFoundError, CorruptDatabase):
        theirs_raw = None
    try:
        theirs = decode_database(theirs_raw or b"", path, keys)
    except CorruptDatabase:
        keep_both(home, path.name, orjson.dumps(ours), theirs_raw, keys)
        return None
    merged = merge(ours, theirs, ties_to_b=True)
    if not differing(theirs, merged):
        return None
    kept = keep_both(home, path.name, orjson.dumps(ours), theirs_raw, keys)
    sig = write_atomically(path, orjson.dumps(merged), keys)
    return Merged(path.name, differing(ours, merged, records_only=True), kept), sig


def _fold(home: Path, copy: Path, keys: Keyring) -> tuple[Event, Signature | None]:
    """Merge one conflict copy into its journal file; the copy goes only once that is
    on disk for good."""
    original = home / (original_name(copy.name) or "")
    try:
        raw, _sig = read_regular(copy)
        # Sealed (an encrypted journal) under its original's name: opened as that file.
        theirs = decode_database(raw, original, keys)
        _check(theirs, original)
    except CorruptDatabase as exc:
        return Refused(copy.name, exc.problem), None
    ours_raw: bytes | None = None
    ours: Tables = {}
    with contextlib.suppress(FileNotFoundError):
        ours_raw = read_regular(original)[0]
        ours = decode_database(ours_raw, original, keys)
    merged = merge(ours, theirs)
    kept = keep_both(home, original.name, ours_raw, raw, keys)
    sig = None
    if ours_raw is None or differing(ours, merged):
        sig = write_atomically(original, orjson.dumps(merged), keys)
    with contextlib.suppress(FileNotFoundError):
        copy.unlink()
    fsync_dir(home)
    return Merged(original.name, differing(ours, merged, records_only=True), kept, copy.name), sig


def _check(tables: Tables, original: Path) -> None:
    """Refuse a copy Hearthside couldn't have written as ``original``."""
    if original.name == DB_NAME:
        if format_of(tables, original) != FORMAT_VERSION:
            raise CorruptDatabase(original, "it was written by another version of Hearthside")
        listed_parts(tables, original)
        unknown = set(tables) - {META_TABLE, SETTINGS_TABLE}
    else:
        found = PART_FILE.match(original.name)
        kind = found.group(1).split("-", 1)[1] if found else ""
        unknown = set(tables) - {kind}
        for name, table in tables.items():
            for bad in bad_records(name, table, original.name).values():
                raise CorruptDatabase(original, f"its {bad.label} {bad.ref}: {bad.problem}")
    if unknown:
        raise CorruptDatabase(original, "it holds tables a journal file of its name never has")
