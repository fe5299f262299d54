"""The journal's list of entries, one line each, newest first."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from hearthside.model import Entry
from hearthside.terminal import one_line
from hearthside.tui.widgets.virtual_list import VirtualList


def entry_line(entry: Entry) -> Content:
    # Content(...) never parses markup: a title like "[bold]x[/]" shows as typed.
    parts: list[Content | tuple[str, str]] = [
        (entry.date, "dim"),
        Content("  "),
        Content(one_line(entry.headline, 80)),
    ]
    if entry.tags:
        parts.append(Content("  "))
        parts.append((" ".join(f"#{t}" for t in entry.tags), "italic"))
    if entry.private:
        parts.append((" (private)", "dim"))
    return Content.assemble(*parts)


class EntryList(VirtualList):
    """Entries by id; the row text is built only for rows that scroll into view."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(self._line, id=id)
        self._entries: dict[str, Entry] = {}

    def _line(self, entry_id: str) -> Content:
        return entry_line(self._entries[entry_id])

    def show(self, entries: Sequence[Entry], *, keep: str | None = None) -> None:
        for entry in entries:
            known = self._entries.get(entry.id)
            if known is not None and known.updated != entry.updated:
                self.forget(entry.id)
            self._entries[entry.id] = entry
        self.set_rows([e.id for e in entries], keep=keep)

    def lines(self) -> list[str]:
        """The rows' text, for tests and for reading the list aloud."""
        return [str(entry_line(self._entries[i])) for i in self.row_ids]
