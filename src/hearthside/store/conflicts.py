"""Noticing when something other than Hearthside changed a journal file.

Hearthside notes the signature of every file it writes in ``.written``. When a
file on disk no longer matches, another Hearthside (the app, the CLI) wrote it
only if the signature matches that note; otherwise something else did (a sync
tool restoring an old copy, a hand edit). Before reading the file back in, the
version Hearthside had is kept in ``conflicts/``, so nothing it held is lost.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

import orjson

from hearthside.errors import HearthsideError
from hearthside.paths import ensure_private_dir
from hearthside.store.atomic_storage import Signature, write_atomically
from hearthside.store.encryption.keys import Keyring

WRITTEN = ".written"


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


def keep_ours(home: Path, path: Path, ours: bytes, keys: Keyring) -> Path:
    """Keep the version Hearthside had of ``path``, and the one now on disk, side by side."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = ensure_private_dir(home / "conflicts" / stamp)
    write_atomically(folder / f"ours-{path.name}", ours, keys)
    with contextlib.suppress(FileNotFoundError):
        write_atomically(folder / f"theirs-{path.name}", path.read_bytes(), keys)
    return folder


def conflict_notice(folders: list[Path]) -> str:
    return (
        "A journal file was changed by another program (a sync tool or an editor?). "
        "Hearthside read in that version and kept the copy it had before in "
        f"{folders[-1]}, so nothing is lost. Compare them if something looks missing."
    )
