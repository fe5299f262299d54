"""Asking for the passphrase of an encrypted journal, before anything of it is read."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from hearthside.errors import HearthsideError, WrongPassphrase
from hearthside.tui.dialogs.base import Dialog

ASK = "This journal is encrypted. Type its passphrase to open it."
EMPTY = "Type the passphrase, then press Enter."
AGAIN = " Try again, or press Escape to quit."


class UnlockScreen(Dialog):
    """Dismisses with True once the journal is unlocked and open, False to quit.

    ``open_journal`` unlocks the journal with the passphrase typed and opens it. A
    wrong passphrase is refused, nothing is written, and the field is cleared for
    another try; another problem it raises (a damaged file, say) is shown here, and
    the person can only quit.
    """

    BINDINGS = [Binding("escape", "leave", "Quit")]

    def __init__(self, open_journal: Callable[[str], None]) -> None:
        super().__init__()
        self.open_journal = open_journal

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="unlock"):
            yield Static(ASK, classes="dialog-question", markup=False)
            yield Input(password=True, placeholder="Passphrase", id="passphrase")
            yield Static("", id="unlock-problem", classes="dialog-label", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Open", variant="primary", id="open")
                yield Button("Quit", id="leave")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#passphrase", Input))

    def _tell(self, problem: str) -> None:
        self.query_one("#unlock-problem", Static).update(problem)

    @on(Input.Submitted, "#passphrase")
    @on(Button.Pressed, "#open")
    def action_open(self) -> None:
        field = self.query_one("#passphrase", Input)
        passphrase, field.value = field.value, ""
        if not passphrase:
            self._tell(EMPTY)
            return
        try:
            self.open_journal(passphrase)
        except WrongPassphrase as exc:
            self._tell(str(exc) + AGAIN)
            field.focus()
            return
        except HearthsideError as exc:
            # Not something another try can fix: say what is wrong, and offer only Quit.
            self._tell(str(exc))
            field.disabled = True
            self.query_one("#open", Button).disabled = True
            self.query_one("#leave", Button).focus()
            return
        self.dismiss(True)

    @on(Button.Pressed, "#leave")
    def action_leave(self) -> None:
        self.dismiss(False)
