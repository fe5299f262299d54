"""Picking records by a dated field as it is stored, before any of them is built.

Services ask with these, never with a stored document: the store applies them to
the ISO 8601 text it keeps, so one day's logs among fifty thousand cost little.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Where:
    """Records whose ``field`` (a date or a moment, ISO 8601 as stored) passes ``test``.

    The test sees the field's text, "" when it is empty.
    """

    field: str
    test: Callable[[str], bool]

    def picks(self, doc: dict[str, Any]) -> bool:
        return self.test(str(doc.get(self.field) or ""))


def on_day(day: date, field: str = "date") -> Where:
    """Records whose ``field`` falls on ``day`` (for a moment, the day it happened)."""
    iso = day.isoformat()
    return Where(field, lambda value: value[:10] == iso)


def between(first: date, last: date | None = None, field: str = "date") -> Where:
    """Records whose ``field`` falls from ``first`` to ``last``, both included; without
    ``last``, from ``first`` on."""
    low = first.isoformat()
    high = last.isoformat() if last is not None else None
    return Where(field, lambda value: low <= value[:10] and (high is None or value[:10] <= high))
