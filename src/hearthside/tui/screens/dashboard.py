"""The Dashboard room: how often the practices happen against their targets."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Footer, Header, Static

from hearthside.tui.screens.base import Room


class DashboardScreen(Room):
    room_name = "the Dashboard"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Dashboard", classes="room-title")
        yield Static(
            Content(
                "Streaks, strength and the week at a glance are coming here. Until then: "
                "hearthside stats on the command line."
            ),
            classes="room-body",
        )
        yield Footer(compact=True, show_command_palette=False)
