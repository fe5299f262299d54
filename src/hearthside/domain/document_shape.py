"""The shape of a stored or imported document: its fields' types, read from a record's
dataclass annotations and checked fast.

``shape_problem`` says which field is missing or of the wrong type, so every value
a record check looks at afterwards is of the type it expects.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from enum import StrEnum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

Fits = Callable[[Any], bool]


@cache
def shape(cls: type) -> tuple[tuple[str, bool, Fits, str], ...]:
    """Each field of the dataclass ``cls``: its name, whether it is required, a test for
    its values and how to describe what they should be."""
    hints = get_type_hints(cls)
    return tuple(
        (
            spec.name,
            spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING,
            _fits(hints[spec.name]),
            _describe(hints[spec.name]),
        )
        for spec in dataclasses.fields(cls)
    )


def _fits(kind: Any) -> Fits:
    """A quick test for values of the type ``kind`` (from a record's annotations)."""
    if kind is Any:
        return lambda value: True
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [_fits(arg) for arg in get_args(kind)]
        return lambda value: any(fits(value) for fits in options)
    if kind is type(None):
        return lambda value: value is None
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        # A stored document holds the word; the record, the enumerated member.
        words = frozenset(kind)
        return lambda value: isinstance(value, str) and value in words
    if kind in (bool, int, str):
        # type(), not isinstance: True is an int to Python, but not a number of minutes.
        return lambda value: type(value) is kind
    if origin is list:
        item = _fits(get_args(kind)[0])
        return lambda value: type(value) is list and all(item(v) for v in value)
    if origin is dict:
        key, item = (_fits(arg) for arg in get_args(kind))
        return lambda value: (
            type(value) is dict and all(key(k) and item(v) for k, v in value.items())
        )
    raise TypeError(f"no check for {kind!r}")


def _describe(kind: Any) -> str:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(arg) for arg in get_args(kind))
    if origin is list:
        return f"a list of {_describe(get_args(kind)[0])}"
    if origin is dict:
        return "a mapping of names to values"
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return "one of " + ", ".join(kind)
    names = {str: "text", int: "a whole number", bool: "true or false", type(None): "null"}
    return names.get(kind, "something else")


def shape_problem(cls: type, doc: Any) -> str | None:
    """The first field of ``doc`` missing or of the wrong type for the dataclass ``cls``."""
    if not isinstance(doc, dict):
        return "it is not an object with fields"
    for name, required, fits, expected in shape(cls):
        if name not in doc:
            if required:
                return f"it has no {name!r}"
        elif not fits(doc[name]):
            return f"its {name!r} should be {expected}"
    return None
