"""Opening: the frame shows first, the room takes its place, and nothing typed is lost."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea

from hearthside.domain.records import Entry
from hearthside.services import opening
from hearthside.store.store import Store
from hearthside.tui.app import HearthsideApp
from hearthside.tui.dialogs.welcome import WelcomeScreen
from hearthside.tui.opening import OpeningFrame
from hearthside.tui.rooms.editor import EntryEditor
from hearthside.tui.rooms.journal import JournalScreen
from tests.tui.conftest import SIZE, Make, deliver, screen_text


@pytest.fixture
def slow_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The journal takes as long to read as the test wants: until the event is set."""
    go_on = threading.Event()
    read_through = opening.read_through

    def waiting(store: Store) -> Store:
        go_on.wait(10)
        return read_through(store)

    monkeypatch.setattr(opening, "read_through", waiting)
    yield go_on
    go_on.set()


@pytest.fixture
def slow_list(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Lists take a screen refresh to handle each key, as on a loaded machine (Today's
    has the focus as it opens); the keys they were slow with."""
    handle_key = Widget.handle_key
    slowed: list[str] = []

    async def slowly(self: Widget, event: events.Key) -> bool:
        slowed.append(event.key)
        refreshed = asyncio.Event()
        self.app.call_after_refresh(refreshed.set)
        await refreshed.wait()
        return await handle_key(self, event)

    monkeypatch.setattr(OptionList, "handle_key", slowly)
    return slowed


def frame_run(app: HearthsideApp) -> AbstractAsyncContextManager[Pilot[None]]:
    """Textual's own run_test, which (unlike the app's) doesn't wait for the first room."""
    return App.run_test(app, size=SIZE)


async def let_it_open(pilot: Pilot[None], slow_read: threading.Event) -> None:
    """The journal is read at last: until the first room has taken the frame's place."""
    slow_read.set()
    assert isinstance(pilot.app, HearthsideApp)
    await pilot.app.keys_handed_over()
    await pilot.pause()


async def type_now(pilot: Pilot[None], *keys: str) -> None:
    """Keys as fast typing delivers them, without waiting on the journal being read."""
    deliver(pilot.app, *keys)
    await pilot.pause()


async def test_the_frame_shows_while_the_journal_is_read(
    make: Make, welcomed: Path, slow_read: threading.Event
) -> None:
    app = make(room="journal")
    async with frame_run(app) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OpeningFrame)
        assert "Opening your journal…" in screen_text(app)
        await let_it_open(pilot, slow_read)
        assert isinstance(app.screen, JournalScreen)


async def test_keys_typed_before_the_room_is_there_reach_it(
    make: Make, welcomed: Path, slow_read: threading.Event
) -> None:
    app = make(room="journal")
    async with frame_run(app) as pilot:
        await pilot.pause()
        # A filter, typed faster than the journal opens.
        await type_now(pilot, "slash", *"walk")
        assert isinstance(app.screen, OpeningFrame)
        await let_it_open(pilot, slow_read)
        assert isinstance(app.screen, JournalScreen)
        assert app.screen.query_one("#filter", Input).value == "walk"


async def test_keys_typed_at_once_open_rooms_in_order_when_the_first_room_is_slow(
    make: Make, welcomed: Path, slow_read: threading.Event, slow_list: list[str]
) -> None:
    app = make()
    async with frame_run(app) as pilot:
        await pilot.pause()
        # Today (where the app opens), then the Journal, typed before either is there.
        await type_now(pilot, "1", "2")
        await let_it_open(pilot, slow_read)
        await pilot.pause()
        assert "1" in slow_list  # Today's list was slow to pass it on
        assert isinstance(app.screen, JournalScreen)


async def test_a_key_for_a_new_entry_typed_at_once_opens_the_editor(
    make: Make, welcomed: Path, slow_read: threading.Event
) -> None:
    app = make(room="journal")
    async with frame_run(app) as pilot:
        await pilot.pause()
        await type_now(pilot, "n", *"We walked")
        await let_it_open(pilot, slow_read)
        assert isinstance(app.screen, EntryEditor)
        assert app.screen.query_one("#body", TextArea).text == "We walked"


async def test_a_name_typed_at_once_lands_in_the_welcome(
    make: Make, private_home: Path, slow_read: threading.Event
) -> None:
    app = make()
    async with frame_run(app) as pilot:
        await pilot.pause()
        await type_now(pilot, *"Alex")
        await let_it_open(pilot, slow_read)
        assert isinstance(app.screen, WelcomeScreen)
        assert "Alex" in screen_text(app)


async def test_ctrl_q_while_the_frame_shows_quits_without_opening_a_room(
    make: Make, welcomed: Path, slow_read: threading.Event
) -> None:
    app = make()
    async with frame_run(app) as pilot:
        await pilot.pause()
        await type_now(pilot, "ctrl+q", "2")
        slow_read.set()
        for _ in range(500):
            if app._exit:
                break
            await asyncio.sleep(0.01)
        assert app._exit
        assert app.current_mode == "_default"
    assert app.return_code == 0


async def test_a_file_damaged_since_the_last_look_is_said_and_nothing_opens(
    make: Make, welcomed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(welcomed)
    store.add(Entry(date="2026-11-02", body="A quiet walk"))
    store.close()
    [part] = list(welcomed.glob("hearthside-*-entries.json"))
    # Whole at both ends, so the quick look at start passes; the full read refuses it.
    part.write_text('{"entries": {"1": 5}}')
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current_mode == "_default"
    assert app.return_code == 2
    said = " ".join(capsys.readouterr().err.split())
    assert "can't be read" in said and "hearthside restore" in said
    assert "Traceback" not in said
