"""Hearthside's own JSON: a full or partial export, or a sharing bundle of notes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hearthside.config import Settings
from hearthside.errors import HearthsideError
from hearthside.exporting.archive import FORMAT_VERSION, SHARE_FORMAT_NAME
from hearthside.importing.checks import ImportRefused, Plan, check_fields, is_moment
from hearthside.model import RECORD_TYPES, SCHEMA_VERSION, Note, Record
from hearthside.sharing import MAX_NAME, RECEIVED

_ID = re.compile(r"[0-9a-zA-Z_-]{4,64}")
_KINDS = {cls.KIND: cls for cls in RECORD_TYPES}


class HearthsideReader:
    """Checks one parsed file in Hearthside's format and plans what it would add."""

    def __init__(self, path: Path, doc: dict[str, Any]) -> None:
        self.path, self.doc = path, doc
        self.sharing = doc["format"] == SHARE_FORMAT_NAME

    def refuse(self, problem: str) -> ImportRefused:
        return ImportRefused(self.path, problem)

    def plan(self, settings: Settings) -> Plan:
        version = self.doc.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.refuse("its 'version' is missing or not a whole number")
        if version > FORMAT_VERSION:
            raise self.refuse(
                f"it was written by a newer Hearthside (format {version}; this one reads up to "
                f"{FORMAT_VERSION}). Update Hearthside, then import it"
            )
        records = self._records()
        if self.sharing:
            return Plan("shared notes", self._received(records, settings))
        return Plan("a Hearthside export", records, self._settings())

    def _records(self) -> list[Record]:
        tables = self.doc.get("records")
        if not isinstance(tables, dict):
            raise self.refuse("it has no 'records' object")
        allowed = {Note.KIND: Note} if self.sharing else _KINDS
        found: list[Record] = []
        seen: set[str] = set()
        for kind, docs in tables.items():
            cls = allowed.get(kind)
            if cls is None:
                raise self.refuse(
                    f"it holds {str(kind)[:30]!r} records, which this Hearthside doesn't know; "
                    "update Hearthside, then import it"
                )
            if not isinstance(docs, list):
                raise self.refuse(f"'records.{kind}' is not a list")
            for number, doc in enumerate(docs, 1):
                record = self._record(cls, doc, f"{cls.LABEL} {number} in 'records.{kind}'")
                if record.id in seen:
                    raise self.refuse(f"the id {record.id} appears more than once")
                seen.add(record.id)
                found.append(record)
        return found

    def _record(self, cls: type[Record], doc: Any, where: str) -> Record:
        problem = check_fields(cls, doc, where)
        if problem is None and not _ID.fullmatch(doc.get("id", "")):
            problem = f"{where} has no usable 'id'"
        if problem is None and doc.get("schema", 0) > SCHEMA_VERSION:
            problem = (
                f"{where} was written by a newer Hearthside (record schema {doc['schema']}); "
                "update Hearthside, then import it"
            )
        if problem is not None:
            raise self.refuse(problem)
        return cls.from_doc(doc)

    def _settings(self) -> Settings | None:
        raw = self.doc.get("settings")
        if raw is None:
            return None
        problem = check_fields(Settings, raw, "'settings'")
        if problem is not None:
            raise self.refuse(problem)
        found = Settings.from_doc(raw)
        try:
            found.validate()
        except HearthsideError as exc:
            raise self.refuse(f"its settings can't be used ({exc})") from None
        return found

    def _received(self, records: list[Record], settings: Settings) -> list[Record]:
        sender = self.doc.get("from")
        if sender is not None and (not isinstance(sender, str) or len(sender) > MAX_NAME):
            raise self.refuse(f"its 'from' should be a name of up to {MAX_NAME} characters")
        name = " ".join((sender or settings.spouse_name or "your spouse").split())
        given = self.doc.get("exported")
        when = given if isinstance(given, str) and is_moment(given) else None
        notes = [r for r in records if isinstance(r, Note)]  # a bundle holds nothing else
        for note in notes:
            note.status = RECEIVED
            note.delivered_how = f"from {name}"
            note.delivered_at = when
            note.private = False
        return list(notes)
