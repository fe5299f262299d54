"""A small form in a box: a few labelled fields, saved by a service on the writer thread.

The service checks what was typed, by the same rules the command line uses; when it
refuses, its words show in the box, nothing is saved, and the fields keep what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from hearthside.errors import HearthsideError
from hearthside.tui.dialogs.base import Dialog
from hearthside.tui.hearth import KeepsWork

KEYS = "Tab moves between fields · Enter or ctrl+s saves · escape cancels"


class FormDialog(KeepsWork, Dialog):
    """Dismisses with what the save returned, or None when cancelled. Quitting (or a
    signal) with words typed and not saved saves them, as the editor does."""

    CSS_PATH = "form.tcss"
    BINDINGS = [
        # Not a priority key: it must come after the letters typed just before it.
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    title_words = ""
    note_words = ""  # a line under the fields: what may be typed

    def __init__(self, *, first: str | None = None) -> None:
        """``first`` is the id of the field to start in (the date, to reschedule)."""
        super().__init__()
        self._first = first
        self._saving = False
        self._typed_first: list[str] | None = None  # the fields as they opened

    def fields(self) -> list[tuple[str, Widget]]:
        """Each field with its label, in the order Tab visits them."""
        raise NotImplementedError

    def job(self) -> Callable[[], Any]:
        """The save, built from the fields here and run on the writer thread."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Static(Content(self.title_words), classes="dialog-title")
            for label, widget in self.fields():
                with Horizontal(classes="form-row"):
                    yield Static(Content(label), classes="form-label")
                    yield widget
            if self.note_words:
                yield Static(Content(self.note_words), classes="form-note")
            yield Static("", id="form-problem")
            yield Static(Content(KEYS), classes="dialog-label")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="form-save", compact=True)
                yield Button("Cancel", id="form-cancel", compact=True)

    def on_mount(self) -> None:
        first = self.query_one(f"#{self._first}") if self._first else self.query(Input).first()
        self.set_focus(first)
        self._typed_first = self._typed()

    def _typed(self) -> list[str]:
        return [field.value for field in self.query(Input)]

    def keep_before_quit(self) -> str | None:
        if self._saving or self._typed() == self._typed_first:
            return None
        self._saving = True
        self.hearth.write(self.job())
        return f"What you typed in “{self.title_words}” was saved."

    def keep_draft_now(self) -> None:
        """A form keeps no draft: its few words are saved on the way out, or not at all."""

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    @on(Input.Submitted)
    @on(Button.Pressed, "#form-save")
    def action_save(self) -> None:
        if self._saving:
            return
        self._saving = True

        def failed(exc: HearthsideError) -> bool:
            self._saving = False
            problem = self.query_one("#form-problem", Static)
            problem.update(Content(str(exc)))
            problem.add_class("shown")
            return True

        self.hearth.write(self.job(), done=self._saved, failed=failed)

    def _saved(self, saved: object) -> None:
        self.dismiss(saved)  # a dismiss returns an awaitable; the writer's callback takes none

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
