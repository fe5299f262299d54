"""The Dashboard's panes about the two of you: the two ratios of good and hard moments,
and the week's bids for connection. Each is filled from figures the services worked out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from hearthside.services.bids import BidWeek
from hearthside.services.stats import DashboardView
from hearthside.tui.presenters.between_you import bid_lines, ratio_lines, repair_lines


class MomentsPane(Vertical):
    """The everyday ratio and the ratio during disagreements, and a kind pointer when
    either falls short of its aim."""

    def compose(self) -> ComposeResult:
        yield Static(Content("Good and hard moments"), classes="pane-title")
        yield Static("", id="dash-ratio-line")
        yield Static("", id="dash-conflict-line")
        yield Static("", id="dash-repair")

    def show(self, view: DashboardView) -> None:
        this_week = view.is_current
        self.query_one("#dash-ratio-line", Static).update(
            ratio_lines(view.ratio, this_week=this_week)
        )
        self.query_one("#dash-conflict-line", Static).update(
            ratio_lines(view.conflict_ratio, this_week=this_week)
        )
        # During a disagreement first: the pointer is most about those.
        repair = view.conflict_ratio.repair or view.ratio.repair
        shown = self.query_one("#dash-repair", Static)
        shown.display = repair is not None
        if repair is not None:
            shown.update(repair_lines(repair))


class BidsPane(Vertical):
    """How you met their bids this week, how they met yours, and the study beside them."""

    def compose(self) -> ComposeResult:
        yield Static(Content("Bids for connection"), classes="pane-title")
        yield Static("", id="dash-bids-lines")

    def show(self, week: BidWeek, which_week: str) -> None:
        self.query_one("#dash-bids-lines", Static).update(bid_lines(week, which_week))
