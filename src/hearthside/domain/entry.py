"""The journal entry, apart from the other kinds: the journal's quick commands (list,
search, show) need it alone, and defining every kind would slow their start."""

from __future__ import annotations

from dataclasses import field
from typing import ClassVar

from hearthside.domain.record_base import Record, record_kind


@record_kind
class Entry(Record):
    """A journal entry: a day's words, with its tags, closeness and the steps it took."""

    KIND: ClassVar[str] = "entries"
    LABEL: ClassVar[str] = "entry"
    LISTED_BY: ClassVar[str] = "hearthside list"

    date: str
    title: str = ""
    body: str = ""
    tags: list[str] = field(default_factory=list)
    closeness: int | None = None
    steps: list[int] = field(default_factory=list)
    private: bool = False
    # A favourite, to come back to (Good memories); jrnl's star comes in as this.
    starred: bool = False

    @property
    def headline(self) -> str:
        """The title, or the body's first non-empty line when there is none."""
        if self.title.strip():
            return self.title.strip()
        for line in self.body.splitlines():
            if line.strip():
                return line.strip().lstrip("#").strip()
        return "(untitled)"
