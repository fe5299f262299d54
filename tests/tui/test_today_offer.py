"""Today offers Good memories in one quiet line, only in a week that feels harder: a
check-in that runs high, or fewer everyday good moments for each hard one than the
everyday aim (twenty)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from hearthside.domain.records import Checkin, Moment
from hearthside.services.favourites import set_star
from hearthside.services.journal import add_entry
from hearthside.store.store import Store
from hearthside.tui.app import HearthsideApp
from hearthside.tui.rooms.good_memories import GoodMemoriesScreen
from hearthside.tui.rooms.today import GOOD_MEMORIES_OFFER
from tests.tui.conftest import SIZE, Make, opened, settle

CALM = {"thin-talk": 0, "feeling-distant": 1}  # averages well under "somewhat"
HIGH = {"thin-talk": 3, "feeling-distant": 2}  # "somewhat" or more, on average


def journal(home: Path, *, ratings: dict[str, int], good: int, hard: int, memory: bool) -> None:
    """This week (Monday 23 to Sunday 29 November): a check-in and some moments."""
    store = Store(home)
    try:
        store.add(Checkin(date="2026-11-24", ratings=ratings))
        for n in range(good):
            store.add(Moment(date="2026-11-24", positive=True, text=f"good {n}"))
        for n in range(hard):
            store.add(Moment(date="2026-11-24", positive=False, text=f"hard {n}"))
        if memory:
            set_star(store, add_entry(store, title="The lake", day="2026-06-02"), True)
    finally:
        store.close()


def offer(app: HearthsideApp) -> str | None:
    line = app.screen.query_one("#today-good-memories", Static)
    return str(line.render()) if line.display else None


@pytest.mark.parametrize(
    ("ratings", "good", "hard"),
    [(HIGH, 9, 0), (CALM, 4, 1), (CALM, 19, 1)],
    ids=["check-in runs high", "under five to one", "under twenty to one"],
)
async def test_a_harder_week_offers_good_memories(
    make: Make, welcomed: Path, ratings: dict[str, int], good: int, hard: int
) -> None:
    journal(welcomed, ratings=ratings, good=good, hard=hard, memory=True)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert offer(app) == GOOD_MEMORIES_OFFER
        screen = await opened(pilot, ["g"], GoodMemoriesScreen)
        assert screen.current is not None and screen.current.reasons == ("starred",)


@pytest.mark.parametrize(
    ("ratings", "good", "hard", "memory"),
    [(CALM, 20, 1, True), (CALM, 0, 0, True), (HIGH, 0, 2, False)],
    ids=["a calm week at twenty to one", "nothing noted", "no good memories yet"],
)
async def test_otherwise_today_says_nothing_of_them(
    make: Make, welcomed: Path, ratings: dict[str, int], good: int, hard: int, memory: bool
) -> None:
    journal(welcomed, ratings=ratings, good=good, hard=hard, memory=memory)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert offer(app) is None
