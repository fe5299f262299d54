"""Markdown that is drawn in the order it was asked for, and never left unfinished.

Textual's ``Markdown.update`` starts drawing at once and hands back an awaitable that
nobody has to await. Asked again before it is done (an entry after entry, a filter
typed fast), the updates wait their turn on the widget's lock; if the room closes
meanwhile, each one still waiting ends cancelled with nobody listening, and asyncio
prints "_GatheringFuture exception was never retrieved" on the terminal for each.
Here each update is awaited by a worker of the widget's own, which Textual cancels
and reaps with the widget.
"""

from __future__ import annotations

from textual.widgets import Markdown


class MarkdownText(Markdown):
    def show(self, text: str) -> None:
        # Not exit_on_error: an entry Markdown can't draw leaves its room as it was,
        # rather than closing the app on words someone wrote.
        self.run_worker(self.update(text), group="drawing", exit_on_error=False)
