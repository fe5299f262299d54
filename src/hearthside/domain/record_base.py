"""What every record shares: an id, its stamps, a trash mark, and the way it becomes a
stored document and back. The kinds themselves are in ``records``."""

from __future__ import annotations

import copy
import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar, dataclass_transform

# Bumped whenever a record's stored shape changes; store/migrations.py migrates older files,
# with domain/upgrades.py (which the importer uses for older exports too).
# 2: a received note's sender has a field of its own (schema 1 kept "from NAME" in
# delivered_how).
SCHEMA_VERSION = 2


def new_id() -> str:
    return uuid.uuid4().hex


# == and repr are written once here rather than generated for each kind: generating
# them was half the cost of defining the kinds, which every command pays at start.
@dataclass(kw_only=True, repr=False, eq=False)
class Record:
    """What every kind shares; a kind is declared with ``@record_kind``."""

    KIND: ClassVar[str] = ""
    LABEL: ClassVar[str] = "record"
    # The command that lists this kind with ids, for messages about an id not found.
    LISTED_BY: ClassVar[str] = ""

    id: str = field(default_factory=new_id)
    created: str = ""
    updated: str = ""
    deleted_at: str | None = None
    schema: int = SCHEMA_VERSION

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        names = field_names(type(self))
        return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in field_names(type(self)))
        return f"{type(self).__qualname__}({shown})"

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def short_id(self) -> str:
        return self.id[:8]

    def to_doc(self) -> dict[str, Any]:
        # dataclasses.asdict deep-copies every field (4 s for a decade's export); only
        # the list and dict fields need copying, so the document shares nothing mutable.
        doc = {name: getattr(self, name) for name in field_names(type(self))}
        for name in mutable_fields(type(self)):
            doc[name] = copy.deepcopy(doc[name])
        return doc

    @classmethod
    def from_doc(cls: type[R], doc: dict[str, Any]) -> R:
        try:
            record = cls(**doc)
        except TypeError:
            # Keys this version doesn't know (a newer file) are dropped, not fatal.
            known = field_names(cls)
            record = cls(**{k: v for k, v in doc.items() if k in known})
        # Editing a record's lists must never edit the store's cached copy.
        for name in mutable_fields(cls):
            value = getattr(record, name)
            setattr(record, name, value.copy())
        return record


R = TypeVar("R", bound=Record)


@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
def record_kind(cls: type[R]) -> type[R]:
    """Declares a kind of record: a keyword-only dataclass with Record's == and repr."""
    return dataclass(kw_only=True, repr=False, eq=False)(cls)


_FIELD_NAMES: dict[type[Record], tuple[str, ...]] = {}


def field_names(cls: type[Record]) -> tuple[str, ...]:
    """The record's fields in their declared order (documents keep that order)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def fields_of(cls: type[Record]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """How a stored ``cls`` document reads as its record's fields, without building the
    record: the document itself when it holds just those fields in their order (as this
    Hearthside writes them); any other (an older or newer Hearthside's, a hand edit) is
    built into its record first. What it gives is to be read, never changed."""
    names = field_names(cls)

    def fields(doc: dict[str, Any]) -> dict[str, Any]:
        return doc if tuple(doc) == names else cls.from_doc(doc).to_doc()

    return fields


_MUTABLE: dict[type[Record], tuple[str, ...]] = {}


def mutable_fields(cls: type[Record]) -> tuple[str, ...]:
    """The fields holding lists or dicts (tags, steps, ratings...)."""
    names = _MUTABLE.get(cls)
    if names is None:
        names = _MUTABLE[cls] = tuple(
            f.name for f in dataclasses.fields(cls) if f.default_factory in (list, dict)
        )
    return names
