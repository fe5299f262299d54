"""Words as written, with what a search found picked out: styled spans, never markup."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content, Span

from hearthside.services.journal import found_at

# Reversed, not only coloured: the words found stand out with NO_COLOR too.
FOUND_STYLE = "bold reverse"


def with_found(text: str, words: Sequence[str]) -> Content:
    """``text`` exactly as written, each stretch matching one of ``words`` (any case) styled."""
    return Content(text).add_spans(
        [Span(start, end, FOUND_STYLE) for start, end in found_at(text, words)]
    )
