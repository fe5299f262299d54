"""Settings in the app: opened from any room, every field changed by keyboard, applied at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hearthside.tui.app import HearthsideApp
from tests.tui.conftest import SIZE, screen_text, settle

Make = Callable[..., HearthsideApp]


async def test_the_welcome_name_shows_on_today_at_once(make: Make, private_home: Path) -> None:
    """The rooms reload after the settings are in place, not before, with the old ones."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Robin", "enter", "enter")
        await settle(pilot)
        assert "you and Robin" in screen_text(app)
