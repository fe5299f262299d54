"""One practice's last weeks, a cell a day, on one line; and the dashboard row around it.

Done days are filled squares, deeper with more done; days not done are hollow;
paused days are dashes and days still to come are dots, so the map reads even
without colour. Colours come from the theme through component classes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from hearthside.domain import date_words
from hearthside.services.stats import WEEKS_SHOWN, HeatCell, PracticeProgress
from hearthside.tui.widgets.gauge import meter

DAYS_A_WEEK = 7

DIM = "$foreground 60%"

# Kind words for where a practice stands; paused and ahead are said by the label.
STATUS = {
    "met": ("✓ met", "$success"),
    "open": ("on its way", "$accent"),
    "missed": ("next time", "$foreground 55%"),
    "paused": ("", ""),
    "ahead": ("", ""),
}

DONE = "▪"
NOT_DONE = "▫"
PAUSED = "╌"
TO_COME = "·"


# Under the practice's name, past its key letter.
INDENT = 5


# A year at most: past that a row is a wall of squares, and counting it costs more.
MOST_WEEKS = 52


def weeks_fitting(width: int) -> int:
    """How many whole weeks of cells fit ``width`` columns, a space between weeks."""
    return max((width + 1) // (DAYS_A_WEEK + 1), 1)


def weeks_for_row(row_width: int) -> int:
    """The weeks a practice row this wide has room for: never fewer than usual."""
    return min(max(weeks_fitting(row_width - INDENT), WEEKS_SHOWN), MOST_WEEKS)


def cell_look(cell: HeatCell) -> tuple[str, str]:
    """The glyph and the component class a day is drawn with."""
    if cell.future:
        return TO_COME, "heatmap--to-come"
    if cell.count >= 3:
        return DONE, "heatmap--done-3"
    if cell.count == 2:
        return DONE, "heatmap--done-2"
    if cell.count == 1:
        return DONE, "heatmap--done-1"
    if cell.paused:
        return PAUSED, "heatmap--paused"
    return NOT_DONE, "heatmap--not-done"


class Heatmap(Widget):
    """Days in a row, oldest first, weeks apart; as many of the latest weeks as fit."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "heatmap--done-1",
        "heatmap--done-2",
        "heatmap--done-3",
        "heatmap--not-done",
        "heatmap--paused",
        "heatmap--to-come",
    }
    DEFAULT_CSS = """
    Heatmap {
        height: 1;
        width: 1fr;
    }
    Heatmap > .heatmap--done-1 { color: $primary 65%; }
    Heatmap > .heatmap--done-2 { color: $primary 85%; }
    Heatmap > .heatmap--done-3 { color: $primary; }
    Heatmap > .heatmap--not-done { color: $foreground 30%; }
    Heatmap > .heatmap--paused { color: $secondary 70%; }
    Heatmap > .heatmap--to-come { color: $foreground 20%; }
    """

    cells: reactive[tuple[HeatCell, ...]] = reactive(())

    def __init__(
        self,
        cells: Sequence[HeatCell] = (),
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(Heatmap.cells, tuple(cells))

    def shown(self) -> tuple[HeatCell, ...]:
        """The most recent whole weeks that fit the width."""
        fits = weeks_fitting(self.size.width)
        weeks = -(-len(self.cells) // DAYS_A_WEEK)
        if fits >= weeks:
            return self.cells
        return self.cells[len(self.cells) - fits * DAYS_A_WEEK :]

    def text(self) -> str:
        """The glyphs as shown, for tests and for reading without colour."""
        return "".join(glyph for glyph, _ in self._looks())

    def _looks(self) -> list[tuple[str, str | None]]:
        looks: list[tuple[str, str | None]] = []
        for n, cell in enumerate(self.shown()):
            if n and not n % DAYS_A_WEEK:
                looks.append((" ", None))
            looks.append(cell_look(cell))
        return looks

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y or not self.cells:
            return Strip.blank(width, base)
        styles: dict[str, Style] = {}
        segments: list[Segment] = []
        for glyph, name in self._looks():
            if name is None:
                segments.append(Segment(glyph, base))
                continue
            style = styles.get(name)
            if style is None:
                style = styles[name] = self.get_component_rich_style(name)
            segments.append(Segment(glyph, style))
        return Strip(segments).adjust_cell_length(width, base)


def legend() -> Content:
    return Content.assemble(
        (DONE, "$primary"),
        (" done  ", DIM),
        (NOT_DONE, "$foreground 40%"),
        (" not yet  ", DIM),
        (PAUSED, "$secondary"),
        (" paused  ", DIM),
        (TO_COME, "$foreground 40%"),
        (" to come   bar: strength 0–100", DIM),
    )


def practice_line(
    p: PracticeProgress, key: str, name_width: int, *, target: bool = True, streak: bool = True
) -> Content:
    """Key, name and target, count, how it stands, streak, strength; in aligned columns."""
    status, style = STATUS[p.status]
    if p.status == "met" and p.practice.target.period in ("fortnight", "month"):
        # Met over a longer period than the week in view: say which, so a quiet week
        # inside a month that was met doesn't read as done that week.
        status = f"✓ {period_words(p.start, p.end)}"
    name = p.practice.name
    aim = f" · {p.practice.target.label}" if target else ""
    return Content.assemble(
        (f" {key or ' '} ", "bold $accent"),
        " ",
        (name, "bold"),
        (aim, DIM),
        " " * max(name_width - len(name) - len(aim), 0),
        "  ",
        (f"{p.label:<10}", "bold"),
        " ",
        (f"{status:<15}", style),
        (f"{p.streak_label:<22}" if streak else "", DIM),
        meter(p.strength / 100, 10),
        (f" {p.strength:>3}", DIM),
    )


def period_words(start: date, end: date) -> str:
    """ "in November" for a calendar month; "9–22 Nov" for a fortnight."""
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        return f"in {date_words.month(start)}"
    return date_words.short_span(start, end)


class PracticeRow(Vertical):
    """One practice on the dashboard: a line of figures over its heatmap."""

    DEFAULT_CSS = f"""
    PracticeRow {{
        height: auto;
    }}
    PracticeRow > Static {{
        padding-left: 1;
    }}
    PracticeRow > Heatmap {{
        margin-left: {INDENT};
    }}
    """

    def __init__(self, key: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.key = key

    def compose(self) -> ComposeResult:
        yield Static("")
        yield Heatmap()

    def show(self, p: PracticeProgress, *, names: Sequence[PracticeProgress], room: int) -> None:
        """Show ``p``, its name column as wide as the longest of ``names``, within ``room``.

        A narrow room leaves out the target, then the streak.
        """
        line = Content()
        for target, streak in ((True, True), (False, True), (False, False)):
            width = max(
                len(q.practice.name) + (len(q.practice.target.label) + 3 if target else 0)
                for q in names
            )
            line = practice_line(p, self.key, width, target=target, streak=streak)
            if line.cell_length <= room:
                break
        self.query_one(Static).update(line)
        self.query_one(Heatmap).cells = p.heatmap

    def text(self) -> str:
        """The line of figures as plain text."""
        return str(self.query_one(Static).render())
