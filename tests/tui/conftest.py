from __future__ import annotations

import asyncio
import unicodedata
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any, Protocol, TypedDict, TypeVar, Unpack

import pytest
from textual import events
from textual.app import App
from textual.geometry import Region
from textual.keys import _character_to_key, _get_unicode_name_from_key
from textual.notifications import SeverityLevel
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input, TextArea

from hearthside.tui.app import HearthsideApp, make_app
from hearthside.tui.rooms.composer import NoteComposer
from hearthside.tui.rooms.editor import EntryEditor
from hearthside.tui.rooms.review import ReviewScreen
from tests.conftest import Clock

S = TypeVar("S", bound=Screen[Any])

SIZE = (100, 32)
FRESH_TERMINAL = (80, 24)  # a new terminal window's size


class SnapCompare(Protocol):
    """pytest-textual-snapshot's ``snap_compare``: its own annotation leaves out the options."""

    def __call__(
        self,
        app: App[None],
        *,
        press: Iterable[str] = (),
        terminal_size: tuple[int, int] = (80, 24),
        run_before: Callable[[Pilot[None]], Awaitable[None]] | None = None,
    ) -> bool: ...


class AppOptions(TypedDict, total=False):
    """What a test chooses about the app it builds; make_app's defaults cover the rest."""

    room: str
    content_dir: Path


class Make(Protocol):
    """Builds the app on the test's journal, on the day the clock says when it is built."""

    def __call__(self, **options: Unpack[AppOptions]) -> HearthsideApp: ...


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The text cursor stays shown instead of blinking: on a busy machine a snapshot
    could otherwise be taken in either half of a blink."""
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda _self: None)
    monkeypatch.setattr(Input, "_toggle_cursor", lambda _self: None)


@pytest.fixture
def make(private_home: Path, clock: Clock) -> Make:
    def build(**options: Unpack[AppOptions]) -> HearthsideApp:
        return make_app(home=private_home, today=clock.today, **options)

    return build


async def settle(pilot: Pilot[None]) -> None:
    """Let queued writes finish and their results reach the screen."""
    app = pilot.app
    assert isinstance(app, HearthsideApp)
    await app.wait_for_writes()
    await pilot.pause()
    await pilot.pause()


def record_notices(app: HearthsideApp, only: SeverityLevel | None = None) -> list[str]:
    """Every notice the app shows from now on (those of severity ``only``, if given), as
    "title: message"; toasts fade too soon to be read off the screen."""
    seen: list[str] = []
    original = app.notify

    def notify(
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        if only in (None, severity):
            seen.append(f"{title}: {message}")
        original(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # Every room's notices go through the app's own notify, so that is where to listen;
    # mypy forbids assigning to a method, which is exactly what this means to do.
    app.notify = notify  # type: ignore[method-assign]
    return seen


def screen_text(app: App[None]) -> str:
    """Everything visible on the screen, as plain text."""
    from textual.widgets import Input, Markdown, OptionList, Static, TextArea

    from hearthside.tui.widgets.entry_list import EntryList

    parts: list[str] = []
    for widget in app.screen.walk_children():
        if not widget.display:
            continue
        if isinstance(widget, Static):
            parts.append(str(widget.render()))
        elif isinstance(widget, Input):
            parts.append(widget.value)
        elif isinstance(widget, TextArea):
            parts.append(widget.text)
        elif isinstance(widget, EntryList):
            parts.extend(widget.lines())
        elif isinstance(widget, OptionList):
            parts.extend(str(o.prompt) for o in widget.options)
        elif isinstance(widget, Markdown):
            parts.append(widget.source)
    return "\n".join(parts)


def buttons_on_screen(app: HearthsideApp) -> list[str]:
    """The buttons wholly inside the dialog's box, itself wholly on a fresh terminal."""
    box = app.screen.query_one(".dialog")
    assert Region(0, 0, *FRESH_TERMINAL).contains_region(box.region)
    inside = box.scrollable_content_region
    return [str(b.label) for b in app.screen.query(Button) if inside.contains_region(b.region)]


def _key_event(key: str) -> events.Key:
    """The event a terminal's driver makes for ``key`` (as Pilot does, minus its pauses)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def deliver(app: App[None], *keys: str) -> None:
    """``keys`` handed to the app as its terminal driver hands them over: all at once."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = _key_event(key)
        event.set_sender(app)
        driver.send_message(event)


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Keys as a terminal delivers a paste or fast typing: all at once, no pause between.

    ``pilot.press`` waits for the app to go idle after every key, which no terminal
    does; a burst is how text followed by Enter really arrives.
    """
    app = pilot.app
    deliver(app, *keys)
    if "ctrl+q" in keys:
        # The app is closing: wait for that, not for screens it may never finish.
        for _ in range(500):
            if app._exit:
                return
            await asyncio.sleep(0.01)
        return
    await pilot.pause()
    assert isinstance(app, HearthsideApp)
    await app.keys_handed_over()  # those held for a screen a key opened (see hold_keys)
    await settle(pilot)


async def counted(pilot: Pilot[None]) -> None:
    """Let writes land, the index be counted again in its thread, and the screen catch up."""
    await settle(pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def opened(pilot: Pilot[None], keys: Iterable[str], kind: type[S]) -> S:
    """Press ``keys``, let the screen they open settle, and return it (it must be a ``kind``)."""
    await pilot.press(*keys)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


async def open_review(pilot: Pilot[None]) -> ReviewScreen:
    """From the Today room: r opens the daily review."""
    return await opened(pilot, ["r"], ReviewScreen)


async def open_editor(pilot: Pilot[None]) -> EntryEditor:
    """From any room: the Journal, then n for a new entry."""
    return await opened(pilot, ["2", "n"], EntryEditor)


async def open_composer(pilot: Pilot[None]) -> NoteComposer:
    """From any room: Notes, then c to compose."""
    return await opened(pilot, ["3", "c"], NoteComposer)
