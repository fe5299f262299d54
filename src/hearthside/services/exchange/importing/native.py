"""Hearthside's own JSON: a full or partial export, or a sharing bundle of notes."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hearthside.domain import document_shape, record_checks, validation
from hearthside.domain.records import (
    RECORD_TYPES,
    SCHEMA_VERSION,
    Entry,
    Note,
    NoteStatus,
    OwnPractice,
    Record,
    Review,
)
from hearthside.domain.settings import Settings
from hearthside.domain.upgrades import upgrade_doc
from hearthside.errors import HearthsideError
from hearthside.services.exchange.exporting.archive import FORMAT_VERSION, SHARE_FORMAT_NAME
from hearthside.services.exchange.importing.checks import (
    TAG_RULE,
    ImportRefused,
    Plan,
    record_problem,
)

if TYPE_CHECKING:
    from hearthside.texts.library import Content

_KINDS = {cls.KIND: cls for cls in RECORD_TYPES}


class HearthsideReader:
    """Checks one parsed file in Hearthside's format and plans what it would add."""

    def __init__(
        self, path: Path, doc: dict[str, Any], content: Content, practices: Collection[str]
    ) -> None:
        self.path, self.doc, self.content = path, doc, content
        self.sharing = doc["format"] == SHARE_FORMAT_NAME
        self.practices = set(practices)

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
        # The file's own practices may follow the logs that name them.
        own = tables.get(OwnPractice.KIND)
        if isinstance(own, list):
            self.practices |= {d["key"] for d in own if isinstance(d, dict) and "key" in d}
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
        problem = document_shape.shape_problem(cls, doc)
        if problem is None and doc.get("schema", 0) > SCHEMA_VERSION:
            problem = (
                f"it was written by a newer Hearthside (record schema {doc['schema']}); "
                "update Hearthside, then import it"
            )
        if problem is None:
            # An older export's records, in this schema's shape (a received note's sender).
            record = cls.from_doc(upgrade_doc(cls, doc))
            try:
                _as_if_typed(record)
            except HearthsideError:
                problem = f"its 'tags' can't be kept ({TAG_RULE})"
            else:
                problem = record_problem(record, self.content, self.practices)
        if problem is not None:
            raise self.refuse(f"{where}: {problem}")
        return record

    def _settings(self) -> Settings | None:
        raw = self.doc.get("settings")
        if raw is None:
            return None
        problem = document_shape.shape_problem(Settings, raw)
        if problem is not None:
            raise self.refuse(f"'settings': {problem}")
        known = {f.name for f in dataclasses.fields(Settings)}
        found = Settings(**{k: v for k, v in raw.items() if k in known})
        try:
            found.validate()
        except HearthsideError as exc:
            raise self.refuse(f"its settings can't be used ({exc})") from None
        return found

    def _received(self, records: list[Record], settings: Settings) -> list[Record]:
        sender = self.doc.get("from")
        if sender is not None and (
            not isinstance(sender, str) or validation.name_problem(sender) is not None
        ):
            raise self.refuse(
                f"its 'from' should be a name of up to {validation.MAX_NAME} characters, "
                "in plain words"
            )
        name = " ".join((sender or "").split()) or settings.spouse()
        given = self.doc.get("exported")
        when = (
            given
            if isinstance(given, str) and record_checks.moment_problem(given) is None
            else None
        )
        notes = [r for r in records if isinstance(r, Note)]  # a bundle holds nothing else
        for note in notes:
            note.status = NoteStatus.RECEIVED
            note.sender = name
            note.delivered_how = None
            note.delivered_at = when
            # Keeping it private, or starring it, is the receiver's own choice.
            note.private = note.starred = False
        return list(notes)


def _as_if_typed(record: Record) -> None:
    """Put a record in the form typing gives: lower-case ids (ids are looked up as typed,
    in lower case) and tags cleaned as typed ones are. Raises HearthsideError."""
    record.id = record.id.lower()
    if isinstance(record, Entry):
        record.tags = validation.clean_tags(record.tags)
    if isinstance(record, Review):
        record.made = {role: [i.lower() for i in ids] for role, ids in record.made.items()}
