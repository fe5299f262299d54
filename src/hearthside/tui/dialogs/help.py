"""``?``: the keys of the room you are in, in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from hearthside.services import practice_book
from hearthside.tui.dialogs.base import Dialog
from hearthside.tui.presenters.practice_keys import key_lines

# A room's bindings for its practice letters go in this group: ``?`` lists them once,
# with the rest of the map, instead of among the room's own keys.
PRACTICE_LETTERS = Binding.Group("Log")


class HelpScreen(Dialog):
    BINDINGS = [Binding("escape,question_mark,f1,q", "close", "Close")]

    def __init__(self, room: Screen[object]) -> None:
        super().__init__()
        self.room = room

    def compose(self) -> ComposeResult:
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        # Every key of the room and the app, whether it can act this moment or not (d marks
        # a promise only when one is due), nearest first; a focused widget's own keys
        # (scrolling, the cursor) only where they are shown in the footer too.
        for node, bindings in self.room._binding_chain:
            for binding_list in bindings.key_to_bindings.values():
                for binding in binding_list:
                    if node not in (self.room, self.app) and not binding.show:
                        continue
                    if binding.system or not binding.description:
                        continue
                    if binding.group is PRACTICE_LETTERS:
                        continue
                    if binding.description in seen:
                        continue
                    seen.add(binding.description)
                    rows.append((self.app.get_key_display(binding), binding.description))
        title = getattr(self.room, "room_name", None) or "this screen"
        width = max((len(k) for k, _ in rows), default=4) + 2
        lines = [Content.assemble((k.ljust(width), "bold"), d) for k, d in rows]
        # Rooms that take practice letters say so; the letters are the same in all of them.
        if getattr(self.room, "practice_letters", False):
            letters = key_lines(practice_book.practices(self.hearth.store, self.hearth.content))
            lines.append(Content.styled("\nPractice letters, the same in every room", "bold"))
            lines.extend(Content.assemble((k.ljust(width), "bold"), name) for k, name in letters)
        notes = getattr(self.room, "help_notes", "")
        if notes:
            lines.append(Content(f"\n{notes}"))
        lines.append(
            Content("\nctrl+p opens the command palette: type any room or action by name.")
        )
        with Vertical(classes="dialog", id="help"):
            yield Static(Content(f"Keys in {title}"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(Content("\n").join(lines), id="help-keys")
            yield Static(
                Content("↑ ↓ and page keys scroll · escape closes."), classes="dialog-label"
            )

    def on_mount(self) -> None:
        self.query_one("#help-scroll", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
