"""How the main rooms look, with fixed data and a fixed today."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hearthside.domain.settings import Settings
from hearthside.services.journal import add_entry
from hearthside.store.store import Store
from hearthside.tui.app import make_app
from tests.conftest import TODAY
from tests.tui.conftest import SIZE

ENTRIES = [
    (
        "2026-11-24",
        "Tea after the kids slept",
        "We sat with tea and didn't look at our phones.",
        ["evening", "us"],
        4,
    ),
    (
        "2026-11-22",
        "Sunday walk",
        "# A good day\n\nWe walked to the **lake**.\n\n- the kids\n- the trip",
        ["walk"],
        5,
    ),
    (
        "2026-11-20",
        "",
        "Snapped about the dishes. Said sorry an hour later [bold]x[/].",
        ["hard-day"],
        2,
    ),
]


@pytest.fixture
def populated(private_home: Path) -> Path:
    store = Store(private_home)
    store.save_settings(Settings(spouse_name="Sam", welcomed=True))
    for day, title, body, tags, closeness in ENTRIES:
        add_entry(
            store, title=title, body=body, tags=tags, closeness=closeness, day=day, steps=[11]
        )
    store.close()
    return private_home


def test_journal_list(snap_compare: Any, populated: Path) -> None:
    app = make_app(home=populated, today=TODAY, room="journal")
    assert snap_compare(app, terminal_size=SIZE)


def test_editor(snap_compare: Any, populated: Path) -> None:
    app = make_app(home=populated, today=TODAY, room="journal")
    assert snap_compare(app, terminal_size=SIZE, press=["down", "e"])


def test_guide(snap_compare: Any, populated: Path) -> None:
    app = make_app(home=populated, today=TODAY, room="guide")
    assert snap_compare(app, terminal_size=SIZE, press=["down", "down"])
