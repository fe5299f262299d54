"""Bids for connection: noting one and how it was met, and the week's turning-toward rate.

A bid is any reach for connection (a remark, a question, a touch). It can be met by
turning toward it, turning away or turning against it. In Gottman's newlywed study
the couples still together six years on had turned toward each other's bids about
86% of the time; those who later divorced, about 33%. The rate is shown beside those
figures as a reference, never a grade.

Their bids and yours are counted apart, each its own rate: how you met theirs is the
part you can change, so it comes first; how they met yours is shown under it. One
pure function (``turning_rate``) makes both, for the Dashboard and ``hearthside stats``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from hearthside.domain import dates, periods, validation
from hearthside.domain.records import Bid, BidResponse, BidWhose
from hearthside.domain.wording import plural
from hearthside.store.store import Store
from hearthside.store.where import between

# The newlywed study's figures: turned toward, of every bid, in percent.
STAYED_TOGETHER = 86
PARTED = 33


def add_bid(
    store: Store,
    response: BidResponse,
    *,
    whose: BidWhose = BidWhose.THEIRS,
    text: str = "",
    day: str | date | None = None,
    today: date | None = None,
) -> Bid:
    validation.check_size(text, "bid")
    when = validation.user_date(day, store.settings(), today=today)
    validation.past_or_today(when, "bid", today=today)
    return store.add(Bid(date=dates.iso(when), whose=whose, response=response, text=text.strip()))


def bid_words(bid: Bid, when: str = "") -> str:
    """The bid in a few words: "their bid, turned toward", "your bid{when}, turned away"."""
    whose = "your bid" if bid.whose is BidWhose.MINE else "their bid"
    return f"{whose}{when}, turned {bid.response.value}"


@dataclass(frozen=True, slots=True)
class TurnRate:
    """How the bids of one side were met over some days."""

    toward: int
    away: int
    against: int

    @property
    def total(self) -> int:
        return self.toward + self.away + self.against

    @property
    def percent(self) -> int | None:
        """Turned toward, in whole percent; None with no bids to count."""
        return round(100 * self.toward / self.total) if self.total else None


def turning_rate(bids: Iterable[Bid], whose: BidWhose) -> TurnRate:
    """How ``whose`` bids among ``bids`` were met (the trash left out)."""
    counts = dict.fromkeys(BidResponse, 0)
    for bid in bids:
        if bid.whose is whose and bid.deleted_at is None:
            counts[bid.response] += 1
    return TurnRate(
        counts[BidResponse.TOWARD], counts[BidResponse.AWAY], counts[BidResponse.AGAINST]
    )


@dataclass(frozen=True, slots=True)
class BidWeek:
    """The week holding a day: how their bids and yours were met."""

    start: date
    end: date
    theirs: TurnRate  # their bids, met by you
    mine: TurnRate  # your bids, met by them


def bid_week(bids: Iterable[Bid], day: date, *, week_start: int) -> BidWeek:
    """The rates of the week holding ``day``, from any bids (those of other weeks left out)."""
    start, end = periods.period_bounds(day, "week", week_start=week_start)
    first, last = start.isoformat(), end.isoformat()
    in_week = [b for b in bids if first <= b.date <= last]
    return BidWeek(
        start, end, turning_rate(in_week, BidWhose.THEIRS), turning_rate(in_week, BidWhose.MINE)
    )


def week_of_bids(store: Store, day: date, *, week_start: int) -> BidWeek:
    """``bid_week`` reading only that week's bids."""
    start, end = periods.period_bounds(day, "week", week_start=week_start)
    return bid_week(store.all(Bid, where=between(start, end)), day, week_start=week_start)


def rate_lines(week: BidWeek, which_week: str = "this week") -> list[str]:
    """The week's bids in words: how theirs were met, then how yours were; one kind line
    when there are none. The Dashboard and ``hearthside stats`` both show these."""
    theirs, mine = week.theirs, week.mine
    if not theirs.total and not mine.total:
        return [
            f"No bids noted {which_week}. A bid is any small reach for connection: "
            "a remark, a question, a touch."
        ]
    return [
        f"You turned toward {theirs.toward} of their {plural('bid', theirs.total)} "
        f"{which_week} ({theirs.percent}%)"
        if theirs.total
        else f"None of their bids noted {which_week}",
        f"They turned toward {mine.toward} of your {plural('bid', mine.total)} ({mine.percent}%)"
        if mine.total
        else "None of your bids noted",
    ]


def study_line() -> str:
    """The study's figures, said as a reference."""
    return (
        f"For reference: couples still together six years on turned toward each other "
        f"about {STAYED_TOGETHER}% of the time; those who parted, about {PARTED}%."
    )
