"""The user's settings, kept in the journal's ``settings`` table."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from hearthside.domain import validation
from hearthside.errors import HearthsideError

DATE_ORDERS = ("MDY", "DMY", "YMD")


@dataclass(kw_only=True)
class Settings:
    spouse_name: str = ""
    # 0 = Monday … 6 = Sunday, as in datetime.weekday().
    week_start: int = 0
    date_order: str = "MDY"
    theme: str = "hearth"
    welcomed: bool = False

    def to_doc(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Settings:
        known = {f.name for f in dataclasses.fields(cls)}
        settings = cls(**{k: v for k, v in doc.items() if k in known})
        # A hand-edited file must not break date maths; fall back quietly to defaults.
        if not isinstance(settings.week_start, int) or not 0 <= settings.week_start <= 6:
            settings.week_start = 0
        if settings.date_order not in DATE_ORDERS:
            settings.date_order = "MDY"
        name = settings.spouse_name
        if not isinstance(name, str) or validation.name_problem(name) is not None:
            settings.spouse_name = ""
        return settings

    def validate(self) -> None:
        if not 0 <= self.week_start <= 6:
            raise HearthsideError("The first day of the week must be a weekday (0-6).")
        if self.date_order not in DATE_ORDERS:
            raise HearthsideError(
                f"Date order must be one of {', '.join(DATE_ORDERS)}: it decides whether "
                "03/04 means March 4 (MDY) or 3 April (DMY)."
            )
        problem = validation.name_problem(self.spouse_name)
        if problem is not None:
            raise HearthsideError(problem)
