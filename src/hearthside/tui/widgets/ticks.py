"""Checkboxes and checklists whose ticked and unticked states differ in characters.

Textual draws the same "X" in both states and tells them apart by colour alone,
which reads as ticked on a low-colour terminal or with NO_COLOR. Here an unticked
box is empty and a ticked one holds a tick.
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList

TICKED, UNTICKED = "✓", " "

V = TypeVar("V")


class Tick(Checkbox):
    @property
    def _button(self) -> Content:
        inner = TICKED if self.value else UNTICKED
        button = super()._button
        # The button is three cells: its left side, the inner mark, its right side.
        return Content.assemble(button[:1], (inner, button.get_style_at_offset(1)), button[2:])


class TickList(SelectionList[V]):
    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        index = self.scroll_offset.y + y
        if index >= self.option_count or len(segments) < 2:
            return line
        ticked = self.get_option_at_index(index).value in self._selected
        inner = segments[1]
        segments[1] = Segment(TICKED if ticked else UNTICKED, inner.style)
        return Strip(segments, line.cell_length)
