"""The dashboard in a real terminal counts what was logged from the command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hearthside.domain.records import PracticeLog
from tests.e2e.apps import App

pytestmark = pytest.mark.e2e


def row(screen: str, name: str) -> str:
    """The screen's first line naming ``name`` ("" when none does)."""
    return next((line for line in screen.splitlines() if name in line), "")


def test_the_dashboard_shows_the_practices_logged(app: App, welcomed: Path) -> None:
    app.run("log", "hug")
    app.run("log", "compliment")
    app.run("log", "date", "--minutes", "90")
    app.run("moment", "+", "We laughed at the same joke")

    screen = app.open()
    screen.wait_for("with Sam")
    screen.press("4")  # the Dashboard
    shown = screen.wait_for("90 min this week")
    assert re.search(r"Affection · daily\s+1/\d days", row(shown, "Affection"))
    assert re.search(r"Kind words · daily\s+1/\d days", row(shown, "Kind words"))
    assert "✓ met" in row(shown, "Time together · weekly")
    assert "not yet" in row(shown, "Real conversation")
    assert "1 good to 0 hard" in shown

    # One more, logged from the room with the key shown beside the practice.
    key = row(shown, "Real conversation").split()[0]
    screen.press(key)
    screen.wait_for("Logged real conversation for today")
    shown = screen.wait_until(
        lambda s: "✓ met" in row(s, "Real conversation"), "the conversation to count"
    )
    assert "not yet" not in row(shown, "Real conversation")

    app.quit()
    with app.journal() as journal:
        logs = journal.all(PracticeLog)
    assert len(logs) == 4
    assert len({log.practice for log in logs}) == 4  # four practices, once each
