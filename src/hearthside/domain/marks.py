"""The marks a listed entry or note carries, the same in the app's lists and the CLI's.

Every list that shows entries or notes asks here, so a private entry looks private
a starred one carries its star, and a received note says who it is from, wherever
they turn up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hearthside.domain.records import Entry, Note

PRIVATE_MARK = "(private)"
STAR_MARK = "★"


def star_mark(record: Entry | Note) -> str:
    """``★`` for an entry or note starred to come back to, else nothing."""
    return STAR_MARK if record.starred else ""


def private_mark(record: Entry | Note) -> str:
    """``(private)`` for an entry or note left out of exports and shares, else nothing."""
    return PRIVATE_MARK if record.private else ""


def sender_words(note: Note) -> str:
    """``from Sam`` for a received note whose sender is known, else nothing."""
    return f"from {note.sender}" if note.sender else ""


def with_marks(words: str, record: Entry | Note) -> str:
    """``words`` after the record's marks, for a plain-text list line. The marks come
    first so that a line cut short at its end still shows them."""
    marks = " ".join(m for m in (star_mark(record), private_mark(record)) if m)
    return f"{marks} {words}" if marks else words
