"""Dates as Hearthside stores and names them: ISO text, the calendar's names, the years it
accepts, and a typed date quoted safely in a message.

Reading what people type is ``date_parsing``; the maths of weeks, fortnights and
months is ``periods``.
"""

import unicodedata
from datetime import date, datetime
from typing import Final

__all__ = [
    "HIDDEN_CATEGORIES",
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTHS",
    "WEEKDAYS",
    "iso",
    "now_iso",
    "quote",
]

WEEKDAYS: Final[tuple[str, ...]] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
MONTHS: Final[tuple[str, ...]] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2200
_QUOTE_LIMIT: Final = 40
# Echoed input goes to a terminal: control and format characters (bidi overrides
# included) could move the cursor or reorder what the user sees.
HIDDEN_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def iso(d: date) -> str:
    """``2026-11-24``."""
    return d.isoformat()


def now_iso() -> str:
    """The current local time, e.g. ``2026-11-25T10:11:12+00:00``."""
    # astimezone() attaches the local offset so stored stamps stay unambiguous
    # across DST changes and moves between time zones.
    return datetime.now().astimezone().isoformat(timespec="seconds")


def quote(text: str) -> str:
    """``text`` in quotes for a message: on one line, cut short, nothing hidden in it."""
    shown = "".join(
        ch for ch in " ".join(text.split()) if unicodedata.category(ch) not in HIDDEN_CATEGORIES
    ).strip()
    if len(shown) > _QUOTE_LIMIT:
        shown = shown[: _QUOTE_LIMIT - 1] + "…"
    return f'"{shown}"'
