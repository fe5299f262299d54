"""The user's settings, kept in the journal's ``settings`` table."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from hearthside.domain import validation
from hearthside.errors import HearthsideError

DATE_ORDERS = ("MDY", "DMY", "YMD")
# The two names a person types: their spouse's, shown on their own screens, and their
# own, signing the cards and shares they hand over.
NAMES = ("spouse_name", "my_name")


@dataclass(kw_only=True)
class Settings:
    """The user's choices: names, week start, date order, theme, the six-hours set."""

    spouse_name: str = ""
    my_name: str = ""
    # 0 = Monday … 6 = Sunday, as in datetime.weekday().
    week_start: int = 0
    date_order: str = "MDY"
    theme: str = "hearth"
    welcomed: bool = False
    # The "six hours" set (content/six-hours.md): its two practices and the week's budget.
    six_hours: bool = False

    def spouse(self, *, unnamed: str = "your spouse") -> str:
        """The spouse's name as it is shown; ``unnamed`` when none is set (spaces are none)."""
        return self.spouse_name.strip() or unnamed

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
        if not isinstance(settings.six_hours, bool):
            settings.six_hours = False
        for field in NAMES:
            name = getattr(settings, field)
            if not isinstance(name, str) or validation.name_problem(name) is not None:
                setattr(settings, field, "")
        return settings

    def problems(self) -> dict[str, str]:
        """What can't be kept, field by field (empty when every field is fine)."""
        found: dict[str, str] = {}
        if not 0 <= self.week_start <= 6:
            found["week_start"] = "Choose a weekday, from 0 (Monday) to 6 (Sunday)."
        if self.date_order not in DATE_ORDERS:
            found["date_order"] = (
                f"Choose {', '.join(DATE_ORDERS[:-1])} or {DATE_ORDERS[-1]}; it decides whether "
                "03/04 means March 4 (MDY) or 3 April (DMY)."
            )
        for field in NAMES:
            problem = validation.name_problem(getattr(self, field))
            if problem is not None:
                found[field] = problem
        return found

    def validate(self) -> None:
        problems = self.problems()
        if problems:
            raise HearthsideError(next(iter(problems.values())))
