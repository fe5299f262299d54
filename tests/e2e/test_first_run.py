"""A first start in a real terminal: the welcome asks their name, then Today opens."""

from __future__ import annotations

import pytest

from tests.e2e.apps import App

pytestmark = pytest.mark.e2e


def test_first_run_asks_the_spouse_name_and_lands_on_today(app: App) -> None:
    screen = app.open()
    screen.wait_for("What is your spouse's name?")

    screen.type("Robin")
    screen.press("Enter")  # straight to "Begin": the week keeps starting on Monday
    screen.press("Enter")

    shown = screen.wait_for("with Robin")
    assert "Welcome to Hearthside" not in shown
    assert "Today's review" in shown  # the Today room
    assert "1 Today" in shown.splitlines()[-1]  # the footer names the rooms' keys

    app.quit()
    with app.journal() as journal:
        settings = journal.settings()
    assert (settings.spouse_name, settings.welcomed) == ("Robin", True)


def test_the_welcome_is_not_shown_twice(app: App) -> None:
    screen = app.open()
    screen.wait_for("What is your spouse's name?")
    screen.press("Escape")  # skip for now
    screen.wait_gone("What is your spouse's name?")
    app.quit()

    app.open()
    screen.wait_for("Today's review")
    assert "Welcome to Hearthside" not in screen.screen()
    app.quit()
