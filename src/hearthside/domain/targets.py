"""How often a practice should happen, read from content (``daily``, ``3 per week``...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hearthside.errors import HearthsideError

_WORDS = {
    "daily": ("day", 1),
    "every day": ("day", 1),
    "weekly": ("week", 1),
    "every week": ("week", 1),
    "every 2 weeks": ("fortnight", 1),
    "every two weeks": ("fortnight", 1),
    "fortnightly": ("fortnight", 1),
    "monthly": ("month", 1),
    "every month": ("month", 1),
}
_PER = re.compile(r"^(\d{1,2})\s*(?:per|times a|x a|a|/)\s*(day|week|month|fortnight)$")

FORMS = "daily, weekly, every 2 weeks, monthly, or N per day / week / fortnight / month"


@dataclass(frozen=True)
class Target:
    period: str  # day, week, fortnight or month
    count: int = 1

    @property
    def label(self) -> str:
        if self.count == 1:
            return {
                "day": "daily",
                "week": "weekly",
                "fortnight": "every 2 weeks",
                "month": "monthly",
            }[self.period]
        return f"{self.count} per {self.period}"


def parse_target(text: str) -> Target:
    cleaned = " ".join(str(text).lower().split())
    if cleaned in _WORDS:
        period, count = _WORDS[cleaned]
        return Target(period, count)
    match = _PER.match(cleaned)
    if match and int(match.group(1)) > 0:
        return Target(match.group(2), int(match.group(1)))
    raise HearthsideError(f"{text!r} is not a target Hearthside understands; use {FORMS}.")
