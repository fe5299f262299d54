"""Noticing when something other than Hearthside changed a journal file.

Hearthside notes the signature of every file it writes in ``.written``. When a
file on disk no longer matches, another Hearthside (the app, the CLI) wrote it
only if the signature matches that note; otherwise something else did (a sync
tool restoring an old copy, a hand edit). Before reading the file back in, the
two versions are merged record by record (merging.py, sync_copies.py) and both kept
as they were in ``conflicts/``, so nothing either held is lost.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson

from hearthside.errors import HearthsideError
from hearthside.paths import ensure_private_dir
from hearthside.store.atomic_storage import Signature, write_atomically
from hearthside.store.encryption.keys import Keyring

WRITTEN = ".written"
FOLDER = "conflicts"


def written(home: Path) -> dict[str, Signature]:
    try:
        raw = orjson.loads((home / WRITTEN).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): (int(v[0]), int(v[1]), int(v[2])) for k, v in raw.items() if len(v) == 3}


def note_written(home: Path, signatures: dict[str, Signature]) -> None:
    """Called under the write lock after a save.

    Bookkeeping after the fact: it never turns a saved change into a failure. When
    the note can't be written (a full disk), the notes are dropped instead: with
    none, a changed file is taken for another Hearthside's save and read in, which
    is true here, rather than for another program's with a needless copy kept.
    """
    known = written(home)
    if all(known.get(name) == sig for name, sig in signatures.items()):
        return
    known.update(signatures)
    try:
        write_atomically(home / WRITTEN, orjson.dumps(known))
    except (OSError, HearthsideError):
        with contextlib.suppress(OSError):
            (home / WRITTEN).unlink()


def keep_both(
    home: Path, name: str, ours: bytes | None, theirs: bytes | None, keys: Keyring
) -> Path:
    """Keep two versions of the journal file ``name`` side by side, as they were (sealed
    still, for an encrypted journal): what Hearthside had, and the other one."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = ensure_private_dir(home / FOLDER / stamp)
    if ours is not None:
        write_atomically(folder / f"ours-{name}", ours, keys)
    if theirs is not None:
        write_atomically(folder / f"theirs-{name}", theirs, keys)
    return folder


@dataclass(frozen=True)
class Merged:
    """Two versions of a journal file made one: a sync tool's copy, or a file another
    computer changed while this one had it open."""

    file: str
    taken: int  # records that came from the other version (new or newer)
    kept: Path  # the folder holding both versions as they were
    copy: str | None = None  # the sync tool's copy, now folded in and removed


@dataclass(frozen=True)
class Refused:
    """A sync tool's copy that can't be merged: left where it is, nothing taken from it."""

    copy: str
    problem: str


Event = Merged | Refused


def conflict_notice(events: list[Event]) -> str:
    """Plain words for what was merged or refused: file names and counts, never a word
    of the journal."""
    return " ".join(_words(event) for event in events)


def _words(event: Event) -> str:
    if isinstance(event, Refused):
        return (
            f"A copy your sync tool made, {event.copy}, can't be merged: {event.problem}. "
            "It was left where it is and nothing was taken from it; the journal is as it "
            "was. Look at it, and remove it once you don't need it."
        )
    records = f"{event.taken} record{'' if event.taken == 1 else 's'}"
    if event.copy is not None and not event.taken:
        return (
            f"A copy your sync tool made of {event.file} held nothing this journal didn't "
            f"have, so it was folded in and removed. Both versions as they were are kept "
            f"in {event.kept}."
        )
    if event.copy is not None:
        return (
            f"Merged {records} from a copy your sync tool made of {event.file}. "
            f"Both versions as they were are kept in {event.kept}."
        )
    return (
        f"{event.file} was changed by another program while Hearthside had it open (a sync "
        f"tool or another computer?). Hearthside merged the two, so nothing either side "
        f"saved is lost ({records} came from the other version). Both versions as they "
        f"were are kept in {event.kept}."
    )
