"""One day's and one week's figures, logged through every path, read the same everywhere."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import Clock, run
from tests.tui.conftest import SIZE, Make, counted, open_review, screen_text, settle


async def test_today_the_review_the_dashboard_and_stats_agree(
    make: Make, welcomed: Path, clock: Clock
) -> None:
    # The app, the commands and their dates all on the clock's one day.
    on = ["--date", clock.today.isoformat()]
    # From the command line: time together and two good moments.
    assert run("log", "date", "--minutes", "60", *on).exit_code == 0
    assert run("moment", "+", "a walk", *on).exit_code == 0
    assert run("moment", "+", *on).exit_code == 0

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        # From the dashboard's keys: more time together, a good and a hard moment.
        await pilot.press("4")
        await counted(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"60", "enter")
        await pilot.press("+", "-")
        await counted(pilot)
        dash = screen_text(app)
        # From the review: 45 more minutes and one more good moment.
        await pilot.press("1")
        await settle(pilot)
        await open_review(pilot)
        await pilot.press("4", "5", "enter", "up", "enter", "l", "enter", "enter")
        await settle(pilot)
        summary = screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        today = screen_text(app)
        await pilot.press("4")
        await counted(pilot)
        dash = screen_text(app)

    result = run("stats")
    assert result.exit_code == 0, result.output
    stats = result.output
    assert "Time together: 165 min" in stats
    assert "Good to hard moments, everyday: 4 to 1" in stats
    assert "165 min this week" in dash
    assert "4 good to 1 hard" in dash
    for shown in (summary, today):
        assert "Time together (165 min)" in shown, shown
        assert re.search(r"4 good moments, 1 hard", shown), shown
