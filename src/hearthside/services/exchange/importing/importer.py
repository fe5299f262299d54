"""Importing one file: read and checked whole, then its new records added in one
transaction, or (a dry run) only counted.

Each kind of file is read by its own module (``native`` for Hearthside's exports and
sharing bundles, ``jrnl`` for jrnl's); this one tells them apart and applies the plan.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from hearthside.domain.marks import with_marks
from hearthside.domain.records import RECORD_TYPES, Entry, Note, OwnPractice, Record
from hearthside.domain.settings import Settings
from hearthside.services import practice_book
from hearthside.services.exchange.exporting.archive import FORMAT_NAME, SHARE_FORMAT_NAME
from hearthside.services.exchange.exporting.selection import count_phrase
from hearthside.services.exchange.importing.checks import ImportRefused, Plan
from hearthside.services.exchange.importing.jrnl import looks_like_jrnl, read_jrnl
from hearthside.services.exchange.importing.native import HearthsideReader
from hearthside.store.store import Store
from hearthside.texts.library import Content

MAX_FILE_BYTES = 512 * 1024 * 1024

_FOREIGN = (
    "it isn't a Hearthside export, a Hearthside sharing bundle or a jrnl JSON export "
    "(jrnl --export json). Check that it is the file you meant"
)


@dataclass(frozen=True)
class ImportReport:
    path: Path
    source: str  # "a Hearthside export", "shared notes" or "a jrnl export"
    added: tuple[Record, ...]  # added, or that would be on a dry run
    already_there: int
    settings_applied: bool
    dry_run: bool

    @property
    def counts(self) -> dict[str, int]:
        counts = {cls.KIND: 0 for cls in RECORD_TYPES}
        for record in self.added:
            counts[record.KIND] += 1
        return {kind: n for kind, n in counts.items() if n}

    def summary(self) -> str:
        if not self.added:
            there = self.already_there
            held = (
                "it holds no records"
                if there == 0
                else "its one record is already in your journal"
                if there == 1
                else f"all {there} of its records are already in your journal"
            )
            return f"Nothing new to import from {self.path} ({self.source}): {held}."
        verb = "Would import" if self.dry_run else "Imported"
        tail = "; nothing was written (dry run)." if self.dry_run else "."
        lines = [f"{verb} {count_phrase(self.counts)} from {self.path} ({self.source}){tail}"]
        if self.already_there:
            lines.append(
                f"{self.already_there} already in your journal "
                f"{'would be' if self.dry_run else 'were'} left as they are."
            )
        if self.settings_applied:
            taken = "would be" if self.dry_run else "were"
            lines.append(
                f"Your settings {taken} taken from the file, as this journal had none yet."
            )
        return "\n".join(lines)


def import_file(
    store: Store, path: Path, *, content: Content | None = None, dry_run: bool = False
) -> ImportReport:
    """Import ``path`` into ``store`` (or, with ``dry_run``, only say what would be added).

    Records must name note kinds, practices and so on from ``content`` (by default the
    content Hearthside reads), as typed ones do.
    """
    content = content or Content()
    practices = {p.id for p in practice_book.every_practice(store, content)}
    plan = _read(path, store.settings(), content, practices)
    if dry_run:
        fresh, already = _split(store, plan.records, practices)
        apply_settings = plan.settings is not None and store.settings() == Settings()
        return ImportReport(path, plan.source, tuple(fresh), already, apply_settings, True)
    with store.writing():
        # Decided under the lock, against the journal as it is on disk right now.
        fresh, already = _split(store, plan.records, practices)
        apply_settings = plan.settings is not None and store.settings() == Settings()
        store.add_many(fresh)
        if plan.settings is not None and apply_settings:
            store.save_settings(plan.settings)
    return ImportReport(path, plan.source, tuple(fresh), already, apply_settings, False)


def preview(record: Record) -> tuple[str, str]:
    """A record's day and a few of its words, for listing what a dry run would add."""
    if isinstance(record, Entry):
        return record.date, with_marks(record.headline, record)
    if isinstance(record, Note):
        return record.date, with_marks(record.text, record)
    doc = record.to_doc()
    day = doc.get("date") or doc.get("due") or doc.get("start") or ""
    words = doc.get("title") or doc.get("practice") or doc.get("text") or doc.get("reason") or ""
    return str(day), str(words)


def _split(
    store: Store, records: list[Record], practices: Collection[str]
) -> tuple[list[Record], int]:
    known: dict[str, set[str]] = {}
    fresh = []
    for record in records:
        if isinstance(record, OwnPractice) and record.key in practices:
            continue  # one of the same name is here already: its logs join that one
        ids = known.get(record.KIND)
        if ids is None:
            # Lower case: ids stored by an older Hearthside may not be.
            stored = store.all(type(record), include_deleted=True)
            ids = known[record.KIND] = {r.id.lower() for r in stored}
        if record.id not in ids:
            fresh.append(record)
    return fresh, len(records) - len(fresh)


def _read(path: Path, settings: Settings, content: Content, practices: Collection[str]) -> Plan:
    """Read and check the whole file; raise ImportRefused at the first problem.

    ``practices``: the ids a practice log may name, besides the file's own practices."""
    doc = _load(path)
    if not isinstance(doc, dict):
        raise ImportRefused(path, _FOREIGN)
    if doc.get("format") in (FORMAT_NAME, SHARE_FORMAT_NAME):
        return HearthsideReader(path, doc, content, practices).plan(settings)
    if looks_like_jrnl(doc):
        return read_jrnl(path, doc["entries"], content)
    raise ImportRefused(path, _FOREIGN)


def _load(path: Path) -> Any:
    try:
        if path.is_dir():
            raise ImportRefused(path, "it is a folder; give the export file inside it")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportRefused(path, "it is over 512 MB, far larger than any journal export")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(path, "there is no such file; check the name and folder") from None
    except OSError as exc:
        raise ImportRefused(path, f"it can't be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise ImportRefused(path, "the file is empty")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ImportRefused(
            path,
            f"it isn't valid JSON (a problem at byte {exc.pos}); it may be cut short, "
            "or not an export at all",
        ) from None
