"""Two versions of one journal file made into one, record by record, with nothing lost.

When two computers both changed a file (a sync tool's conflict copy, or a file
replaced while the app had it open), each may hold records the other lacks. The
merge keeps every record of either side, matched by ``id``; where both hold one,
the version changed last wins (``updated``, or ``deleted_at`` when later, so a
trash mark wins over an older edit). The settings are one document with an
``updated`` stamp of its own (the store adds it): the newer wins too. The main
file's list of parts is the union of both lists, its format number the higher.

Every choice depends only on the two documents compared, never on which side is
which, so merging A into B or B into A gives the same file, numbered the same way,
and merging the result again changes nothing. Only ``ties_to_b`` breaks that on
purpose, for a file changed underneath the app: between two versions stamped the
very same moment, the one on disk was put there deliberately (a hand edit).

Plain data in, plain data out: no files here, so it can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import orjson

from hearthside.store.layout import META_TABLE, SETTINGS_TABLE, Tables

Doc = dict[str, Any]
Table = dict[str, Doc]


def merge(a: Tables, b: Tables, *, ties_to_b: bool = False) -> Tables:
    """One file holding every record of ``a`` and ``b``, the newer version of each."""
    merged: Tables = {}
    for name in sorted(a.keys() | b.keys()):
        ta, tb = a.get(name, {}), b.get(name, {})
        if name == META_TABLE:
            merged[name] = _merge_meta(ta, tb)
        elif name == SETTINGS_TABLE:
            # Kept under their own numbers: the store reads its settings as document 1.
            picked = _pick(ta, tb, lambda key, _doc: key, ties_to_b)
            merged[name] = {key: picked[key] for key in sorted(picked)}
        else:
            merged[name] = _numbered(_pick(ta, tb, _identity, ties_to_b).values())
    return merged


def differing(before: Tables, after: Tables, *, records_only: bool = False) -> int:
    """How many documents of ``after`` are new or changed against ``before``.

    Records are matched by id, the main file's documents by number. With
    ``records_only``, the main file's bookkeeping (format, list of parts) is not counted.
    """
    count = 0
    for name, table in after.items():
        if records_only and name == META_TABLE:
            continue
        key: Callable[[str, Doc], str]
        key = _identity if name not in (META_TABLE, SETTINGS_TABLE) else (lambda k, _d: k)
        old = {key(k, doc): doc for k, doc in before.get(name, {}).items()}
        count += sum(old.get(key(k, doc)) != doc for k, doc in table.items())
    return count


def _identity(key: str, doc: Doc) -> str:
    """What makes two documents versions of one record: its id. A document without a
    usable id (a hand edit, skipped when read) is kept as it is, matched only by itself."""
    ident = doc.get("id")
    return f"id:{ident}" if isinstance(ident, str) and ident else "doc:" + _canon(doc).decode()


def _pick(
    ta: Table, tb: Table, identity: Callable[[str, Doc], str], ties_to_b: bool
) -> dict[str, Doc]:
    chosen: dict[str, tuple[tuple[Any, ...], Doc]] = {}
    sides = [(ta, False), (tb, ties_to_b)]
    for table, preferred in sides:
        for key, doc in table.items():
            ident = identity(key, doc)
            rank = _rank(doc, preferred)
            if ident not in chosen or rank > chosen[ident][0]:
                chosen[ident] = (rank, doc)
    return {ident: doc for ident, (_rank_, doc) in chosen.items()}


def _rank(doc: Doc, preferred: bool) -> tuple[Any, ...]:
    """The order in which versions of one record win: changed last, then (only for a file
    changed underneath) the one on disk, then trashed, then a fixed order of the bytes, so
    that even two versions stamped the same moment give one answer either way round."""
    changed = max(_instant(doc.get("updated")), _instant(doc.get("deleted_at")))
    return (changed, preferred, doc.get("deleted_at") is not None, _canon(doc))


def _instant(value: Any) -> float:
    if not isinstance(value, str):
        return float("-inf")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return float("-inf")
    # Stamps carry their offset; one without is taken as this computer's local time.
    return (moment if moment.tzinfo else moment.astimezone()).timestamp()


def _numbered(docs: Iterable[Doc]) -> Table:
    """Documents numbered by when they were made (then by id), the same on both sides."""
    ordered = sorted(docs, key=lambda doc: (str(doc.get("created", "")), _canon(doc)))
    return {str(number): doc for number, doc in enumerate(ordered, 1)}


def _merge_meta(ta: Table, tb: Table) -> Table:
    merged: Table = {}
    for key in sorted(ta.keys() | tb.keys()):
        da, db = ta.get(key), tb.get(key)
        if da is None or db is None:
            merged[key] = dict(da or db or {})
            continue
        doc = dict(max(da, db, key=_canon))
        files_a, files_b = da.get("files"), db.get("files")
        if isinstance(files_a, list) and isinstance(files_b, list):
            doc["files"] = sorted({str(f) for f in files_a} | {str(f) for f in files_b})
        schema_a, schema_b = da.get("schema"), db.get("schema")
        if type(schema_a) is int and type(schema_b) is int:
            doc["schema"] = max(schema_a, schema_b)
        merged[key] = doc
    return merged


def _canon(doc: Any) -> bytes:
    return orjson.dumps(doc, option=orjson.OPT_SORT_KEYS)
