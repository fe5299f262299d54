"""The rooms know the app only through the Hearth protocol; the app must keep it."""

from __future__ import annotations

from pathlib import Path

from hearthside.tui.hearth import Hearth
from tests.conftest import TODAY
from tests.tui.conftest import Make


async def test_the_app_is_what_the_rooms_ask_for(make: Make, welcomed: Path) -> None:
    hearth: Hearth = make()  # mypy checks the app against the protocol here
    assert hearth.open_work == set() and hearth.today() == TODAY
