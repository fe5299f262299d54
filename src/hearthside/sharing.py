"""A sharing bundle: chosen notes as a page for the spouse to read, plus their JSON.

The folder holds ``notes.html`` (open it in any browser, or print it) and
``notes.json``, which a spouse who also uses Hearthside brings in with
``hearthside import notes.json``: the notes arrive as received notes, "from"
the sender, kept apart from the spouse's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hearthside import validation
from hearthside.errors import HearthsideError
from hearthside.exporting.archive import dumps, share_archive
from hearthside.exporting.files import folder_target, write_all
from hearthside.exporting.page import share_page
from hearthside.model import Note
from hearthside.notes import check_filled

if TYPE_CHECKING:
    from hearthside.store import Store

# A received note's status, so the Notes room can keep them apart from the user's own.
RECEIVED = "received"
PAGE_NAME = "notes.html"
DATA_NAME = "notes.json"


@dataclass(frozen=True)
class ShareResult:
    folder: Path
    page: Path
    data: Path
    notes: tuple[Note, ...]


def _chosen(store: Store, refs: Sequence[Note | str], include_private: bool) -> list[Note]:
    if not refs:
        raise HearthsideError("Choose at least one note to share (its id from `hearthside notes`).")
    notes: dict[str, Note] = {}
    for ref in refs:
        note = store.get(Note, ref) if isinstance(ref, str) else ref
        if note.deleted:
            raise HearthsideError(
                f"The note {note.short_id} is in the trash. Nothing was written; restore it "
                "first, or leave it out."
            )
        if note.private and not include_private:
            raise HearthsideError(
                f"The note {note.short_id} is marked private. Nothing was written; leave it "
                "out, or share it anyway with --include-private."
            )
        notes.setdefault(note.id, note)
    return list(notes.values())


def share_notes(
    store: Store,
    refs: Sequence[Note | str],
    *,
    sender: str = "",
    output: Path | None = None,
    include_private: bool = False,
    force: bool = False,
    allow_gaps: bool = False,
    today: date | None = None,
) -> ShareResult:
    """Write the bundle for ``refs`` (Notes, or ids and prefixes) and return where it went.

    ``sender`` is the name shown as "Notes from …"; the spouse's own app falls back
    to their spouse's name when it is empty. Notes with ___ gaps left are refused
    (UnfilledGaps) unless ``allow_gaps``.
    """
    sender = " ".join(sender.split())
    problem = validation.name_problem(sender)
    if problem is not None:
        raise HearthsideError(problem)
    notes = _chosen(store, refs, include_private)
    if not allow_gaps:
        check_filled(notes)
    spouse = store.settings().spouse_name.strip()
    exported_at = datetime.now().astimezone()
    files = {
        PAGE_NAME: share_page(notes, sender, spouse, DATA_NAME),
        DATA_NAME: dumps(share_archive(notes, sender, exported_at)),
    }
    day = (today or date.today()).isoformat()
    folder = folder_target(store.home, output, f"hearthside-share-{day}")
    page, data = write_all(folder, files, force=force)
    return ShareResult(folder, page, data, tuple(notes))
