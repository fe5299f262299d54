"""Changing the settings: the one way the app and the CLI read what was typed and save it.

The rule for each field is ``Settings.problems`` (the domain's); this turns what a
person typed (a weekday's name, ``dmy``, a name with a stray space) into a Settings,
and refuses the whole change, field by field, when any part of it can't be kept.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from hearthside.domain import date_parsing, validation
from hearthside.domain.settings import Settings
from hearthside.errors import HearthsideError
from hearthside.store.encryption.keys import is_encrypted

if TYPE_CHECKING:
    from hearthside.store.store import Store

# In the order the app shows them, and the CLI reports them.
LABELS = {
    "spouse_name": "Your spouse's name",
    "my_name": "Your own name",
    "week_start": "The first day of the week",
    "date_order": "The date order",
    "theme": "The theme",
    "six_hours": "The six hours",
}
DATE_ORDER_WORDS = {
    "DMY": "day first: 25/11/2026",
    "MDY": "month first: 11/25/2026",
    "YMD": "year first: 2026/11/25",
}


class Changes(TypedDict, total=False):
    """The fields a person can change; one left out stays as it is."""

    spouse_name: str
    my_name: str
    week_start: int | str
    date_order: str
    theme: str
    six_hours: bool


class SettingsRefused(HearthsideError):
    """Some of the changes can't be kept; nothing was saved.

    ``problems`` says why, field by field, so the app can show each beside its field.
    """

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = {field: problems[field] for field in LABELS if field in problems}
        lines = [f"{LABELS[field]}: {problem}" for field, problem in self.problems.items()]
        super().__init__("\n".join([*lines, "Nothing was changed."]))


def with_changes(current: Settings, **asked: Unpack[Changes]) -> Settings:
    """``current`` with each field given.

    ``week_start`` is a weekday's index or its name (``sunday``, ``sun``), ``date_order``
    any case of DMY, MDY or YMD. Raises SettingsRefused naming every field that can't
    be kept; ``current`` itself is never changed.
    """
    problems: dict[str, str] = {}
    changes: dict[str, Any] = {}
    if "spouse_name" in asked:
        changes["spouse_name"] = asked["spouse_name"].strip()
    if "my_name" in asked:
        changes["my_name"] = asked["my_name"].strip()
    week_start = asked.get("week_start")
    if isinstance(week_start, str):
        try:
            changes["week_start"] = date_parsing.weekday_index(week_start)
        except HearthsideError as exc:
            problems["week_start"] = str(exc)
    elif week_start is not None:
        changes["week_start"] = week_start
    if "date_order" in asked:
        changes["date_order"] = asked["date_order"].strip().upper()
    if "theme" in asked:
        changes["theme"] = asked["theme"]
    if "six_hours" in asked:
        changes["six_hours"] = asked["six_hours"]
    changed = dataclasses.replace(current, **changes)
    problems = {**changed.problems(), **problems}
    if problems:
        raise SettingsRefused(problems)
    return changed


def change_settings(store: Store, **changes: Unpack[Changes]) -> Settings:
    """Apply ``changes`` (see ``with_changes``) to the stored settings and save them.

    Read under the write lock, caught up with the disk, so a change made meanwhile in
    another window (to a field not changed here) is kept, not undone.
    """
    with store.writing():
        return store.save_settings(with_changes(store.settings(), **changes))


def signature(settings: Settings, given: str | None = None) -> str:
    """The name that signs a card or a share: the one ``given`` (``--from``), else your
    own from the settings; "" leaves it unsigned."""
    name = " ".join((settings.my_name if given is None else given).split())
    problem = validation.name_problem(name)
    if problem is not None:
        raise HearthsideError(problem)
    return name


def encryption_words(home: Path) -> str:
    """Whether the journal is encrypted, and the command that changes it."""
    if is_encrypted(home):
        return (
            "Your journal is encrypted with your passphrase. To turn that off, close "
            "Hearthside and run `hearthside decrypt`."
        )
    return (
        "Your journal isn't encrypted: it is kept in plain files in your private folder. "
        "To lock it with a passphrase, close Hearthside and run `hearthside encrypt`."
    )
