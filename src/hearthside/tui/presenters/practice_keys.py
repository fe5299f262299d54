"""Which letter logs which practice on the Dashboard: chosen from the practice's own
words, around the letters the room keeps for itself. Plain Python, no widgets."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from hearthside.texts.items import Practice

# The Dashboard's own letter keys (t: this week, u: undo); practice keys are chosen
# around them.
RESERVED_KEYS = frozenset("tu")


def practice_keys(
    practices: Sequence[Practice], reserved: AbstractSet[str] = RESERVED_KEYS
) -> dict[str, str]:
    """A letter for each practice: its first alias's first letter when free, else the next free.

    Tries the first letters of the aliases, the name and the id, then any of their
    letters. A practice left without a free letter gets no key (the palette still
    logs it).
    """
    taken = set(reserved)
    keys: dict[str, str] = {}
    for practice in practices:
        words = [w.lower() for w in (*practice.aliases, practice.name, practice.id)]
        for letter in [w[:1] for w in words] + [c for w in words for c in w]:
            if "a" <= letter <= "z" and letter not in taken:
                keys[practice.id] = letter
                taken.add(letter)
                break
    return keys
