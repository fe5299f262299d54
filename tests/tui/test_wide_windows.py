"""A wide window is used: rooms grow into the columns they are given."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from hearthside.services.stats import WEEKS_SHOWN
from hearthside.tui.widgets.gauge import spark
from hearthside.tui.widgets.heatmap import DAYS_A_WEEK, Heatmap
from tests.tui.conftest import Make, counted, screen_text

WIDE = (160, 45)
NARROW = (80, 24)


async def test_the_dashboard_shows_more_weeks_in_a_wide_window(make: Make, welcomed: Path) -> None:
    app = make(room="dashboard")
    async with app.run_test(size=WIDE) as pilot:
        await counted(pilot)
        heatmap = app.screen.query(Heatmap).first()
        weeks = len(heatmap.shown()) // DAYS_A_WEEK
        assert weeks > WEEKS_SHOWN
        assert f"The last {weeks} weeks" in screen_text(app)
        # The row is used to its end: no more than one week's room left over.
        assert heatmap.size.width - len(heatmap.text()) < DAYS_A_WEEK + 1

        await pilot.resize_terminal(*NARROW)
        await counted(pilot)
        assert f"The last {WEEKS_SHOWN} weeks" in screen_text(app)


async def test_today_lays_out_in_three_columns_in_a_wide_window(make: Make, welcomed: Path) -> None:
    app = make(room="today")
    async with app.run_test(size=WIDE) as pilot:
        await counted(pilot)
        screen = app.screen
        review = screen.query_one("#today-review").region
        promises = screen.query_one("#today-commitments").region
        coming = screen.query_one("#today-milestones").region
        assert review.right <= promises.x and promises.right <= coming.x
        assert promises.y == coming.y or abs(promises.y - coming.y) <= 3

        await pilot.resize_terminal(*NARROW)
        await counted(pilot)
        promises = screen.query_one("#today-commitments").region
        coming = screen.query_one("#today-milestones").region
        assert promises.x == coming.x and promises.bottom <= coming.y


async def test_a_tall_window_draws_the_dashboard_trends_taller(make: Make, welcomed: Path) -> None:
    def spark_lines() -> int:
        return len(str(app.screen.query_one("#dash-time-spark", Static).content).splitlines())

    app = make(room="dashboard")
    async with app.run_test(size=WIDE) as pilot:
        await counted(pilot)
        assert spark_lines() == 3

        await pilot.resize_terminal(*NARROW)
        await counted(pilot)
        assert spark_lines() == 1


def test_a_taller_spark_stacks_its_bars_and_keeps_dots_for_missing_weeks() -> None:
    top, bottom = spark([0, 5, 10, None], low=0, high=10, repeat=1, rows=2)
    assert top.plain == " ▁█ "
    assert bottom.plain == "▁██·"
    (single,) = spark([0, 5, 10, None], low=0, high=10, repeat=1)
    assert single.plain == "▁▅█·"
