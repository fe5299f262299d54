"""The Dashboard's keys for what happens between you: + and - note a good or hard
moment, ! marks the last one noted here as during a disagreement (or takes the mark
off), and b notes a bid for connection in a small form.

Each goes to the Dashboard's log day (today, or the last day of an earlier week in
view) and joins the records u can take back.
"""

from __future__ import annotations

from hearthside.domain.records import Bid, Moment
from hearthside.services.bids import bid_words
from hearthside.services.practices import add_moment, mark_conflict
from hearthside.tui.presenters.dashboard import day_phrase, moment_notice, on_day
from hearthside.tui.rooms.practice_logging import LogsPractices


class MomentKeys(LogsPractices):
    def action_moment(self, positive: bool) -> None:
        hearth = self.hearth
        store, today, day = hearth.store, hearth.today(), self.log_day()

        def noted(moment: Moment) -> None:
            self._made.append(moment)
            message = moment_notice(moment.positive, day_phrase(day, today))
            self.notify(message, title="Noted", markup=False)

        hearth.write(lambda: add_moment(store, positive, day=day, today=today), done=noted)

    def action_conflict(self) -> None:
        """Mark the last moment noted here as during a disagreement, or unmark it."""
        found = next((r for r in reversed(self._made) if isinstance(r, Moment)), None)
        if found is None:
            self.notify(
                "Note a moment with + or - first; ! then marks it as during a disagreement.",
                markup=False,
            )
            return
        store, moment, aim = self.hearth.store, found, self.hearth.content.ratio.aim

        def marked(changed: Moment) -> None:
            self._made[self._made.index(moment)] = changed
            kind = "good" if changed.positive else "hard"
            if changed.conflict:
                said = f"That {kind} moment counts as during a disagreement now (aim {aim}:1)."
            else:
                said = f"That {kind} moment counts as an everyday one again."
            self.notify(said, title="Marked", markup=False)

        self.hearth.write(lambda: mark_conflict(store, moment, not moment.conflict), done=marked)

    def action_bid(self) -> None:
        from hearthside.tui.dialogs.bid import BidDialog

        today, day = self.hearth.today(), self.log_day()

        def noted(bid: Bid | None) -> None:
            if bid is not None:
                self._made.append(bid)
                said = bid_words(bid, f" for {day_phrase(day, today)}")
                self.notify(f"Noted {said}. u takes it back.", title="Noted", markup=False)

        self.app.push_screen(BidDialog(day, on_day(day, today)), noted)
