"""Noting a bid for connection from the Dashboard: whose it was, how it was met, and a
few words if wanted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Select

from hearthside.domain.records import Bid, BidResponse, BidWhose
from hearthside.services.bids import add_bid
from hearthside.tui.dialogs.form import FormDialog

WHOSE = [
    (Content("Theirs: they reached out"), BidWhose.THEIRS.value),
    (Content("Mine: I reached out"), BidWhose.MINE.value),
]
MET = [
    (Content("Turned toward: engaged with it"), BidResponse.TOWARD.value),
    (Content("Turned away: missed or ignored it"), BidResponse.AWAY.value),
    (Content("Turned against: a sharp or dismissive reply"), BidResponse.AGAINST.value),
]


class BidDialog(FormDialog):
    """Dismisses with the saved Bid, or None when escaped (nothing is written then)."""

    title_words = "A bid for connection"
    note_words = "A remark, a question, a touch: any small reach toward the other."

    def __init__(self, day: date, when: str) -> None:
        """``day`` is the day it counts for; ``when`` says it ("today", "on Tuesday 3 ...")."""
        super().__init__(first="bid-whose")
        self.day = day
        self.title_words = f"A bid for connection {when}"

    def fields(self) -> list[tuple[str, Widget]]:
        def choose(choices: list[tuple[Content, str]], field_id: str) -> Select[str]:
            first = choices[0][1]
            return Select(choices, value=first, allow_blank=False, id=field_id, compact=True)

        return [
            ("Whose bid", choose(WHOSE, "bid-whose")),
            ("How it was met", choose(MET, "bid-met")),
            (
                "What (optional)",
                Input(placeholder="asked about my day…", id="bid-text", compact=True),
            ),
        ]

    def job(self) -> Callable[[], Bid]:
        h = self.hearth
        store, today, day = h.store, h.today(), self.day
        whose = BidWhose(str(self.query_one("#bid-whose", Select).value))
        met = BidResponse(str(self.query_one("#bid-met", Select).value))
        text = self.value("bid-text")
        return lambda: add_bid(store, met, whose=whose, text=text, day=day, today=today)
