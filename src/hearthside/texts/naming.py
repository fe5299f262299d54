"""Finding one of the content's choices by what a person typed on the command line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from hearthside.errors import HearthsideError

T = TypeVar("T")


def named(ref: str, choices: Sequence[tuple[T, Sequence[str]]]) -> list[T]:
    """The choices ``ref`` names exactly (any case) by one of their names, or else those
    one of whose names starts with it: a single one is an answer, more are a doubt."""
    wanted = ref.strip().casefold()
    exact = [item for item, names in choices if wanted in (n.casefold() for n in names)]
    return exact or [
        item
        for item, names in choices
        if wanted and any(n.casefold().startswith(wanted) for n in names)
    ]


def one_named(ref: str, choices: Sequence[tuple[T, Sequence[str]]], what: str) -> T:
    """The one choice that ``ref`` names (see ``named``); otherwise an error listing the
    first names."""
    found = named(ref, choices)
    if len(found) == 1:
        return found[0]
    listed = ", ".join(names[0] for _item, names in choices)
    doubt = "could mean more than one" if found else "isn't one"
    raise HearthsideError(f"{ref[:30]!r} {doubt} {what}; use one of: {listed}.")
