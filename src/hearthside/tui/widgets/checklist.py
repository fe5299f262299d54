"""A checklist where every item has its own letter: press it to tick or untick."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets.selection_list import Selection

from hearthside.tui.widgets.ticks import TickList


@dataclass(frozen=True)
class Item:
    key: str  # one lower-case letter, or "" for none (the palette still reaches it)
    label: Content
    value: str
    ticked: bool = False
    disabled: bool = False  # shown, but not changeable here (say, logged in another room)


class LetterChecklist(TickList[str]):
    """Letters toggle their item; space toggles the highlighted one; digits do nothing here
    (a screen may route them to a number field first: see ``HearthsideApp.on_event``).

    Enter and page up/down are left to the screen (a step's "next" and "back"): a short
    list has nothing to page through, and enter toggling the highlighted item surprised.
    """

    BINDINGS = [
        Binding("enter,pageup,pagedown", "pass_on", show=False),
    ]

    class Refused(Message):
        """A letter was pressed for an item that can't be changed here."""

        def __init__(self, checklist: LetterChecklist, value: str) -> None:
            super().__init__()
            self.checklist = checklist
            self.value = value

        @property
        def control(self) -> LetterChecklist:
            return self.checklist

    def __init__(self, items: Sequence[Item], *, id: str | None = None) -> None:
        self._keys = {item.key: item.value for item in items if item.key}
        super().__init__(
            *(
                Selection(
                    Content.assemble((f" {item.key} ", "bold"), "  ", item.label),
                    item.value,
                    item.ticked,
                    disabled=item.disabled,
                )
                for item in items
            ),
            id=id,
        )

    def index_of(self, value: str) -> int | None:
        for index in range(self.option_count):
            if self.get_option_at_index(index).value == value:
                return index
        return None

    def action_pass_on(self) -> None:
        raise SkipAction()

    def on_key(self, event: events.Key) -> None:
        value = self._keys.get(event.key)
        if value is not None:
            event.stop()
            event.prevent_default()
            index = self.index_of(value)
            if index is None:
                return
            self.highlighted = index
            if self.get_option_at_index(index).disabled:
                self.post_message(self.Refused(self, value))
            else:
                self.toggle(value)
        elif event.character and event.character.isdigit():
            # Never on to the room keys: a stray digit must not leave the screen.
            event.stop()
            event.prevent_default()
