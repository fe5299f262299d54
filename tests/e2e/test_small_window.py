"""A fresh terminal is 80x24: every room fits it, and the way to all its keys is shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.apps import App

pytestmark = pytest.mark.e2e

ROOMS = [  # the key that opens it, and what shows it is open
    ("1", "Today"),
    ("2", "We walked by the river"),
    ("3", "Thank you for the tea"),
    ("4", "This week"),
    ("5", "Let your actions speak"),
    ("6", "Walk after dinner"),
]


def test_every_room_at_80x24_ends_its_footer_with_the_keys(app: App, welcomed: Path) -> None:
    app.run("add", "By the river, slowly.", "--title", "We walked by the river")
    app.run("note", "gratitude", "Thank you for the tea this morning, love.")
    app.run("commit", "Walk after dinner", "--due", "tomorrow")
    screen = app.open()
    screen.resize(80, 24)
    screen.wait_for("with Sam")
    for key, marker in [*ROOMS, ROOMS[0], ("r", "Step 1 of 6")]:
        screen.press(key)

        def ready(s: str, marker: str = marker) -> bool:
            return marker in s and s.rstrip().endswith("? Keys")

        shown = screen.wait_until(ready, f"{marker!r} on screen and '? Keys' closing the footer")
        assert all(len(line) <= 80 for line in shown.splitlines())
    screen.press("Escape")
    app.quit()


def test_looking_back_at_80x24_ends_its_footer_with_the_keys(app: App, welcomed: Path) -> None:
    app.run("checkin", "--rate", "thin-talk=2")
    screen = app.open()
    screen.resize(80, 24)
    screen.wait_for("with Sam")
    for title, marker in (
        ("Check-in history", "Talk stuck on logistics"),
        ("Past reviews", "No daily reviews yet"),
    ):
        screen.press("C-p")
        screen.type(title)
        screen.press("Enter")

        def ready(s: str, marker: str = marker) -> bool:
            return marker in s and s.rstrip().endswith("? Keys")

        shown = screen.wait_until(ready, f"{title} open and '? Keys' closing the footer")
        assert all(len(line) <= 80 for line in shown.splitlines())
        screen.press("Escape")
    app.quit()
