"""Good memories: starred entries and notes, the days that felt close and the notes
handed over, one at a time, oldest first or at random (``services.good_memories``)."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from hearthside.domain import date_words
from hearthside.domain.marks import sender_words
from hearthside.domain.records import Entry, Note
from hearthside.services.good_memories import GoodMemory, good_memories, none_yet, shuffled
from hearthside.tui.hearth import HearthMixin
from hearthside.tui.rooms.composer import NoteComposer
from hearthside.tui.rooms.editor import EntryEditor
from hearthside.tui.widgets.keys_footer import KeysFooter

CSS = """
#memories {
    padding: 0 2;
}
#memory-where, #memory-why {
    color: $foreground 60%;
}
#memory-words {
    padding: 1 0;
}
"""


def good_memories_commands(app: App[Any]) -> Iterable[SystemCommand]:
    """The palette's way to the good memories, from every room."""
    yield SystemCommand(
        "Good memories",
        "Starred entries and notes, close days, notes handed over",
        lambda: app.push_screen(GoodMemoriesScreen()),
    )


class GoodMemoriesScreen(HearthMixin, Screen[None]):
    """One memory at a time; ← and → move through them, r switches the order."""

    room_name = "good memories"
    DEFAULT_CSS = CSS
    BINDINGS = [
        Binding("right,n", "step(1)", "Next"),
        Binding("left,p", "step(-1)", "Previous"),
        Binding("o,enter", "open", "Open"),
        Binding("r", "switch_order", "Random / oldest"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, *, seed: int | None = None) -> None:
        super().__init__()
        # One order of chance for this visit: going back and forth keeps it.
        self._seed = random.randrange(2**32) if seed is None else seed
        self._at_random = False
        self._memories: list[GoodMemory] = []
        self._at = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="memories", can_focus=False):
            yield Static(Content("Good memories"), classes="room-title")
            yield Static("", id="memory-where")
            yield Static("", id="memory-head")
            yield Static("", id="memory-why")
            yield Static("", id="memory-words")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        found = good_memories(self.hearth.store)
        self._memories = shuffled(found, self._seed) if self._at_random else found
        ids = [m.record.id for m in self._memories]
        self._at = ids.index(keep) if keep in ids else min(self._at, max(len(ids) - 1, 0))
        self._show()

    @property
    def current(self) -> GoodMemory | None:
        return self._memories[self._at] if self._memories else None

    def _show(self) -> None:
        memory = self.current
        order = "at random" if self._at_random else "oldest first"
        where = f"{self._at + 1} of {len(self._memories)} · {order}" if memory else ""
        self.query_one("#memory-where", Static).update(Content(where))
        if memory is None:
            head, why, words = Content(none_yet("with * in its list")), Content(""), Content("")
        else:
            head, words = self._describe(memory.record)
            why = Content(" · ".join(memory.reasons))
        self.query_one("#memory-head", Static).update(head)
        self.query_one("#memory-why", Static).update(why)
        self.query_one("#memory-words", Static).update(words)
        self.refresh_bindings()

    def _describe(self, record: Entry | Note) -> tuple[Content, Content]:
        when = date_words.long_day(date.fromisoformat(record.date))
        if isinstance(record, Entry):
            head = Content.assemble((when, "bold"), "  journal")
            title = Content.styled(record.title, "bold") if record.title else Content("")
            return head, Content("\n").join([t for t in (title, Content(record.body)) if t])
        labels = {k.id: k.label for k in self.hearth.content.note_kinds}
        kind = labels.get(record.kind, record.kind)
        sender = f" {sender_words(record)}" if record.sender else ""
        return Content.assemble((when, "bold"), f"  {kind} note{sender}"), Content(record.text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("step", "open", "switch_order"):
            return bool(self._memories) or None
        return True

    def action_step(self, by: int) -> None:
        if self._memories:
            self._at = (self._at + by) % len(self._memories)
            self._show()

    def action_switch_order(self) -> None:
        memory = self.current
        self._at_random = not self._at_random
        self.reload(keep=memory.record.id if memory else None)

    def action_open(self) -> None:
        memory = self.current
        if memory is None:
            return
        record = memory.record
        opened: Screen[Any] = (
            EntryEditor(record) if isinstance(record, Entry) else NoteComposer(record)
        )
        self.app.push_screen(opened, lambda _saved: self.reload(keep=record.id))

    def action_back(self) -> None:
        self.dismiss(None)
