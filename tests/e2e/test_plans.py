"""A promise made in the app and kept from the command line, in a real terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.domain.records import Commitment
from tests.e2e.apps import App

pytestmark = pytest.mark.e2e


def test_a_promise_made_in_the_app_and_marked_done_from_the_cli_shows_done(
    app: App, welcomed: Path
) -> None:
    screen = app.open()
    screen.wait_for("Today's review")
    screen.press("n")
    screen.wait_for("A new promise")
    screen.type("Walk after dinner")
    screen.press("Tab")
    screen.type("today")
    screen.press("Enter")
    screen.wait_gone("A new promise")
    screen.wait_for("Walk after dinner  today")
    screen.press("6")
    screen.wait_for("Walk after dinner  due today")

    # Kept, and said so from another terminal while the app is open.
    [line] = [line for line in app.run("upcoming").splitlines() if "Walk after dinner" in line]
    said = app.run("done", line.split()[1])
    assert said.startswith("Marked Walk after dinner done")
    screen.wait_for("Walk after dinner  ✓ done")
    screen.press("1")
    screen.wait_for("Nothing due this week")

    app.quit()
    with app.journal() as journal:
        [promise] = journal.all(Commitment)
    assert (promise.title, promise.status) == ("Walk after dinner", "done")
