"""The love map: what you know about them, topic by topic, and how fresh each topic is.

Saved through ``services.lovemap``, the same as ``hearthside learned``; the palette
opens it, and the evening of 36 questions, from every room.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from hearthside.domain import date_words
from hearthside.domain.records import Learned, Record
from hearthside.errors import HearthsideError
from hearthside.services import lovemap
from hearthside.texts.lovemap import LoveMapTopic
from hearthside.tui.dialogs.lovemap import LearnedDialog
from hearthside.tui.rooms.base import UndoLast
from hearthside.tui.widgets.keys_footer import KeysFooter

TOPIC = "topic-"  # the start of a topic row's option id; a thing learned's is its own id

CSS = """
LoveMapScreen #lovemap {
    height: 1fr;
    padding: 0 1;
}
LoveMapScreen #lovemap-intro, LoveMapScreen #lovemap-listen {
    padding: 0 1;
    color: $foreground 60%;
}
LoveMapScreen #lovemap-list {
    height: 1fr;
    border: none;
    padding: 0;
    background: $background;
}
LoveMapScreen.-short #lovemap-intro {
    display: none;
}
"""


def lovemap_commands(app: App[Any]) -> Iterable[SystemCommand]:
    """The palette's ways to knowing them better, from every room."""
    yield SystemCommand(
        "Love map",
        "What you know about them, topic by topic",
        lambda: app.push_screen(LoveMapScreen()),
    )


def item_row(item: Learned) -> Content:
    words = f"learned {date_words.short_day(date.fromisoformat(item.date))}"
    if item.confirmed:
        words += f" · still true {date_words.short_day(date.fromisoformat(item.confirmed))}"
    return Content.assemble("  • ", Content(item.text), (f"  {words}", "dim"))


class LoveMapScreen(UndoLast):
    room_name = "the love map"
    DEFAULT_CSS = CSS
    AUTO_FOCUS = "#lovemap-list"
    help_notes = "n adds under the topic the cursor is on, or under the one it's in."
    BINDINGS = [
        Binding("n", "add", "Add"),
        Binding("c", "confirm", "Still true"),
        Binding("e", "edit", "Edit"),
        Binding("x,delete", "delete", "Delete"),
        Binding("u", "undo", "Undo"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._items: dict[str, Learned] = {}
        self._topics: dict[str, LoveMapTopic] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="lovemap"):
            yield Static(Content("Love map"), classes="room-title")
            yield Static("", id="lovemap-intro")
            yield OptionList(id="lovemap-list")
            yield Static("", id="lovemap-listen")
        yield KeysFooter()

    def reload(self) -> None:
        h = self.hearth
        intro = self.query_one("#lovemap-intro", Static)
        try:
            maps = lovemap.love_map(h.store, h.content, today=h.today())
        except HearthsideError as exc:  # a broken lovemap.md: say which line, show nothing
            intro.update(Content(str(exc)))
            intro.display = True
            return
        intro.update(Content(h.content.lovemap_intro))
        self._items, self._topics, rows = {}, {}, []
        for found in maps:
            self._topics[found.topic.id] = found.topic
            title = Content.styled(found.topic.title, "bold")
            rows.append(
                Option(
                    Content.assemble(title, (f"  · {found.freshness}", "dim")),
                    TOPIC + found.topic.id,
                )
            )
            for item in found.items:
                self._items[item.id] = item
                rows.append(Option(item_row(item), item.id))
        listing = self.query_one("#lovemap-list", OptionList)
        at = listing.highlighted
        kept = listing.get_option_at_index(at).id if at is not None else None
        listing.clear_options()
        listing.add_options(rows)
        ids = [row.id for row in rows]
        wanted = self._focus_id if self._focus_id in ids else kept
        listing.highlighted = ids.index(wanted) if wanted in ids else min(at or 0, len(ids) - 1)
        self._focus_id = None
        self._show_listen()

    def on_option_list_option_highlighted(self) -> None:
        self._show_listen()

    def _show_listen(self) -> None:
        topic = self.current_topic()
        words = f"Listen for: {topic.listen}" if topic else ""
        self.query_one("#lovemap-listen", Static).update(Content(words))
        self.refresh_bindings()

    def _current_id(self) -> str | None:
        found = next(iter(self.query("#lovemap-list").results(OptionList)), None)
        if found is None or found.highlighted is None or found.option_count == 0:
            return None
        return found.get_option_at_index(found.highlighted).id

    def current_item(self) -> Learned | None:
        return self._items.get(self._current_id() or "")

    def current_topic(self) -> LoveMapTopic | None:
        """The topic the cursor is on, or the one whose thing learned it is on."""
        row = self._current_id() or ""
        item = self._items.get(row)
        return self._topics.get(item.topic if item else row.removeprefix(TOPIC))

    # -- keys -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("confirm", "edit", "delete"):
            return self.current_item() is not None
        if action == "add":
            return self.current_topic() is not None
        return True

    def action_add(self) -> None:
        topic = self.current_topic()
        if topic is not None:
            self.open_form(LearnedDialog(topic), "Kept in the love map.")

    def action_edit(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_form(LearnedDialog(self._topics[item.topic], item), "Saved the change.")

    def action_confirm(self) -> None:
        item = self.current_item()
        if item is None:
            return
        store, today = self.hearth.store, self.hearth.today()
        self._focus_id = item.id
        self.hearth.write(
            lambda: lovemap.confirm(store, item.id, today=today),
            done=lambda _i: self.notify("Marked still true today.", markup=False),
        )

    def action_delete(self) -> None:
        item = self.current_item()
        if item is not None:
            self._focus_id = TOPIC + item.topic
            self.delete_for_undo(item)

    def describe_deleted(self, record: Record) -> str:
        return "Moved it to the trash. Press u to undo."

    def action_back(self) -> None:
        self.dismiss(None)
