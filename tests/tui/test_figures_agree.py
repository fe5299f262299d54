"""One day's and one week's figures, logged through every path, read the same everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from hearthside.cli.context import Context
from hearthside.cli.main import cli
from tests.conftest import TODAY
from tests.tui.conftest import SIZE, screen_text, settle
from tests.tui.test_dashboard import counted
from tests.tui.test_today import Make, open_review


def cli_run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


async def test_today_the_review_the_dashboard_and_stats_agree(
    make: Make, welcomed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Context, "today", lambda self: TODAY)
    on = ["--date", TODAY.isoformat()]
    # From the command line: time together and two good moments.
    cli_run("log", "date", "--minutes", "60", *on)
    cli_run("moment", "+", "a walk", *on)
    cli_run("moment", "+", *on)

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

    stats = cli_run("stats")
    assert "Time together: 165 min" in stats
    assert "Good to hard moments: 4 to 1" in stats
    assert "165 min this week" in dash
    assert "4 good to 1 hard" in dash
    for shown in (summary, today):
        assert "Time together (165 min)" in shown, shown
        assert re.search(r"4 good moments, 1 hard", shown), shown
