"""Settings, from any room (ctrl+o, or "Settings" in the palette): names, week, dates, looks.

What is typed is checked by the same rule as ``hearthside settings``; a field that
can't be kept says why beside it, and nothing is saved until every field is fine.
"""

from __future__ import annotations

from typing import Any, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from hearthside.domain.dates import WEEKDAYS
from hearthside.domain.settings import DATE_ORDERS, Settings
from hearthside.errors import HearthsideError
from hearthside.services.settings import (
    DATE_ORDER_WORDS,
    LABELS,
    Changes,
    SettingsRefused,
    encryption_words,
    with_changes,
)
from hearthside.tui.dialogs.base import Dialog
from hearthside.tui.dialogs.choice import ask_before_leaving

FIELD_IDS = {
    "spouse_name": "spouse-name",
    "my_name": "my-name",
    "week_start": "week-start",
    "date_order": "date-order",
    "theme": "theme",
    "six_hours": "six-hours",
}
SIX_HOURS = [
    (Content("Not tracked"), False),
    (Content("Tracked: partings, reunions, thanks, touch, a date, a talk"), True),
]
KEYS = "Tab moves between fields · ctrl+s saves · escape goes back"


def _choice(choices: list[tuple[Content, Any]], value: object, field: str) -> Select[Any]:
    return Select(choices, value=value, allow_blank=False, id=FIELD_IDS[field], compact=True)


class SettingsDialog(Dialog):
    """Saves with ctrl+s and stays; escape goes back, asking first about unsaved changes."""

    room_name = "Settings"
    CSS_PATH = "settings.tcss"
    BINDINGS = [
        # Not a priority key: it must come after the letters typed just before it.
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "leave", "Back"),
    ]

    _saving = False

    def compose(self) -> ComposeResult:
        settings = self.hearth.settings
        # What the fields hold until changed: leaving asks only when they differ.
        self._saved = self._changes_from(settings)
        themes = self.hearth.theme_labels
        theme_choices = [(Content(label), name) for name, label in themes.items()]
        if settings.theme not in themes:
            # A theme file since removed: kept as it was unless another is chosen.
            theme_choices.append((Content(settings.theme), settings.theme))
        fields: dict[str, Widget] = {
            "spouse_name": Input(
                settings.spouse_name,
                placeholder="Their first name",
                id=FIELD_IDS["spouse_name"],
                compact=True,
            ),
            "my_name": Input(
                settings.my_name,
                placeholder="Signs your cards and shares",
                id=FIELD_IDS["my_name"],
                compact=True,
            ),
            "week_start": _choice(
                [(Content(day.capitalize()), i) for i, day in enumerate(WEEKDAYS)],
                settings.week_start,
                "week_start",
            ),
            "date_order": _choice(
                [(Content(f"{o} · {DATE_ORDER_WORDS[o]}"), o) for o in DATE_ORDERS],
                settings.date_order,
                "date_order",
            ),
            "theme": _choice(theme_choices, settings.theme, "theme"),
            "six_hours": _choice(SIX_HOURS, settings.six_hours, "six_hours"),
        }
        with Vertical(classes="dialog", id="settings"):
            yield Static("Settings", classes="dialog-title")
            with VerticalScroll(id="settings-fields"):
                for field, widget in fields.items():
                    with Horizontal(classes="settings-row"):
                        yield Static(Content(LABELS[field]), classes="settings-label")
                        yield widget
                    yield Static("", id=f"{FIELD_IDS[field]}-problem", classes="settings-problem")
                yield Static(Content("Encryption"), classes="settings-label")
                yield Static(Content(encryption_words(self.hearth.home)), id="encryption")
            yield Static(Content(KEYS), classes="dialog-label")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Back", id="back", compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#spouse-name", Input))

    # -- the form -----------------------------------------------------------------------

    def _form(self) -> Changes:
        week_start = self.query_one("#week-start", Select).value
        return Changes(
            spouse_name=self.query_one("#spouse-name", Input).value,
            my_name=self.query_one("#my-name", Input).value,
            week_start=week_start if isinstance(week_start, int) else 0,
            date_order=str(self.query_one("#date-order", Select).value),
            theme=str(self.query_one("#theme", Select).value),
            six_hours=self.query_one("#six-hours", Select).value is True,
        )

    @staticmethod
    def _changes_from(settings: Settings) -> Changes:
        return Changes(
            spouse_name=settings.spouse_name,
            my_name=settings.my_name,
            week_start=settings.week_start,
            date_order=settings.date_order,
            theme=settings.theme,
            six_hours=settings.six_hours,
        )

    def _changed(self) -> Changes:
        """Only what differs from what was last saved: a change made in another window
        to a field left alone here is kept."""
        form, saved = self._form(), self._saved
        return cast(Changes, {k: v for k, v in form.items() if saved.get(k) != v})

    @property
    def dirty(self) -> bool:
        return bool(self._changed())

    def _show_problems(self, problems: dict[str, str]) -> None:
        for field, widget_id in FIELD_IDS.items():
            box = self.query_one(f"#{widget_id}-problem", Static)
            box.update(Content(problems.get(field, "")))
            box.set_class(field in problems, "shown")
        first = next((FIELD_IDS[f] for f in FIELD_IDS if f in problems), None)
        if first is not None:
            self.set_focus(self.query_one(f"#{first}"))

    # -- saving and leaving -----------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self, then_leave: bool = False) -> None:
        if self._saving:
            return
        changes = self._changed()
        try:
            # Checked here first, so a problem shows beside its field at once.
            with_changes(self.hearth.settings, **changes)
        except SettingsRefused as exc:
            self._show_problems(exc.problems)
            return
        self._show_problems({})
        if not changes:
            if then_leave:
                self.dismiss(None)
            return
        self._saving = True

        def done(saved: Settings) -> None:
            self._saving = False
            self._saved = self._changes_from(saved)
            self.notify("Saved your settings.", markup=False)
            if then_leave:
                self.dismiss(saved)

        def failed(exc: HearthsideError) -> bool:
            self._saving = False
            if isinstance(exc, SettingsRefused):
                self._show_problems(exc.problems)
                return True
            return False

        self.hearth.change_settings(changes, done=done, failed=failed)

    @on(Button.Pressed, "#back")
    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return
        ask_before_leaving(
            self,
            "Settings",
            save=lambda: self.action_save(then_leave=True),
            discard=lambda: self.dismiss(None),
        )
