"""Bringing old layouts of the journal's files up to the one this Hearthside writes.

Each migration turns the files of one format into the next; they run in order when
a journal is opened, and the store writes the result in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from hearthside.domain import dates
from hearthside.store.layout import META_TABLE, SETTINGS_TABLE, Tables
from hearthside.store.parts import MAIN, kinds, part_for

# The layout of the files on disk; records carry their own `schema` (records.py).
FORMAT_VERSION = 4

Files = dict[str, Tables]  # part key -> the file's tables
Migration = Callable[[Files], Files]


def _stamp_schema(files: Files) -> Files:
    """Format 0 (no meta table): every record gets a schema number and a trash field."""
    for name, table in files[MAIN].items():
        if name in (META_TABLE, SETTINGS_TABLE):
            continue
        for doc in table.values():
            doc.setdefault("schema", 1)
            doc.setdefault("deleted_at", None)
    return files


def _split_by_year(files: Files) -> Files:
    """Format 1 kept everything in one file; format 2 gives each year its own."""
    main = files[MAIN]
    split: Files = {MAIN: {k: v for k, v in main.items() if k in (META_TABLE, SETTINGS_TABLE)}}
    for name, table in main.items():
        if name in (META_TABLE, SETTINGS_TABLE):
            continue
        for doc in table.values():
            year = part_for(str(doc.get("created") or ""))
            target = split.setdefault(year, {}).setdefault(name, {})
            target[str(len(target) + 1)] = doc
    return split


def _split_by_kind(files: Files) -> Files:
    """Format 3 gives each kind its own file within a year, read only when needed."""
    split: Files = {MAIN: files[MAIN]}
    for year, tables in files.items():
        if year != MAIN:
            for name, table in tables.items():
                split[f"{year}-{name}"] = {name: table}
    return split


def _record_schema_2(files: Files) -> Files:
    """Format 4 holds records of schema 2: a received note's sender in a field of its own."""
    # Imported here: a journal already in this format is opened without every kind.
    from hearthside.domain.upgrades import upgrade_doc

    for key, tables in files.items():
        if key == MAIN:
            continue
        for name, table in tables.items():
            cls = kinds().get(name)
            if cls is not None and isinstance(table, dict):
                for doc in table.values():
                    upgrade_doc(cls, doc)
    return files


# MIGRATIONS[n] turns format n into format n + 1.
MIGRATIONS: dict[int, Migration] = {
    0: _stamp_schema,
    1: _split_by_year,
    2: _split_by_kind,
    3: _record_schema_2,
}


def migrate(files: Files, version: int) -> Files:
    """The files of format ``version`` in the current format, the parts listed in the main file."""
    while version < FORMAT_VERSION:
        files = MIGRATIONS[version](files)
        version += 1
    parts = sorted(key for key in files if key != MAIN)
    files[MAIN][META_TABLE] = {
        "1": {"schema": FORMAT_VERSION, "migrated": dates.now_iso(), "files": parts}
    }
    return files
