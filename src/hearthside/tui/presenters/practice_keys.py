"""The one key map: which letter logs or ticks which practice, in every room that
takes practice letters (the Dashboard, the daily review's first step) and in ``?``.

The letters come from the practices' own words, around the letters those rooms keep
for themselves. Plain Python, no widgets.
"""

from __future__ import annotations

from collections.abc import Sequence

from hearthside.texts.items import Practice

# The letter keys a room with practice letters keeps for itself (the Dashboard's u: undo,
# b: a bid for connection).
RESERVED_KEYS = frozenset("ub")


def practice_keys(practices: Sequence[Practice]) -> dict[str, str]:
    """A letter for each practice: its first alias's first letter when free, else the next free.

    Tries the first letters of the aliases, the name and the id, then any of their
    letters. A practice left without a free letter gets no key (the palette still
    logs it).
    """
    taken = set(RESERVED_KEYS)
    keys: dict[str, str] = {}
    for practice in practices:
        words = [w.lower() for w in (*practice.aliases, practice.name, practice.id)]
        for letter in [w[:1] for w in words] + [c for w in words for c in w]:
            if "a" <= letter <= "z" and letter not in taken:
                keys[practice.id] = letter
                taken.add(letter)
                break
    return keys


def key_lines(practices: Sequence[Practice]) -> list[tuple[str, str]]:
    """The map as ``?`` lists it: (letter, practice name), in content's order."""
    keys = practice_keys(practices)
    return [(keys[p.id], p.name) for p in practices if p.id in keys]
