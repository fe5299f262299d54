"""Looking back from the command line: check-ins side by side, and a past day's review."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import disk_state, run
from tests.history_data import FRICTION_LINE, TALK_LINE, with_checkins, with_reviews

pytestmark = pytest.mark.usefixtures("clock")


def test_checkin_history_shows_eight_weeks_of_each_sign(private_home: Path) -> None:
    with_checkins(private_home)
    result = run("checkin", "--history")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("The last 8 weeks of check-ins, from Mon 5 Oct")
    talk = lines.index("Talk stuck on logistics")
    assert lines[talk + 1].strip() == TALK_LINE
    friction = lines.index("Small things turning into arguments")
    assert lines[friction + 1].strip() == FRICTION_LINE
    assert "Feeling far apart" in result.output and "too soon to tell" in result.output


def test_an_empty_checkin_history_says_so_kindly(private_home: Path) -> None:
    result = run("checkin", "--history")
    assert result.exit_code == 0
    assert "No check-ins in these eight weeks yet." in result.output


def test_a_past_days_review_and_the_days_around_it(private_home: Path) -> None:
    with_reviews(private_home)
    result = run("review", "--day", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Daily review of Tuesday 24 November 2026",
        "✓ Affection",
        "✓ Closeness 4 · close",
        "Earlier: Friday 20 November 2026 (--day 2026-11-20)",
    ]
    earlier = run("review", "--day", "2026-11-20").output
    assert "✓ Closeness 3 · steady" in earlier
    assert "Later: Tuesday 24 November 2026 (--day 2026-11-24)" in earlier


def test_no_reviews_yet_and_a_bad_day(private_home: Path) -> None:
    assert "No daily reviews yet." in run("review").output
    before = disk_state(private_home)
    bad = run("review", "--day", "the day after never")
    assert bad.exit_code == 2 and "hearthside:" in bad.output
    assert disk_state(private_home) == before
