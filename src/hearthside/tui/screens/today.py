"""The Today room: the day at a glance and the daily review."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Footer, Header, Static

from hearthside.tui.screens.base import Room


class TodayScreen(Room):
    room_name = "Today"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="today-greeting", classes="room-title")
        yield Static(
            Content(
                "The daily review, today's question, commitments and upcoming days "
                "will live here.\n\nFor now: press 2 for your journal, 5 for the guide."
            ),
            classes="room-body",
        )
        yield Footer(compact=True, show_command_palette=False)

    def reload(self) -> None:
        spouse = self.hearth.settings.spouse_name.strip()
        when = self.hearth.today().strftime("%A %-d %B")
        greeting = f"{when}. A good day for one small step toward {spouse or 'each other'}."
        self.query_one("#today-greeting", Static).update(Content(greeting))
