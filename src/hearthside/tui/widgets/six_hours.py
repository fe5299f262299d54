"""The Dashboard's "six hours" pane: each part's minutes against its weekly budget."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from hearthside.services.six_hours import SixHoursWeek
from hearthside.tui.widgets.gauge import meter

DIM = "$foreground 60%"
BAR = 10  # cells in each part's bar


def six_hours_lines(week: SixHoursWeek) -> Content:
    """A line for each part (the thin one picked out), then the week in a line."""
    thin = week.thin
    width = max(len(p.part.name) for p in week.parts) + 2
    lines = [
        Content.assemble(
            (p.part.name.ljust(width), "bold" if p is thin else ""),
            meter(p.share, BAR),
            (f" {p.label}", "$accent" if p is thin else DIM),
        )
        for p in week.parts
    ]
    lines.append(Content.styled(week.verdict, DIM))
    return Content("\n").join(lines)


class SixHoursPane(Vertical):
    """Shown only while the six hours are switched on in Settings."""

    DEFAULT_CSS = """
    SixHoursPane { height: auto; margin-top: 1; padding: 0 1; }
    SixHoursPane > Static { padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Content("Six hours"), classes="pane-title")
        yield Static("", id="dash-six-lines")

    def show(self, week: SixHoursWeek | None) -> None:
        self.display = week is not None
        if week is not None:
            self.query_one("#dash-six-lines", Static).update(six_hours_lines(week))
