"""Finding a record by the id the lists show, among several kinds at once.

The command line has only an id (or its start) and doesn't say what kind of record it
names; the app has the record in hand and never needs this.
"""

from __future__ import annotations

from collections.abc import Sequence

from hearthside.domain.records import R
from hearthside.errors import HearthsideError
from hearthside.store.store import Store


def find_among(
    store: Store, kinds: Sequence[type[R]], ref: str, *, in_trash: bool, nothing: str
) -> R:
    """The one record of ``kinds`` with this id (or prefix), in the trash or out of it as
    asked; ``nothing`` is the message when there is none."""
    found = [
        record
        for cls in kinds
        if (record := store.find(cls, ref)) is not None and record.deleted == in_trash
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise HearthsideError(
            f"More than one record starts with {ref.strip()[:12]!r}; type a few more characters."
        )
    raise HearthsideError(nothing)
