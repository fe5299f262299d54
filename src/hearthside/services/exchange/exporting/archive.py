"""Hearthside's JSON export format, complete and lossless.

A UTF-8 JSON object::

    {
      "format": "hearthside",          # "hearthside-share" for a sharing bundle
      "version": 1,                    # this container's version (FORMAT_VERSION)
      "schema": 1,                     # record schema of the app that wrote it
      "app": "hearthside 0.1.0",
      "exported": "2026-11-25T21:05:00+01:00",
      "selection": {"since": null, "until": null, "tag": null, "kind": "all",
                    "step": null, "include_private": true, "private_left_out": 0},
      "settings": {"spouse_name": "Sam", "week_start": 0, ...},   # kind "all" only
      "records": {
        "entries": [...], "notes": [...], "practice_logs": [...], "moments": [...],
        "checkins": [...], "commitments": [...], "milestones": [...], "pauses": [...]
      }
    }

Each record is every field of its kind exactly as stored: ``id`` (uuid hex),
``created`` and ``updated`` (ISO 8601 with offset), ``deleted_at`` (null, or when
it went to the trash: trashed records are exported too, so nothing is lost),
``schema``, and the kind's own fields (see ``hearthside.domain.records``). Dates are ISO
``YYYY-MM-DD``. ``hearthside import`` matches records by ``id``, so importing a
file twice adds nothing. A file whose ``version`` or ``schema`` is newer than the
app's is refused rather than half-read.

A sharing bundle's JSON has ``"format": "hearthside-share"``, an optional
``"from"`` (the sender's name) and only ``records.notes``; importing it adds the
notes as received notes, kept apart from the importer's own.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import orjson

from hearthside import __version__
from hearthside.domain.records import SCHEMA_VERSION, Note, NoteStatus
from hearthside.domain.settings import Settings
from hearthside.services.exchange.exporting.selection import ExportData

FORMAT_NAME = "hearthside"
SHARE_FORMAT_NAME = "hearthside-share"
FORMAT_VERSION = 1


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _envelope(name: str, exported_at: datetime) -> dict[str, Any]:
    return {
        "format": name,
        "version": FORMAT_VERSION,
        "schema": SCHEMA_VERSION,
        "app": f"hearthside {__version__}",
        "exported": exported_at.isoformat(timespec="seconds"),
    }


def archive(data: ExportData, settings: Settings | None) -> dict[str, Any]:
    """The export document for the chosen records (and the settings, when given)."""
    selection = data.selection
    doc = _envelope(FORMAT_NAME, data.exported_at)
    doc["selection"] = {
        "since": _iso(selection.since),
        "until": _iso(selection.until),
        "tag": selection.tag,
        "kind": selection.kind,
        "step": selection.step,
        "include_private": selection.include_private,
        "private_left_out": data.private_left_out,
    }
    if settings is not None:
        doc["settings"] = settings.to_doc()
    doc["records"] = data.documents
    return doc


def share_archive(notes: list[Note], sender: str, exported_at: datetime) -> dict[str, Any]:
    """The JSON half of a sharing bundle: the notes, stripped of the sender's own state."""
    doc = _envelope(SHARE_FORMAT_NAME, exported_at)
    doc["from"] = sender or None
    shared = []
    for note in notes:
        record = note.to_doc()
        # How and whether the sender handed it over, kept it private or starred it, is
        # theirs alone.
        record.update(
            private=False,
            starred=False,
            status=NoteStatus.DRAFTED,
            delivered_how=None,
            delivered_at=None,
            sender=None,  # the bundle's "from" names who sends it now
            shared_at=None,
            shared_in=None,
        )
        shared.append(record)
    doc["records"] = {Note.KIND: shared}
    return doc


def dumps(doc: dict[str, Any]) -> str:
    return encoded(doc).decode("utf-8")


def encoded(doc: dict[str, Any]) -> bytes:
    """The file's bytes: UTF-8 JSON, indented, ending in a newline."""
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n"
