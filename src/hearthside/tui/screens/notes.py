"""The Notes room: thanks, compliments, apologies and encouragement."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Footer, Header, Static

from hearthside.tui.screens.base import Room


class NotesScreen(Room):
    room_name = "Notes"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Notes", classes="room-title")
        yield Static(
            Content(
                "The composer for gratitude notes, compliments, apologies and encouragement "
                'is coming here. Until then: hearthside note gratitude "..." on the command line.'
            ),
            classes="room-body",
        )
        yield Footer(compact=True, show_command_palette=False)
