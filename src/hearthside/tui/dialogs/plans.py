"""The forms for plans: a promise, a milestone, days away.

Each saves through the service the command line uses (``hearthside commit``,
``milestone``, ``pause``), so a date or a repeat is read, and refused, in the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from textual import on
from textual.app import App, SystemCommand
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select

from hearthside.domain.records import Commitment, Milestone
from hearthside.services import pauses, plans
from hearthside.tui.dialogs.form import FormDialog

DATE_HINT = "today, tomorrow, next friday, 2026-12-04…"
REPEAT_HINT = "empty for once, or daily, weekly, every 2 weeks, monthly, yearly"


def _field(value: str, placeholder: str, field_id: str) -> Input:
    return Input(value, placeholder=placeholder, id=field_id, compact=True)


class PromiseDialog(FormDialog):
    """A new promise, or a change to one (``commitment``); Enter saves."""

    def __init__(self, commitment: Commitment | None = None, *, first: str | None = None) -> None:
        super().__init__(first=first)
        self.commitment = commitment
        self.title_words = "A new promise" if commitment is None else "Change the promise"
        self.note_words = "A repeating promise starts on its date and follows the repeat."

    def fields(self) -> list[tuple[str, Widget]]:
        c = self.commitment
        return [
            (
                "What you promise",
                _field(c.title if c else "", "Walk after dinner", "promise-title"),
            ),
            ("When", _field(c.due if c else "", DATE_HINT, "promise-due")),
            ("Repeats", _field((c.every or "") if c else "", REPEAT_HINT, "promise-every")),
        ]

    def job(self) -> Callable[[], Commitment]:
        store, today = self.hearth.store, self.hearth.today()
        title, due = self.value("promise-title"), self.value("promise-due")
        every = self.value("promise-every")
        if self.commitment is None:
            return lambda: plans.add_commitment(store, title, due=due, every=every, today=today)
        ref = self.commitment.id
        return lambda: plans.edit_commitment(store, ref, title, due=due, every=every, today=today)


class MilestoneDialog(FormDialog):
    """A new milestone, or a change to one; a new one repeats as its kind usually does."""

    def __init__(self, milestone: Milestone | None = None) -> None:
        super().__init__()
        self.milestone = milestone
        self.title_words = "A new milestone" if milestone is None else "Change the milestone"

    def fields(self) -> list[tuple[str, Widget]]:
        m = self.milestone
        kinds = self.hearth.content.milestone_kinds
        kind = m.kind if m else "event"
        known = {k.id for k in kinds}
        choices = [(Content(k.label), k.id) for k in kinds]
        if kind not in known:
            choices.append((Content(kind), kind))  # a kind since removed from content
        yearly = m.yearly if m else next((k.yearly for k in kinds if k.id == kind), False)
        self._kind = kind
        return [
            ("The day", _field(m.title if m else "", "Our anniversary", "milestone-title")),
            ("Date", _field(m.date if m else "", "2015-06-20", "milestone-date")),
            (
                "Kind",
                Select(choices, value=kind, allow_blank=False, id="milestone-kind", compact=True),
            ),
            ("Every year", Checkbox("", yearly, id="milestone-yearly", compact=True)),
        ]

    @on(Select.Changed, "#milestone-kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        # A new kind brings its usual repeat (a birthday is yearly); ticking changes it after.
        if event.value != self._kind:
            self._kind = str(event.value)
            found = [k for k in self.hearth.content.milestone_kinds if k.id == self._kind]
            if found:
                self.query_one("#milestone-yearly", Checkbox).value = found[0].yearly

    def job(self) -> Callable[[], Milestone]:
        store, content, today = self.hearth.store, self.hearth.content, self.hearth.today()
        title, day = self.value("milestone-title"), self.value("milestone-date")
        kind = str(self.query_one("#milestone-kind", Select).value)
        yearly = self.query_one("#milestone-yearly", Checkbox).value
        if self.milestone is None:
            return lambda: plans.add_milestone(
                store, content, title, day=day, kind=kind, yearly=yearly, today=today
            )
        ref = self.milestone.id
        return lambda: plans.edit_milestone(
            store, content, ref, title, day=day, kind=kind, yearly=yearly, today=today
        )


class DaysAwayDialog(FormDialog):
    """Days away (travel, illness): they neither break streaks nor lower strength."""

    title_words = "Days away"
    note_words = "These days won't break a streak or lower a practice's strength."

    def fields(self) -> list[tuple[str, Widget]]:
        return [
            ("First day", _field("", DATE_HINT, "away-first")),
            ("Last day", _field("", DATE_HINT, "away-last")),
            ("Why (optional)", _field("", "a work trip, a cold…", "away-reason")),
        ]

    def job(self) -> Callable[[], Any]:
        store, today = self.hearth.store, self.hearth.today()
        first, last = self.value("away-first"), self.value("away-last")
        reason = self.value("away-reason")
        return lambda: pauses.add_pause(store, first, last, reason=reason, today=today)


def plan_commands(app: App[Any]) -> Iterator[SystemCommand]:
    """The palette's ways to plan, from any room."""
    # The names carry the words people search by: "commit" and "pause" are the CLI's.
    yield SystemCommand(
        "New promise (a commitment)",
        "Something to do for them, once or again and again",
        lambda: app.push_screen(PromiseDialog()),
    )
    yield SystemCommand(
        "New milestone",
        "An anniversary, a birthday, a day that matters",
        lambda: app.push_screen(MilestoneDialog()),
    )

    def days_away() -> None:
        # The Plans room with its days away in view; n there adds some.
        app.switch_mode("plans")
        app.call_after_refresh(in_view)

    def in_view() -> None:
        for found in app.screen.query("#plans-away"):
            found.focus()

    yield SystemCommand(
        "Days away (pause the streaks)",
        "Travel or illness: days that don't break streaks",
        days_away,
    )
