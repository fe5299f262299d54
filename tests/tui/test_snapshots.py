"""How the rooms look, with fixed data and a fixed today, at the sizes people use."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note
from hearthside.services.pauses import add_pause
from hearthside.services.plans import add_commitment, add_milestone
from hearthside.services.practice_book import OwnDraft, add_own
from hearthside.services.practices import log_practice
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY
from tests.tui.conftest import SIZE, Make, SnapCompare, settle

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
def populated(welcomed: Path) -> Path:
    store = Store(welcomed)
    for day, title, body, tags, closeness in ENTRIES:
        add_entry(
            store, title=title, body=body, tags=tags, closeness=closeness, day=day, steps=[11]
        )
    store.close()
    return welcomed


def test_journal_list(snap_compare: SnapCompare, make: Make, populated: Path) -> None:
    app = make(room="journal")
    assert snap_compare(app, terminal_size=SIZE)


def test_editor(snap_compare: SnapCompare, make: Make, populated: Path) -> None:
    app = make(room="journal")
    assert snap_compare(app, terminal_size=SIZE, press=["down", "e"])


def test_guide(snap_compare: SnapCompare, make: Make, populated: Path) -> None:
    app = make(room="guide")
    assert snap_compare(app, terminal_size=SIZE, press=["down", "down"])


# -- every room, at a fresh terminal's size, a usual one and a wide one ----------------

SIZES = {"80x24": (80, 24), "100x32": (100, 32), "160x45": (160, 45)}
# The room to open, then the keys that reach the screen to show.
SCREENS = {
    "today": ("today", []),
    "journal": ("journal", ["down"]),
    "editor": ("journal", ["down", "e"]),
    "notes": ("notes", []),
    "composer": ("notes", ["c"]),
    "dashboard": ("dashboard", []),
    "guide": ("guide", ["down"]),
    "review": ("today", ["r"]),
    "checkin": ("today", ["w"]),
    "plans": ("plans", []),
    "promise": ("plans", ["e"]),
    "lovemap": ("today", ["ctrl+p", *"Love map", "enter"]),
    "evening": ("today", ["ctrl+p", *"36 questions", "enter", "enter"]),
    "practices": ("today", ["ctrl+p", *"Your practices", "enter"]),
    "weekly": ("today", ["ctrl+p", *"Weekly talk", "enter"]),
}


@pytest.fixture
def lived_in(populated: Path) -> Path:
    store, content = Store(populated), Content()
    add_note(store, content, kind="gratitude", text="Thank you for the soup.", today=TODAY)
    log_practice(store, content, "hug", today=TODAY)
    add_commitment(store, "Walk after dinner", due="tomorrow", every="weekly", today=TODAY)
    add_milestone(store, content, "Our anniversary", day="2015-12-03", kind="anniversary")
    add_pause(store, "2026-12-10", "2026-12-12", reason="Work trip", today=TODAY)
    store.close()
    return populated


def shown_after(keys: list[str]) -> Callable[[Pilot[None]], Awaitable[None]]:
    """What a snapshot waits for: the room settled, the keys pressed, its workers done."""

    async def ready(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return ready


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("shown", SCREENS)
def test_room(snap_compare: SnapCompare, make: Make, lived_in: Path, shown: str, size: str) -> None:
    room, keys = SCREENS[shown]
    app = make(room=room)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=shown_after(keys))


def test_dashboard_with_a_practice_of_ones_own_and_the_six_hours(
    snap_compare: SnapCompare, make: Make, lived_in: Path
) -> None:
    store, content = Store(lived_in), Content()
    settings = store.settings()
    settings.six_hours = True
    store.save_settings(settings)
    add_own(store, content, OwnDraft("Evening walk", "3 per week", minutes=True))
    log_practice(store, content, "evening walk", minutes=30, today=TODAY)
    log_practice(store, content, "goodbye", today=TODAY)
    store.close()
    app = make(room="dashboard")

    assert snap_compare(app, terminal_size=SIZES["160x45"], run_before=shown_after([]))


# -- without colour: NO_COLOR set, every state still shows ------------------------------


@pytest.mark.parametrize("shown", SCREENS)
def test_room_snapshot_without_colour(
    snap_compare: SnapCompare,
    make: Make,
    lived_in: Path,
    shown: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    room, keys = SCREENS[shown]
    app = make(room=room)
    assert app.no_color

    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=shown_after(keys))
