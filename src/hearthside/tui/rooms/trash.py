"""Deleted entries, waiting to be restored."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from hearthside.domain.records import Entry
from hearthside.services.journal import trash
from hearthside.tui.rooms.base import Room
from hearthside.tui.widgets.entry_list import EntryList
from hearthside.tui.widgets.keys_footer import KeysFooter


class TrashScreen(Room):
    room_name = "the Trash"

    BINDINGS = [
        Binding("r", "restore", "Restore"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._deleted: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Trash: entries you deleted. Press r to bring one back.", classes="room-title")
        yield Static(
            "The trash is empty. Anything you delete from the journal waits here, "
            "ready to come back whenever you like.",
            id="trash-empty",
            markup=False,
        )
        yield EntryList(id="trash-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(EntryList).focus()

    def reload(self) -> None:
        self._deleted = trash(self.hearth.store)
        listing = self.query_one(EntryList)
        listing.show(self._deleted, keep=listing.current_id)
        self.query_one("#trash-empty", Static).display = not self._deleted

    def action_restore(self) -> None:
        entry = self.query_one(EntryList).current
        if entry is None:
            return
        store = self.hearth.store
        self.hearth.write(
            lambda: store.restore(entry),
            done=lambda e: self.notify(f"Restored the entry from {e.date}.", markup=False),
        )

    def action_back(self) -> None:
        self.dismiss()
