"""A one-line-per-row list that only renders the rows on screen.

OptionList measures every option when options are added (about 0.7 s for
10,000 journal entries here), so a decade of entries would make each filter
keystroke lag. This widget keeps only row ids; a row's text is built when it
scrolls into view and cached until the data changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class VirtualList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"virtual-list--highlight"}
    DEFAULT_CSS = """
    VirtualList {
        height: 1fr;
        background: $background;
    }
    VirtualList > .virtual-list--highlight {
        background: $primary 25%;
    }
    VirtualList:focus > .virtual-list--highlight {
        background: $primary;
        color: $background;
        text-style: bold;
    }
    """
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, init=False)

    class Highlighted(Message):
        def __init__(self, widget: VirtualList, row_id: str | None) -> None:
            super().__init__()
            self.widget = widget
            self.row_id = row_id

        @property
        def control(self) -> VirtualList:
            return self.widget

    class Selected(Highlighted):
        pass

    def __init__(
        self,
        render_row: Callable[[str], Content],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._render_row = render_row
        self._ids: list[str] = []
        self._index: dict[str, int] = {}
        self._cache: dict[str, Content] = {}

    # -- data --------------------------------------------------------------------

    @property
    def row_ids(self) -> Sequence[str]:
        return self._ids

    @property
    def current_id(self) -> str | None:
        if self.highlighted is None or not self._ids:
            return None
        return self._ids[self.highlighted]

    def set_rows(self, ids: Sequence[str], *, keep: str | None = None) -> None:
        """Show these rows, keeping ``keep`` highlighted if it is among them."""
        self._ids = list(ids)
        self._index = {row_id: i for i, row_id in enumerate(self._ids)}
        self.virtual_size = Size(self.size.width, len(self._ids))
        target = self._index.get(keep, 0) if keep is not None else 0
        new = target if self._ids else None
        if new == self.highlighted:
            self.post_message(self.Highlighted(self, self.current_id))
        self.highlighted = new
        self.refresh()

    def neighbour(self, row_id: str) -> str | None:
        """The row that takes ``row_id``'s place when it goes: the next, or at the end
        the one before; None when no other row is left."""
        index = self._index.get(row_id)
        if index is None or len(self._ids) < 2:
            return None
        return self._ids[index + 1] if index + 1 < len(self._ids) else self._ids[index - 1]

    def forget(self, row_id: str | None = None) -> None:
        """Drop cached row text (one row, or all) after the data behind it changed."""
        if row_id is None:
            self._cache.clear()
        else:
            self._cache.pop(row_id, None)
        self.refresh()

    # -- drawing -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        _scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._ids):
            return Strip.blank(width, base)
        row_id = self._ids[index]
        content = self._cache.get(row_id)
        if content is None:
            content = self._cache[row_id] = self._render_row(row_id)
        if index == self.highlighted:
            style = self.get_visual_style("virtual-list--highlight")
            line_style = self.get_component_rich_style("virtual-list--highlight")
        else:
            style = self.visual_style
            line_style = base
        segments = content.truncate(width, ellipsis=True).render_segments(style)
        return Strip(segments).extend_cell_length(width, line_style).crop(0, width)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._ids))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self.refresh(Region(0, index - self.scroll_offset.y, self.size.width, 1))
        if new is not None:
            self.scroll_to_region(Region(0, new, 1, 1), animate=False, immediate=True)
        self.post_message(self.Highlighted(self, self.current_id))

    # -- keys and mouse ---------------------------------------------------------------

    def _move_to(self, index: int) -> None:
        if self._ids:
            self.highlighted = max(0, min(len(self._ids) - 1, index))

    def action_move(self, step: int) -> None:
        self._move_to((self.highlighted or 0) + step)

    def action_page(self, direction: int) -> None:
        self._move_to((self.highlighted or 0) + direction * max(1, self.size.height - 1))

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self._ids) - 1)

    def action_select(self) -> None:
        if self.current_id is not None:
            self.post_message(self.Selected(self, self.current_id))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self._ids):
            if index == self.highlighted and event.chain > 1:
                self.action_select()
            self.highlighted = index
