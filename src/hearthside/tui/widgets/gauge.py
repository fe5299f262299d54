"""Small measures drawn in text: a gauge with marks, a meter, a sparkline.

``Gauge`` is a widget (a bar with a mark for each goal and the goals' numbers
under it); ``meter`` and ``spark`` return ``Content`` to place inside a line.
Colours are theme variables, so every theme restyles them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from textual.content import Content
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from hearthside.domain.trends import BARS, MISSING

BAR = "━"
MARK = "┃"


def meter(share: float, width: int = 10) -> Content:
    """A bar ``width`` cells long, filled to ``share`` (0.0 to 1.0)."""
    filled = round(min(max(share, 0.0), 1.0) * width)
    return Content.assemble((BAR * filled, "$primary"), (BAR * (width - filled), "$foreground 15%"))


def spark(
    values: Sequence[float | None], *, low: float, high: float, repeat: int = 2, rows: int = 1
) -> list[Content]:
    """One bar per value on a fixed scale from ``low`` to ``high``, ``rows`` lines tall
    (top line first); a dot where there is none.

    A fixed scale keeps a steady run of good weeks looking good (a sparkline scaled
    to its own range would turn the smallest of them into a trough).
    """
    steps = len(BARS) * rows
    lines: list[list[tuple[str, str]]] = [[] for _ in range(rows)]
    for value in values:
        if value is None:
            for line in lines[:-1]:
                line.append((" " * repeat, ""))
            lines[-1].append((MISSING * repeat, "$foreground 30%"))
            continue
        span = high - low
        share = (min(max(value, low), high) - low) / span if span > 0 else 0.0
        # The least value still shows the lowest bar, as a one-line spark does.
        height = 1 + round(share * (steps - 1))
        for n, line in enumerate(lines):
            fill = min(max(height - (rows - 1 - n) * len(BARS), 0), len(BARS))
            line.append(((BARS[fill - 1] if fill else " ") * repeat, "$primary"))
    return [Content.assemble(*line) for line in lines]


class Gauge(Widget):
    """A bar filled to ``value``, with a mark for each of ``marks`` and its label beneath."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "gauge--filled",
        "gauge--empty",
        "gauge--mark",
        "gauge--reached",
        "gauge--label",
    }
    DEFAULT_CSS = """
    Gauge {
        height: 2;
        width: 1fr;
    }
    Gauge > .gauge--filled { color: $primary; }
    Gauge > .gauge--empty { color: $foreground 15%; }
    Gauge > .gauge--mark { color: $foreground 60%; }
    Gauge > .gauge--reached { color: $accent; text-style: bold; }
    Gauge > .gauge--label { color: $foreground 60%; }
    """

    value: reactive[int] = reactive(0)
    marks: reactive[tuple[tuple[int, str], ...]] = reactive(())  # (where, label)

    def scale(self) -> int:
        """The value at the right end: a quarter past the last mark, or the value if beyond."""
        last = max((at for at, _ in self.marks), default=0)
        return max(last * 5 // 4, self.value, 1)

    def _column(self, amount: int, width: int) -> int:
        return min(round(amount * width / self.scale()), width - 1)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if width < 2 or y > 1:
            return Strip.blank(width, base)
        style = self.get_component_rich_style
        if y == 0:
            filled = round(self.value * width / self.scale())
            cells = [
                Segment(BAR, style("gauge--filled" if x < filled else "gauge--empty"))
                for x in range(width)
            ]
            for at, _label in self.marks:
                reached = "gauge--reached" if self.value >= at else "gauge--mark"
                cells[self._column(at, width)] = Segment(MARK, style(reached))
            return Strip(cells, width)
        return Strip([Segment(self.labels(width), style("gauge--label"))], width)

    def labels(self, width: int) -> str:
        """The marks' labels, each centred under its mark; one that would collide is left out."""
        line = [" "] * width
        for at, label in self.marks:
            start = max(0, min(self._column(at, width) - len(label) // 2, width - len(label)))
            if all(c == " " for c in line[max(0, start - 1) : start + len(label) + 1]):
                line[start : start + len(label)] = label
        return "".join(line)
