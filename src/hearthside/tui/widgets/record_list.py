"""A virtual list of journal records (entries, notes), one line each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic

from textual.content import Content

from hearthside.domain.marks import private_mark, star_mark
from hearthside.domain.records import Entry, Note, R
from hearthside.tui.widgets.virtual_list import VirtualList


def marks(record: Entry | Note) -> Content:
    """The record's marks (a star, private), to go before its words in a list: a row
    too long for its list is cut at its end, and the marks must stay in sight."""
    star, private = star_mark(record), private_mark(record)
    return Content.assemble(
        (f"{star} ", "bold $accent") if star else "",
        (f"{private} ", "dim") if private else "",
    )


class RecordList(VirtualList, Generic[R]):
    """Records by id; a row's text is built only when it scrolls into view."""

    def __init__(self, line: Callable[[R], Content], *, id: str | None = None) -> None:
        super().__init__(self._line, id=id)
        self._describe = line
        self._records: dict[str, R] = {}

    def _line(self, record_id: str) -> Content:
        return self._describe(self._records[record_id])

    def show(self, records: Sequence[R], *, keep: str | None = None) -> None:
        for record in records:
            known = self._records.get(record.id)
            if known is not None and known.updated != record.updated:
                self.forget(record.id)
            self._records[record.id] = record
        self.set_rows([r.id for r in records], keep=keep)

    @property
    def current(self) -> R | None:
        wanted = self.current_id
        return None if wanted is None else self._records.get(wanted)

    def lines(self) -> list[str]:
        """The rows' text, for tests and for reading the list aloud."""
        return [str(self._describe(self._records[i])) for i in self.row_ids]
