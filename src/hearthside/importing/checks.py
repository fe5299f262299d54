"""What every importer shares: the refusal, the plan, and checks on untrusted JSON."""

from __future__ import annotations

import dataclasses
import types
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from hearthside.config import Settings
from hearthside.errors import HearthsideError
from hearthside.model import Record

_DATE_FIELDS = frozenset({"date", "due", "start", "end"})


class ImportRefused(HearthsideError):
    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        super().__init__(f"Can't import {path}: {problem}. Nothing was imported.")


@dataclass
class Plan:
    """What a checked file would add; nothing is written until all of it is checked."""

    source: str
    records: list[Record]
    settings: Settings | None = None


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _conforms(value: Any, kind: Any) -> bool:
    if kind is Any:
        return True
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        return any(_conforms(value, arg) for arg in get_args(kind))
    if kind is type(None):
        return value is None
    if kind is bool:
        return isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is str:
        return isinstance(value, str)
    if origin is list:
        (item,) = get_args(kind)
        return isinstance(value, list) and all(_conforms(v, item) for v in value)
    if origin is dict:
        key, item = get_args(kind)
        return isinstance(value, dict) and all(
            _conforms(k, key) and _conforms(v, item) for k, v in value.items()
        )
    return False


def _describe(kind: Any) -> str:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(arg) for arg in get_args(kind))
    if origin is list:
        return f"a list of {_describe(get_args(kind)[0])}"
    if origin is dict:
        return "a mapping of names to values"
    names = {str: "text", int: "a whole number", bool: "true or false", type(None): "null"}
    return names.get(kind, "something else")


def is_day(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def check_fields(cls: type, doc: Any, where: str) -> str | None:
    """The first problem with ``doc`` as a ``cls``, or None when it fits."""
    if not isinstance(doc, dict):
        return f"{where} is not an object with fields"
    hints = _hints(cls)
    for spec in dataclasses.fields(cls):
        if spec.name not in doc:
            required = (
                spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            )
            if required:
                return f"{where} has no {spec.name!r}"
            continue
        value = doc[spec.name]
        if not _conforms(value, hints[spec.name]):
            return f"{where}: {spec.name!r} should be {_describe(hints[spec.name])}"
        if spec.name in _DATE_FIELDS and isinstance(value, str) and not is_day(value):
            return f"{where}: {spec.name!r} is not a date like 2026-11-24"
    return None


def is_moment(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True
