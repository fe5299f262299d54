"""Small questions asked in a box: confirm, or choose one of a few answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from hearthside.tui.dialogs.base import Dialog


class ChoiceDialog(Dialog):
    """A question with a few answers; each answer's first letter is its key.

    Dismisses with the chosen answer's value, or None on escape.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: Content | str, answers: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question = question if isinstance(question, Content) else Content(question)
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-question")
            # More than three answers read better as a column than squeezed in a row.
            row = Horizontal if len(self.answers) <= 3 else Vertical
            with row(classes="dialog-buttons" if row is Horizontal else "dialog-column"):
                for i, (label, value) in enumerate(self.answers):
                    yield Button(
                        Content(label),
                        id=f"answer-{value}",
                        variant="primary" if i == 0 else "default",
                    )

    def on_mount(self) -> None:
        # None while the app is closing around a dialog that had only just opened.
        first = next(iter(self.query(Button)), None)
        if first is not None:
            first.focus()

    _answered = False

    def _answer(self, value: str | None) -> None:
        # Once: a second key in the same burst would dismiss a dialog already gone.
        if not self._answered:
            self._answered = True
            self.dismiss(value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id:
            self._answer(event.button.id.removeprefix("answer-"))

    def on_key(self, event: events.Key) -> None:
        for label, value in self.answers:
            if event.key == label[:1].lower():
                event.stop()
                self._answer(value)
                return

    def action_cancel(self) -> None:
        self._answer(None)


def ask_before_leaving(
    screen: Screen[Any], what: str, *, save: Callable[[], object], discard: Callable[[], object]
) -> None:
    """The one question every editor asks when leaving with unsaved words."""

    def answered(choice: str | None) -> None:
        if choice == "save":
            save()
        elif choice == "discard":
            discard()

    screen.app.push_screen(
        ChoiceDialog(
            f"{what} has changes that aren't saved yet.",
            [("Save", "save"), ("Discard changes", "discard"), ("Keep going", "keep")],
        ),
        answered,
    )
