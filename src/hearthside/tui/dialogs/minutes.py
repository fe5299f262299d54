"""How long did it take? Asked when the Dashboard logs a practice that counts minutes."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from hearthside.tui.dialogs.base import Dialog


@dataclass(frozen=True)
class MinutesAnswer:
    """The minutes typed into the dialog; None when they weren't counted."""

    minutes: int | None


class MinutesDialog(Dialog):
    """How long did it take? Dismisses with a MinutesAnswer, or None on escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, name: str, when: str, *, together: bool = True) -> None:
        """``together``: the minutes are time spent together (the seed's time together)."""
        super().__init__()
        self.practice_name = name
        self.when = when
        self.together = together

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="minutes-dialog"):
            yield Static(Content(self.practice_name), classes="dialog-title")
            yield Static(
                Content(
                    f"How many minutes did you spend {'together ' if self.together else 'on it '}"
                    f"{self.when}? "
                    "Leave it empty if you didn't count; it still counts."
                ),
                classes="dialog-question",
            )
            yield Input(placeholder="minutes, e.g. 90", type="integer", id="minutes")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Log it"), id="minutes-save", variant="primary")
                yield Button(Content("Cancel"), id="minutes-cancel")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#minutes", Input))

    @on(Input.Submitted, "#minutes")
    @on(Button.Pressed, "#minutes-save")
    def _save(self) -> None:
        text = self.query_one("#minutes", Input).value.strip()
        try:
            minutes = int(text) if text else None
        except ValueError:  # a lone sign: the only non-number the box lets through
            minutes = 0
        self.dismiss(MinutesAnswer(minutes))

    @on(Button.Pressed, "#minutes-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
