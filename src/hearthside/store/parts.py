"""The journal's parts: one file per kind and year, each read only when first needed.

A part's key is the year and the kind (``2026-entries``), and the main file's key
is ``MAIN``. A part reads through TinyDB's cache into AtomicJSONStorage (orjson,
damage refused by ``reading``, every write atomic), and notes the records in it
that break the rules (a hand edit, say) so they are skipped, not fatal.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

import orjson
from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage

from hearthside.domain import validation
from hearthside.domain.record_base import Record
from hearthside.store.atomic_storage import Signature, write_atomically
from hearthside.store.encryption.keys import Keyring
from hearthside.store.layout import Tables
from hearthside.store.reading import decode_database, disk_signature, quick_check, read_regular
from hearthside.store.where import DAY_FIELD, Where

MAIN = ""  # the part key of the main file; parts are "2026-entries" and so on


@functools.cache
def kinds() -> dict[str, type[Record]]:
    """Every kind of record by its table's name; defined on first use (see domain/entry.py)."""
    from hearthside.domain.records import RECORD_TYPES

    return {cls.KIND: cls for cls in RECORD_TYPES}


@dataclass(frozen=True)
class BadRecord:
    """A stored record that breaks the rules (a hand edit, say): skipped, not fatal."""

    label: str
    ref: str  # its id, or its place in the file when it has none
    file: str
    problem: str

    def notice(self) -> str:
        return (
            f"Skipped the {self.label} {self.ref} in {self.file}: {self.problem}. "
            "Everything else is as it was; fix or remove that record in the file."
        )


def bad_records(kind: str, table: dict[str, Any], file: str) -> dict[str, BadRecord]:
    """The documents of one stored table that Hearthside can't use, by their key."""
    # Imported here: a file known to pass (checked.py) is read without the rules.
    from hearthside.domain import record_checks

    cls = kinds().get(kind)
    found: dict[str, BadRecord] = {}
    if cls is None:
        return found
    for key, doc in table.items():
        problem = record_checks.doc_problem(cls, doc)
        if problem is not None:
            given = doc.get("id") if isinstance(doc, dict) else None
            ref = given if isinstance(given, str) and validation.ID.fullmatch(given) else None
            found[key] = BadRecord(cls.LABEL, ref or f"number {key}", file, problem)
    return found


def part_for(created: str) -> str:
    year = created[:4]
    return year if year.isdigit() and len(year) == 4 else str(date.today().year)


class _WholeChanges(CachingMiddleware):
    """TinyDB's cache, minus its habit of writing every thousandth change on its own:
    the store writes a change when it is complete, never part of one."""

    WRITE_CACHE_SIZE = sys.maxsize


class AtomicJSONStorage(Storage):
    """orjson in, orjson out, atomic replace on every write."""

    def __init__(self, path: str | os.PathLike[str], keys: Keyring | None = None) -> None:
        self.path = Path(path)
        self.keys = keys
        self.signature: Signature | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            raw, sig = read_regular(self.path)
        except FileNotFoundError:
            self.signature = None
            return None
        data = decode_database(raw, self.path, self.keys)
        self.signature = sig
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.signature = write_atomically(self.path, orjson.dumps(data), self.keys)

    def close(self) -> None:
        pass


