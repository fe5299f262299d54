"""The journal's list of entries, one line each, newest first."""

from __future__ import annotations

from textual.content import Content

from hearthside.domain.printable import one_line
from hearthside.domain.records import Entry
from hearthside.tui.widgets.record_list import RecordList, marks


def entry_line(entry: Entry) -> Content:
    # Content(...) never parses markup: a title like "[bold]x[/]" shows as typed.
    # Date, headline, then tags: a row too long for the list is cut at its end, so the
    # tags give way first and the headline stays readable in a narrow terminal.
    parts: list[Content | tuple[str, str]] = [(entry.date, "dim"), Content("  ")]
    parts.append(marks(entry))
    parts.append(Content(one_line(entry.headline, 80)))
    if entry.tags:
        parts.append(Content("  "))
        parts.append((" ".join(f"#{t}" for t in entry.tags), "italic"))
    return Content.assemble(*parts)


class EntryList(RecordList[Entry]):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(entry_line, id=id)
