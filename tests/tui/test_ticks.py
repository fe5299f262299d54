"""Ticked and unticked differ in characters, not only in colour (low-colour terminals, NO_COLOR)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from hearthside.tui.widgets.ticks import TICKED, Tick, TickList


class Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield Tick("Private", False, id="off")
        yield Tick("Private", True, id="on")
        yield TickList[int](("one", 1, False), ("two", 2, True), id="list")


async def test_a_ticked_box_shows_a_tick_and_an_unticked_one_does_not() -> None:
    app = Boxes()
    async with app.run_test() as pilot:
        off = app.query_one("#off", Tick)
        on = app.query_one("#on", Tick)
        assert TICKED not in off.render().plain
        assert TICKED in on.render().plain
        assert "X" not in off.render().plain
        lines = app.query_one(TickList)
        first, second = (lines.render_line(y).text for y in range(2))
        assert TICKED not in first and "X" not in first and "one" in first
        assert TICKED in second and "two" in second
        lines.focus()
        await pilot.press("space")  # tick the first in the list
        first = lines.render_line(0).text
        assert TICKED in first
