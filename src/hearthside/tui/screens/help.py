"""``?``: the keys of the room you are in, in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from hearthside.tui.screens.base import Dialog


class HelpScreen(Dialog):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, room: Screen[object]) -> None:
        super().__init__()
        self.room = room

    def compose(self) -> ComposeResult:
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        for active in self.room.active_bindings.values():
            binding = active.binding
            # A focused widget's own keys (scrolling, cursor) would only clutter this.
            if active.node not in (self.room, self.app) and not binding.show:
                continue
            if not binding.description or binding.description in seen:
                continue
            seen.add(binding.description)
            rows.append((self.app.get_key_display(binding), binding.description))
        title = getattr(self.room, "room_name", None) or self.room.__class__.__name__.removesuffix(
            "Screen"
        )
        width = max((len(k) for k, _ in rows), default=4) + 2
        lines = [Content.assemble((k.ljust(width), "bold"), d) for k, d in rows]
        lines.append(
            Content("\nctrl+p opens the command palette: type any room or action by name.")
        )
        with Vertical(classes="dialog", id="help"):
            yield Static(Content(f"Keys in {title}"), classes="dialog-title")
            with VerticalScroll():
                yield Static(Content("\n").join(lines))
            yield Static(Content("Press escape to close."), classes="dialog-label")

    def action_close(self) -> None:
        self.dismiss(None)
