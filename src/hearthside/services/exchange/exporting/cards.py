"""One note as a card to hand over: plain text, Markdown, or a printable HTML sheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hearthside.domain.records import Note
from hearthside.errors import HearthsideError
from hearthside.paths import ensure_private_dir, exports_dir
from hearthside.services.exchange.exporting.files import file_target, slug, write_private
from hearthside.services.exchange.exporting.page import card_page, signed_by
from hearthside.services.exchange.exporting.selection import heading_date, note_label
from hearthside.services.notes import check_filled
from hearthside.services.settings import signature

if TYPE_CHECKING:
    from hearthside.store.store import Store
    from hearthside.texts.library import Content

CARD_FORMATS = ("txt", "md", "html")


def card_text(note: Note, spouse: str, fmt: str, sender: str = "") -> str:
    """The card's words in ``txt`` or ``md``, signed by ``sender`` unless it is empty;
    the note's text is left exactly as written."""
    occasion = " ".join(note.occasion.split())
    when = heading_date(note.date)
    if fmt == "md":
        parts = [f"# For {spouse}" if spouse else "# A note for you"]
        if occasion:
            parts.append(f"*{occasion}*")
        parts.append(note.text.strip("\n"))
        if sender:
            parts.append(signed_by(sender))
        parts.append(f"*{when}*")
    else:
        parts = [f"For {spouse}"] if spouse else []
        if occasion:
            parts.append(occasion)
        parts.append(note.text.strip("\n"))
        if sender:
            parts.append(signed_by(sender))
        parts.append(when)
    return "\n\n".join(parts) + "\n"


def card_name(note: Note) -> str:
    """A readable stem: kind, date and short id, e.g. ``gratitude-2026-11-25-1a2b3c4d``."""
    return f"{slug(note.kind, 'note')}-{note.date}-{note.short_id}"


def export_card(
    store: Store,
    content: Content | None,
    note: Note | str,
    fmt: str,
    *,
    output: Path | None = None,
    force: bool = False,
    allow_gaps: bool = False,
    include_private: bool = False,
    sender: str | None = None,
) -> Path:
    """Write one note as a card under the home's ``exports/`` and return the path.

    ``note`` is a Note or an id (or unambiguous prefix). The default name is the
    same for the same note, so making its card again needs ``force`` (the app asks).
    A note with ___ gaps left is refused (UnfilledGaps) unless ``allow_gaps``; a
    private note needs ``include_private``, as for every other export. ``sender``
    signs it; None signs it with the sender of a received note, else with your own name
    from the settings.
    """
    if fmt not in CARD_FORMATS:
        raise HearthsideError(f"{fmt[:10]!r} isn't a card format; choose txt, md or html.")
    if isinstance(note, str):
        note = store.get(Note, note)
    if note.deleted:
        raise HearthsideError(
            f"The note {note.short_id} is in the trash. Restore it first, then make its card."
        )
    if note.private and not include_private:
        raise HearthsideError(
            f"The note {note.short_id} is marked private. Nothing was written; make its card "
            "anyway with --include-private."
        )
    if not allow_gaps:
        check_filled([note])
    settings = store.settings()
    # A received note is signed by the one who wrote it, unless told otherwise.
    given = note.sender if sender is None and note.sender else sender
    spouse, sender = settings.spouse(unnamed=""), signature(settings, given)
    if fmt == "html":
        text = card_page(note, note_label(content, note.kind), spouse, sender)
    else:
        text = card_text(note, spouse, fmt, sender)
    target = output
    if target is None:
        target = ensure_private_dir(exports_dir(store.home)) / f"{card_name(note)}.{fmt}"
    path = file_target(store.home, target, card_name(note), f".{fmt}", force=force)
    return write_private(path, text)
