"""Reading entries one after another, fast, then leaving: nothing left half-done behind."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from hearthside.tui.widgets.markdown_text import MarkdownText


def updates_left() -> list[asyncio.Task[object]]:
    """Markdown updates still waiting their turn (each would end, at the loop's close, as
    "_GatheringFuture exception was never retrieved" on the terminal)."""
    return [
        t
        for t in asyncio.all_tasks()
        if not t.done() and "await_update" in getattr(t.get_coro(), "__qualname__", "")
    ]


class Reader(App[None]):
    def compose(self) -> ComposeResult:
        yield MarkdownText()


async def test_updates_asked_faster_than_drawn_are_drawn_in_order() -> None:
    app = Reader()
    async with app.run_test() as pilot:
        text = app.query_one(MarkdownText)
        for day in range(1, 7):
            text.show(f"# Day {day}\n\n" + "A line. " * 40)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text.source.startswith("# Day 6")
        assert "Day 6" in str(text.query_one("MarkdownH1").render())


async def test_closing_mid_drawing_leaves_no_update_behind() -> None:
    app = Reader()
    async with app.run_test():
        text = app.query_one(MarkdownText)
        # Entry after entry, faster than any can be drawn; then the app is gone at once.
        for day in range(1, 7):
            text.show(f"# Day {day}\n\n" + "A line. " * 40 + "\n\n- a\n- b")
        app.exit()
    await asyncio.sleep(0)
    assert updates_left() == []
