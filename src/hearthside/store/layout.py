"""What the journal's files are: the main file's format number and its list of parts.

Shared by the store (which writes them), backups and restore (which judge whether a
copy is whole) and doctor (which reports), so each reads the files the same way.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hearthside.paths import DB_NAME
from hearthside.store.reading import CorruptDatabase

Tables = dict[str, dict[str, Any]]

META_TABLE = "meta"
SETTINGS_TABLE = "settings"
YEAR_FILE = re.compile(r"^hearthside-(\d{4})\.json$")  # format 2
PART_FILE = re.compile(r"^hearthside-(\d{4}-[a-z_]+)\.json$")  # format 3


def format_of(tables: Tables, path: Path) -> int:
    """The format number the main file records (0 before there was one)."""
    for doc in tables.get(META_TABLE, {}).values():
        schema = doc.get("schema", 0)
        if type(schema) is not int or schema < 0:
            raise CorruptDatabase(path, "its format number is not a whole number")
        return schema
    return 0


def listed_parts(tables: Tables, path: Path) -> list[str] | None:
    """The parts' files the main file says exist, or None when it keeps no list (yet)."""
    listed = tables.get(META_TABLE, {}).get("1", {}).get("files")
    if listed is None:
        return None
    if not isinstance(listed, list) or not all(
        isinstance(key, str) and PART_FILE.match(f"hearthside-{key}.json") for key in listed
    ):
        raise CorruptDatabase(path, "its list of the journal's files is not a list of names")
    return listed


def missing_part(path: Path) -> CorruptDatabase:
    return CorruptDatabase(
        path, f"it is missing (the main file, {DB_NAME}, lists it; was it moved or deleted?)"
    )