@dataclass
class Part:
    """One journal file, read through TinyDB's cache into an atomic storage."""

    path: Path
    keys: Keyring
    # The signature at which this file last passed every check (checked.py), if it did.
    passed: Signature | None = None
    db: TinyDB = field(init=False)
    # kind -> the keys of its documents that break the rules, found once per read
    bad: dict[str, dict[str, BadRecord]] = field(init=False, default_factory=dict)
    # (kind, field) -> the lowest and highest value of that field in the file, as stored:
    # a file let go of (``let_go``) need not be read again for days it doesn't hold.
    spans: dict[tuple[str, str], tuple[str, str] | None] = field(init=False, default_factory=dict)
    # Changed by this process since it was opened: kept in memory from then on, so what
    # it holds can still be merged should a sync tool bring another computer's copy.
    kept: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self.db = TinyDB(self.path, keys=self.keys, storage=_WholeChanges(AtomicJSONStorage))  # type: ignore[no-untyped-call]

    @property
    def signature(self) -> Signature | None:
        return cast(AtomicJSONStorage, self.cache.storage).signature

    def records(self, kind: str) -> list[tuple[str, dict[str, Any]]]:
        """The documents of ``kind`` that can be used, by key; the others are noted in ``bad``."""
        table = self.read().get(kind, {})
        bad = self.bad.get(kind)
        if bad is None:
            passed = self.passed is not None and self.passed == self.signature
            bad = self.bad[kind] = {} if passed else bad_records(kind, table, self.path.name)
        if not bad:
            return list(table.items())
        return [(key, doc) for key, doc in table.items() if key not in bad]

    def newest_day(self) -> str:
        """The greatest day among the file's records ("" when they have none)."""
        spans = [self.span(kind, DAY_FIELD) for kind in self.read() if kind in kinds()]
        return max((span[1] for span in spans if span), default="")

    @property
    def known_clean(self) -> bool:
        """Passed every check (checked.py) as it is on disk now, read or not."""
        return self.passed is not None and self.passed == disk_signature(self.path)

    def look(self) -> None:
        """The cheap look at a file not read yet (reading.quick_check), so damage shows at
        start; one known to pass every check as it is needs none, a stat against a read."""
        if not self.known_clean:
            quick_check(self.path)

    @property
    def clean(self) -> bool:
        """Every table in the file was checked (or known to pass) and nothing was skipped."""
        held = [kind for kind in self.read() if kind in kinds()]
        return bool(held) and all(self.bad.get(kind) == {} for kind in held)

    @property
    def cache(self) -> Any:
        # TinyDB's CachingMiddleware is untyped; this is the one place that touches it.
        return self.db.storage

    @property
    def loaded(self) -> bool:
        return self.cache.cache is not None

    def read(self) -> Tables:
        before = None if self.loaded else self.signature
        data = self.cache.read()
        if before is not None and self.signature != before:
            # Let go of, then changed on disk: what was found in the old file is not so.
            self.bad.clear()
            self.spans.clear()
        return cast(Tables, data or {})

    @property
    def dirty(self) -> bool:
        """Changed in memory and not yet written."""
        return bool(self.cache._cache_modified_count)

    def written(self, signature: Signature) -> None:
        self.cache._cache_modified_count = 0
        cast(AtomicJSONStorage, self.cache.storage).signature = signature
        self.spans.clear()
        self.kept = True

    def span(self, kind: str, name: str) -> tuple[str, str] | None:
        """The lowest and highest ``name`` among the ``kind`` records (None: none has one).

        Over the stored documents as they are, skipped ones too: a span only decides
        whether a file need be read, and a wider one only means reading it.
        """
        if (kind, name) not in self.spans:
            table = self.read().get(kind, {})
            values = [v for doc in table.values() if isinstance(v := doc.get(name), str) and v]
            self.spans[kind, name] = (min(values), max(values)) if values else None
        return self.spans[kind, name]

    def may_hold(self, kind: str, where: Where) -> bool:
        """False only for a file let go of that is known to hold no record ``where`` picks."""
        if self.loaded or (kind, where.field) not in self.spans:
            return True
        return where.may_pick_from(self.spans[kind, where.field])

    def let_go(self) -> None:
        """Forget the file's records until they are next asked for (it is read again then).

        Only a file as it is on disk: one with changes not yet written, or changed by
        this process, stays.
        """
        if self.loaded and not self.dirty and not self.kept:
            for kind in self.read():
                # Records are asked for by their day: noted now, while they are at hand.
                self.span(kind, DAY_FIELD)
            self.cache.cache = None

    def changed_on_disk(self) -> bool:
        """Only a part that was read can be out of date (one let go of included: what
        was noted of it must be forgotten); an unread one is read fresh."""
        storage = cast(AtomicJSONStorage, self.cache.storage)
        return storage.signature is not None and disk_signature(self.path) != storage.signature


# The kinds with many small records (tens of thousands in a decade): their past years
# are let go of once read, and read again only when asked for.
MANY = frozenset({"practice_logs", "moments"})


def cold(key: str) -> bool:
    """A part whose records are let go of after each full read: a past year of a kind
    with many records. The current year's, where new records go, stays."""
    return key != MAIN and kind_of(key) in MANY and key[:4] != str(date.today().year)


def part_key(created: str, kind: str) -> str:
    return f"{part_for(created)}-{kind}"


def kind_of(key: str) -> str:
    return key.split("-", 1)[1]
