"""Words that follow a number: "1 entry", "3 entries"; one rule for every count shown."""

from __future__ import annotations


def plural(label: str, count: int) -> str:
    """``count`` and ``label``, singular for exactly one: "1 note", "0 notes", "2 entries"."""
    if count == 1:
        return f"1 {label}"
    word = (
        label[:-1] + "ies" if label.endswith("y") and label[-2:-1] not in "aeiou" else label + "s"
    )
    return f"{count} {word}"
