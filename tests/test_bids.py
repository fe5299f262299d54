"""Bids for connection and the two ratios of good and hard moments, with fixed dates:
the pure rules, the records' checks, and `hearthside bid` / `moment --conflict`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearthside.domain import record_checks
from hearthside.domain.records import Bid, BidResponse, BidWhose, Moment
from hearthside.services.bids import TurnRate, bid_week, rate_lines, turning_rate, week_of_bids
from hearthside.services.good_memories import worth_offering
from hearthside.services.journal import add_entry
from hearthside.services.stats import week_so_far
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY, Clock, disk_state, run, stored

THEIRS, MINE = BidWhose.THEIRS, BidWhose.MINE
TOWARD, AWAY, AGAINST = BidResponse.TOWARD, BidResponse.AWAY, BidResponse.AGAINST


def bids(whose: BidWhose, *responses: BidResponse, on: str = "2026-11-24") -> list[Bid]:
    return [Bid(date=on, whose=whose, response=r) for r in responses]


# -- the turning-toward rate -----------------------------------------------------------------


def test_their_bids_and_yours_are_counted_apart() -> None:
    found = bids(THEIRS, TOWARD, TOWARD, AWAY, AGAINST) + bids(MINE, TOWARD, AWAY)
    assert turning_rate(found, THEIRS) == TurnRate(toward=2, away=1, against=1)
    assert turning_rate(found, MINE) == TurnRate(toward=1, away=1, against=0)
    assert turning_rate(found, THEIRS).percent == 50


def test_seven_of_nine_is_78_percent_and_none_is_no_rate() -> None:
    assert TurnRate(7, 1, 1).percent == 78
    assert TurnRate(0, 0, 0).percent is None


def test_bids_in_the_trash_are_not_counted() -> None:
    found = bids(THEIRS, TOWARD, AWAY)
    found[1].deleted_at = "2026-11-24T21:05:00+00:00"
    assert turning_rate(found, THEIRS) == TurnRate(1, 0, 0)


@pytest.mark.parametrize(
    ("week_start", "counted"),
    # Sunday 22 Nov belongs to the week of Wednesday 25 Nov only when weeks start on Sunday.
    [(0, 1), (6, 2)],
)
def test_the_week_follows_the_chosen_first_day(week_start: int, counted: int) -> None:
    found = bids(THEIRS, TOWARD, on="2026-11-22") + bids(THEIRS, AWAY, on="2026-11-25")
    found += bids(THEIRS, TOWARD, on="2026-11-30")  # the Monday after
    week = bid_week(found, TODAY, week_start=week_start)
    assert week.theirs.total == counted
    assert week.start == (date(2026, 11, 23) if week_start == 0 else date(2026, 11, 22))


def test_the_rate_in_words_is_a_reference_never_a_grade() -> None:
    found = bids(THEIRS, *[TOWARD] * 7, AWAY, AGAINST) + bids(MINE, TOWARD)
    lines = rate_lines(bid_week(found, TODAY, week_start=0))
    assert lines == [
        "You turned toward 7 of their 9 bids this week (78%)",
        "They turned toward 1 of your 1 bid (100%)",
    ]
    empty = rate_lines(bid_week([], TODAY, week_start=0), "that week")
    assert empty[0].startswith("No bids noted that week. A bid is any small reach")
    for words in (*lines, *empty):
        assert not any(grade in words.lower() for grade in ("fail", "poor", "bad", "should"))


bid_lists = st.lists(
    st.builds(
        lambda whose, response, day, gone: Bid(
            date=day.isoformat(),
            whose=whose,
            response=response,
            deleted_at="2026-11-24T21:05:00+00:00" if gone else None,
        ),
        st.sampled_from(BidWhose),
        st.sampled_from(BidResponse),
        st.dates(date(2026, 11, 1), date(2026, 12, 31)),
        st.booleans(),
    ),
    max_size=40,
)


@given(found=bid_lists, week_start=st.integers(0, 6))
def test_every_bid_of_the_week_is_counted_once_on_its_side(
    found: list[Bid], week_start: int
) -> None:
    week = bid_week(found, TODAY, week_start=week_start)
    first, last = week.start.isoformat(), week.end.isoformat()
    kept = [b for b in found if b.deleted_at is None and first <= b.date <= last]
    assert week.theirs.total + week.mine.total == len(kept)
    for rate, whose in ((week.theirs, THEIRS), (week.mine, MINE)):
        mine_or_theirs = [b for b in kept if b.whose is whose]
        assert rate.toward == sum(1 for b in mine_or_theirs if b.response is TOWARD)
        percent = rate.percent
        assert percent is None if not rate.total else percent is not None and 0 <= percent <= 100


# -- the two ratios ------------------------------------------------------------------------


def moments(on: str, good: int, hard: int, *, conflict: bool = False) -> list[Moment]:
    return [
        Moment(date=on, positive=positive, conflict=conflict)
        for positive, n in ((True, good), (False, hard))
        for _ in range(n)
    ]


def test_moments_in_a_disagreement_and_everyday_ones_each_meet_their_own_aim(
    store: Store, content: Content
) -> None:
    for m in moments("2026-11-24", 6, 1, conflict=True) + moments("2026-11-23", 19, 1):
        store.add(m)
    store.add(Moment(date="2026-11-22", positive=False, conflict=True))  # the week before
    week = week_so_far(store, content, TODAY, week_start=0)
    assert (week.ratio.positive, week.ratio.negative, week.ratio.aim) == (19, 1, 20)
    assert not week.ratio.met and week.ratio.name == "Everyday"
    from hearthside.services.stats import dashboard_view, load_index

    view = dashboard_view(load_index(store, content), content, TODAY, today=TODAY, week_start=0)
    assert view.ratio == week.ratio
    conflict = view.conflict_ratio
    assert (conflict.positive, conflict.negative, conflict.aim, conflict.met) == (6, 1, 5, True)
    # Sunday-first weeks take in the Sunday's hard moment, during a disagreement.
    sunday = dashboard_view(load_index(store, content), content, TODAY, today=TODAY, week_start=6)
    assert (sunday.conflict_ratio.negative, sunday.conflict_ratio.met) == (2, False)


def test_good_memories_are_offered_by_the_everyday_ratio(store: Store, content: Content) -> None:
    add_entry(store, title="close", day="2026-10-01", closeness=5)
    for m in moments("2026-11-24", 0, 3, conflict=True) + moments("2026-11-24", 19, 0):
        store.add(m)
    # A hard disagreement, in a week of warm ordinary days: nothing to offer.
    assert not worth_offering(store, content, today=TODAY, week_start=0)
    store.add(Moment(date="2026-11-25", positive=False))
    assert worth_offering(store, content, today=TODAY, week_start=0)


# -- the records' checks --------------------------------------------------------------------


def doc(cls: type[Moment] | type[Bid], **fields: object) -> dict[str, object]:
    return {"id": "a1b2c3d4", "created": "", "updated": "", "deleted_at": None, **fields}


def test_a_moment_from_before_the_conflict_mark_still_loads() -> None:
    old = doc(Moment, date="2026-11-24", positive=True, text="laughed", schema=2)
    assert record_checks.doc_problem(Moment, old) is None
    assert Moment.from_doc(old).conflict is False
    marked = doc(Moment, date="2026-11-24", positive=False, conflict=True)
    assert record_checks.doc_problem(Moment, marked) is None
    odd = doc(Moment, date="2026-11-24", positive=False, conflict="yes")
    assert record_checks.doc_problem(Moment, odd) == "its 'conflict' should be true or false"


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"response": "sideways"}, "its 'response' should be one of toward, away, against"),
        ({"whose": "ours"}, "its 'whose' should be one of theirs, mine"),
        ({"date": "2026-13-01"}, "its 'date' is not a date like 2026-11-24"),
        ({"text": 5}, "its 'text' should be text"),
    ],
)
def test_a_bid_holds_nothing_typing_could_not(fields: dict[str, object], problem: str) -> None:
    good = doc(Bid, date="2026-11-24", whose="mine", response="away", text="a hand on mine")
    assert record_checks.doc_problem(Bid, good) is None
    assert record_checks.doc_problem(Bid, {**good, **fields}) == problem


# -- the command line -----------------------------------------------------------------------


def test_bid_notes_theirs_by_default_and_mine_when_asked(private_home: Path, clock: Clock) -> None:
    said = run("bid", "toward", "asked about my day")
    assert said.exit_code == 0
    assert "Noted their bid on 2026-11-25, turned toward: asked about my day." in said.output
    run("bid", "away", "--mine", "--date", "2026-11-24")
    run("bid", "against", "--mine", "-d", "yesterday", "a sigh at my joke")
    found = sorted(stored(private_home, Bid), key=lambda b: b.created)
    assert [(b.date, b.whose, b.response, b.text) for b in found] == [
        ("2026-11-25", THEIRS, TOWARD, "asked about my day"),
        ("2026-11-24", MINE, AWAY, ""),
        ("2026-11-24", MINE, AGAINST, "a sigh at my joke"),
    ]
    shown = run("stats").output
    assert "You turned toward 1 of their 1 bid this week (100%)" in shown
    assert "They turned toward 0 of your 2 bids (0%)" in shown
    assert "about 86% of the time; those who parted, about 33%" in " ".join(shown.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bid", "towards"], "'towards' is not one of 'toward', 'away', 'against'"),
        (["bid"], "Missing argument"),
        (["bid", "away", "--date", "next friday"], "is in the future"),
        (["bid", "away", "--date", "the 40th"], "hearthside"),
        (["moment", "-", "--conflict", "--date", "2026-12-01"], "is in the future"),
        (["moment", "!", "--conflict"], "'!' is not one of '+', '-'"),
    ],
)
def test_bad_input_exits_2_says_why_and_writes_nothing(
    private_home: Path, clock: Clock, args: list[str], message: str
) -> None:
    run("add", "A first entry, so the journal exists.")
    before = disk_state(private_home)
    refused = run(*args)
    assert refused.exit_code == 2
    assert message in refused.output and "Traceback" not in refused.output
    assert disk_state(private_home) == before


def test_a_moment_during_a_disagreement(private_home: Path, clock: Clock) -> None:
    said = run("moment", "-", "--conflict", "raised my voice about money")
    assert said.exit_code == 0
    assert "Noted a hard moment during a disagreement on 2026-11-25." in said.output
    run("moment", "+", "--conflict", "they laughed and we softened")
    run("moment", "+", "an ordinary hello")
    found = sorted(stored(private_home, Moment), key=lambda m: m.created)
    assert [(m.positive, m.conflict) for m in found] == [(False, True), (True, True), (True, False)]
    shown = run("stats").output
    assert "Good to hard moments, everyday: 1 to 0 (1:0; aim 20:1) on track" in shown
    assert (
        "Good to hard moments, in a disagreement: 1 to 1 (1.0:1; aim 5:1) "
        "a few more kind moments would help"
    ) in shown
    assert "A sincere apology" in " ".join(shown.split())


def test_week_of_bids_reads_the_store(store: Store) -> None:
    for b in bids(THEIRS, TOWARD, AWAY) + bids(MINE, TOWARD, on="2026-11-16"):
        store.add(b)
    week = week_of_bids(store, TODAY, week_start=0)
    assert (week.theirs.total, week.mine.total) == (2, 0)
