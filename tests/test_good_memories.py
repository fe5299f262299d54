"""The rules behind Good memories and Today's offer of them, each in one place."""

from __future__ import annotations

from hearthside.domain.records import Checkin, Moment
from hearthside.services.checkins import RUNS_HIGH_FROM, runs_high
from hearthside.services.favourites import set_star
from hearthside.services.good_memories import CLOSE_FROM, good_memories, worth_offering
from hearthside.services.journal import add_entry
from hearthside.services.stats import week_so_far
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY


def test_a_check_in_runs_high_from_somewhat_on_average() -> None:
    assert RUNS_HIGH_FROM == 2
    assert runs_high(2.0) and runs_high(3.5)
    assert not runs_high(1.8) and not runs_high(None)


def test_close_days_starred_ones_but_not_the_trash(store: Store) -> None:
    add_entry(store, title="steady", day="2026-11-01", closeness=CLOSE_FROM - 1)
    add_entry(store, title="close", day="2026-11-03", closeness=CLOSE_FROM)
    starred = set_star(store, add_entry(store, title="starred", day="2026-11-02"), True)
    gone = set_star(store, add_entry(store, title="gone", day="2026-11-04"), True)
    store.delete(gone)
    found = good_memories(store)
    assert found[0].record.id == starred.id
    assert [m.reasons for m in found] == [("starred",), ("felt close (4 of 5)",)]


def test_the_week_so_far_is_the_dashboards_week(store: Store, content: Content) -> None:
    store.add(Checkin(date="2026-11-22", ratings={"thin-talk": 4}))  # the Sunday before
    store.add(Checkin(date="2026-11-23", ratings={"thin-talk": 1, "little-time": 2}))
    store.add(Moment(date="2026-11-25", positive=True))
    store.add(Moment(date="2026-11-26", positive=False))
    week = week_so_far(store, content, TODAY, week_start=0)
    assert week.checkin == 1.5 and (week.ratio.positive, week.ratio.negative) == (1, 1)
    assert not week.ratio.met
    # Below the everyday aim, but nothing good kept yet: nothing to offer.
    assert not worth_offering(store, content, today=TODAY, week_start=0)
    add_entry(store, title="close", day="2026-10-01", closeness=5)
    assert worth_offering(store, content, today=TODAY, week_start=0)
