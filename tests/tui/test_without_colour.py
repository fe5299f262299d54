"""NO_COLOR set: the app keeps no colour, and the cursor still shows where it is: underlined."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.widget import Widget
from textual.widgets import OptionList

from hearthside.services.journal import add_entry
from hearthside.store.store import Store
from hearthside.tui.widgets.virtual_list import VirtualList
from tests.conftest import TODAY
from tests.tui.conftest import FRESH_TERMINAL, Make, settle


def styles_on_line(widget: Widget, y: int) -> list[Style]:
    return [segment.style for segment in widget.render_line(y) if segment.style is not None]


@pytest.fixture
def two_entries(welcomed: Path) -> Path:
    store = Store(welcomed)
    for title in ("Tea on the step", "The long walk"):
        add_entry(store, title=title, body="We talked.", day=TODAY.isoformat())
    store.close()
    return welcomed


async def test_the_chosen_entry_is_drawn_underlined_without_colour(
    make: Make, two_entries: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make(room="journal")
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await settle(pilot)
        entries = app.screen.query_one(VirtualList)
        entries.focus()
        await pilot.press("down")
        await settle(pilot)
        chosen = entries.highlighted
        assert chosen is not None
        assert all(style.underline for style in styles_on_line(entries, chosen))
        other = 1 - chosen
        assert not any(style.underline for style in styles_on_line(entries, other))


async def test_the_chosen_promise_is_drawn_underlined_without_colour(
    make: Make, welcomed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hearthside.services.plans import add_commitment

    store = Store(welcomed)
    add_commitment(store, "Walk after dinner", due="today", today=TODAY)
    store.close()
    monkeypatch.setenv("NO_COLOR", "1")
    app = make(room="today")
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await settle(pilot)
        promises = app.screen.query_one("#today-commitments-list", OptionList)
        promises.focus()
        promises.highlighted = 0
        await settle(pilot)
        assert any(style.underline for style in styles_on_line(promises, 0))
