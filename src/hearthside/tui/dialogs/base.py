"""What every dialog shares: arrows between its buttons, and closing once."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.actions import SkipAction
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button

from hearthside.tui.hearth import HearthMixin


class Dialog(HearthMixin, ModalScreen[Any]):
    """A box over the room; its result goes to the callback given to push_screen.

    Arrow keys move between its buttons, as in any dialog box (a field that uses the
    arrows itself, an Input or a list, keeps them: its own bindings come first).
    """

    BINDINGS = [
        Binding("left,up", "between_buttons(-1)", show=False),
        Binding("right,down", "between_buttons(1)", show=False),
    ]

    _dismissed = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Once only: two closing keys in one burst would pop the screen under it too."""
        if self._dismissed:
            return AwaitComplete(asyncio.sleep(0))
        self._dismissed = True
        return super().dismiss(result)

    def action_between_buttons(self, step: int) -> None:
        buttons = [b for b in self.query(Button) if b.display and not b.disabled]
        if self.focused not in buttons:
            raise SkipAction()
        at = buttons.index(self.focused)
        self.set_focus(buttons[(at + step) % len(buttons)])
