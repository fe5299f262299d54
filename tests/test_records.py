"""Every kind of record compares and prints by its fields, as a dataclass would, though
Record writes == and repr once for all of them (generating them per kind slowed start)."""

from __future__ import annotations

import dataclasses

import pytest

from hearthside.domain.records import RECORD_TYPES, Entry, Moment, Note, PracticeLog


def test_records_are_equal_when_every_field_is() -> None:
    entry = Entry(date="2026-11-20", title="A walk", tags=["walk"])
    same = Entry.from_doc(entry.to_doc())
    assert entry == same
    same.tags.append("river")
    assert entry != same


def test_records_of_different_kinds_or_other_things_are_never_equal() -> None:
    log = PracticeLog(practice="hug", date="2026-11-20", id="a" * 32)
    moment = Moment(date="2026-11-20", positive=True, id="a" * 32)
    assert log != moment
    assert log != log.to_doc()
    assert log != "hug"


def test_a_record_prints_as_its_kind_and_fields_in_order() -> None:
    note = Note(kind="gratitude", text="[b]thanks[/b]\n", date="2026-11-20", id="f" * 32)
    shown = repr(note)
    assert shown.startswith(f"Note(id='{'f' * 32}', created='', ")
    assert "text='[b]thanks[/b]\\n'" in shown
    assert shown.endswith("starred=False)")


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda cls: cls.KIND)
def test_every_kind_is_a_documented_keyword_only_dataclass_that_cannot_be_hashed(
    cls: type,
) -> None:
    # Records change in place; a hash would go stale, as it would for a dataclass's.
    assert dataclasses.is_dataclass(cls)
    assert all(f.kw_only for f in dataclasses.fields(cls))
    assert cls.__hash__ is None
    # Said in words, not the signature dataclasses writes for a kind without a docstring.
    assert cls.__doc__ and not cls.__doc__.startswith(f"{cls.__name__}(")
