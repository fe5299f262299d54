"""A wide window is used: rooms grow into the columns they are given."""

from __future__ import annotations

from pathlib import Path

from hearthside.services.stats import WEEKS_SHOWN
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
