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

from hearthside.domain import dates
from hearthside.domain.records import Note
from hearthside.errors import HearthsideError
from hearthside.services.exchange.exporting.archive import dumps, share_archive
from hearthside.services.exchange.exporting.files import folder_target, write_all
from hearthside.services.exchange.exporting.page import share_page
from hearthside.services.notes import check_filled
from hearthside.services.settings import signature

if TYPE_CHECKING:
    from hearthside.store.store import Store

# A received note's status, so the Notes room can keep them apart from the user's own.
PAGE_NAME = "notes.html"
DATA_NAME = "notes.json"


@dataclass(frozen=True)
class ShareResult:
    folder: Path
    page: Path
    data: Path
    notes: tuple[Note, ...]
    replaced: bool = False


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


def _earlier_shares(notes: list[Note]) -> dict[Path, list[Note]]:
    """The folders these notes were shared to before and that are still there."""
    found: dict[Path, list[Note]] = {}
    for note in notes:
        if note.shared_in and Path(note.shared_in).is_dir():
            found.setdefault(Path(note.shared_in), []).append(note)
    return found


class AlreadyShared(HearthsideError):
    """Some of the notes were shared before, to folders still there; ``earlier`` names them."""

    def __init__(self, earlier: dict[Path, list[Note]]) -> None:
        self.earlier = earlier
        lines = [
            f"  {note.short_id}, on {(note.shared_at or '')[:10]}, in {folder}"
            for folder, notes in earlier.items()
            for note in notes
        ]
        super().__init__(
            "Already shared:\n" + "\n".join(lines) + "\nNothing was written. That folder "
            "still holds the page and the file to send; or write them afresh there with "
            "--replace."
        )


def _replacing(earlier: dict[Path, list[Note]], output: Path | None) -> Path | None:
    """Where --replace writes: the folder asked for, else the one earlier share."""
    if output is not None or not earlier:
        return output
    if len(earlier) > 1:
        folders = ", ".join(str(folder) for folder in earlier)
        raise HearthsideError(
            f"These notes were shared to different folders ({folders}). Nothing was written; "
            "choose the one to replace with -o."
        )
    return next(iter(earlier))


def share_notes(
    store: Store,
    refs: Sequence[Note | str],
    *,
    sender: str | None = None,
    output: Path | None = None,
    include_private: bool = False,
    force: bool = False,
    replace: bool = False,
    allow_gaps: bool = False,
    today: date | None = None,
) -> ShareResult:
    """Write the bundle for ``refs`` (Notes, or ids and prefixes) and return where it went.

    ``sender`` is the name shown as "Notes from …", your own from the settings when
    None; the spouse's own app falls back to their spouse's name when it is empty.
    Notes with ___ gaps left are refused (UnfilledGaps) unless ``allow_gaps``. A note
    shared before, to a folder that is still there, is refused unless ``replace``,
    which writes over that folder's files. Each note is marked shared: when, and where.
    """
    settings = store.settings()
    sender = signature(settings, sender)
    notes = _chosen(store, refs, include_private)
    if not allow_gaps:
        check_filled(notes)
    earlier = _earlier_shares(notes)
    if earlier and not replace:
        raise AlreadyShared(earlier)
    if replace:
        output, force = _replacing(earlier, output), True
    spouse = settings.spouse(unnamed="")
    exported_at = datetime.now().astimezone()
    files = {
        PAGE_NAME: share_page(notes, sender, spouse, DATA_NAME),
        DATA_NAME: dumps(share_archive(notes, sender, exported_at)),
    }
    day = (today or date.today()).isoformat()
    folder = folder_target(store.home, output, f"hearthside-share-{day}")
    page, data = write_all(folder, files, force=force)
    when, where = dates.now_iso(), str(folder.resolve())

    def mark(fresh: Note) -> None:
        fresh.shared_at, fresh.shared_in = when, where

    marked = tuple(store.update(Note, note.id, mark) for note in notes)
    return ShareResult(folder, page, data, marked, replaced=bool(earlier) and replace)
