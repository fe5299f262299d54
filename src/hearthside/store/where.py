"""Picking records by a dated field as it is stored, before any of them is built.

Services ask with these, never with a stored document: the store applies them to
the ISO 8601 text it keeps, so one day's logs among fifty thousand cost little.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

DAY_FIELD = "date"  # the field records are picked by day on, unless another is named


@dataclass(frozen=True)
class Where:
    """Records whose ``field`` (a date or a moment, ISO 8601 as stored) passes ``test``.

    The test sees the field's text, "" when it is empty. ``first`` and ``last``, when
    given, are the days (ISO) outside which it passes nothing: a file whose records
    all fall outside them need not be read at all.
    """

    field: str
    test: Callable[[str], bool]
    first: str | None = None
    last: str | None = None

    def picks(self, doc: dict[str, Any]) -> bool:
        return self.test(str(doc.get(self.field) or ""))

    @property
    def bounded(self) -> bool:
        return self.first is not None

    def may_pick_from(self, span: tuple[str, str] | None) -> bool:
        """Whether records whose ``field`` spans ``span`` (lowest, highest; None when
        none has it) may hold one this picks."""
        if self.first is None:
            return True
        if span is None:
            return False
        lowest, highest = span[0][:10], span[1][:10]
        return highest >= self.first and (self.last is None or lowest <= self.last)


def on_day(day: date, field: str = DAY_FIELD) -> Where:
    """Records whose ``field`` falls on ``day`` (for a moment, the day it happened)."""
    return between(day, day, field)


def between(first: date, last: date | None = None, field: str = DAY_FIELD) -> Where:
    """Records whose ``field`` falls from ``first`` to ``last``, both included; without
    ``last``, from ``first`` on."""
    low = first.isoformat()
    high = last.isoformat() if last is not None else None
    return Where(
        field,
        lambda value: low <= value[:10] and (high is None or value[:10] <= high),
        first=low,
        last=high,
    )
