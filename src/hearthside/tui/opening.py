"""What shows the moment Hearthside starts, and how the first room takes its place.

The first room needs the journal read through and its own code loaded: on a decade
of entries, most of a second. So the frame (the title bar, a quiet line, the keys
that work everywhere) is painted first and the window is never blank; the journal
is read on the writer thread meanwhile, and the room replaces the frame as soon as
it is ready. Keys typed in between are held and handed to the room in order, so
someone who starts typing at once loses nothing. A key that opens a screen later (a
new entry) holds the keys behind it the same way, until that screen is shown.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header, Static

from hearthside.errors import HearthsideError
from hearthside.services import opening
from hearthside.tui.watching import WatchingApp
from hearthside.tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from textual.message import Message
    from textual.pilot import Pilot

    from hearthside.store.store import Store

QUIT_KEY = "ctrl+q"


class OpeningFrame(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Opening your journal…", id="opening-words")
        yield KeysFooter()


class OpeningApp(WatchingApp):
    def __init__(self) -> None:
        super().__init__()
        # Keys typed before the room (or a screen a key opened) is there, for it (None
        # once all are handed over).
        self._held_keys: list[events.Key] | None = []
        # The key last handed over: the app takes it from its queue before the refresh
        # that hands over the next, so only this one can be on its way in.
        self._released: events.Key | None = None

    def get_default_screen(self) -> Screen[Any]:
        return OpeningFrame()

    def _start(self) -> None:
        """Show the first room: the journal has been read through."""
        raise NotImplementedError

    def _use_store(self, store: Store) -> None:
        """Open the rooms on ``store``, unlocked at last."""
        raise NotImplementedError

    def open_after_paint(self) -> None:
        # Only once the frame is on the screen: reading the journal and building the
        # room take longer than a person should look at a blank window.
        self.call_after_refresh(self._open)

    def _open(self) -> None:
        if self._store is None:
            # Nothing of the journal is read, nor any room shown, before the passphrase.
            from hearthside.tui.dialogs.unlock import UnlockScreen

            self.push_screen(UnlockScreen(self._open_store), self._after_unlock)
            self.call_after_refresh(self.release_keys)
        else:
            self._read_then_start()

    def _open_store(self, passphrase: str) -> None:
        self._use_store(opening.unlock(self.home, passphrase))

    def _after_unlock(self, unlocked: bool | None) -> None:
        if unlocked:
            self.refresh_title()
            self._start()
        else:
            self.exit()

    def _read_then_start(self) -> None:
        # On the writer thread, as every read and write of the files: the frame stays
        # alive meanwhile (ctrl+q quits as soon as the read is done), and keys are held.
        self.write(
            lambda: opening.read_through(self.store),
            done=lambda _store: self._start(),
            failed=self._cannot_open,
            changes_data=False,
        )

    def _cannot_open(self, problem: HearthsideError) -> bool:
        # A damaged file: said as the command line says it, and no room is opened.
        self.exit(return_code=2, message=str(problem))
        return True

    def holds(self, event: events.Event) -> bool:
        """Keep a key typed before the room is there (all but quitting); True if kept."""
        if (
            not isinstance(event, events.Key)
            or self._held_keys is None
            or event is self._released
            # Passed back up by the room for the app's own keys (1 to 6, ?): it came
            # through here once already. A room slower than a refresh to pass it on had
            # it held again behind the key released after it, and the two swapped.
            or event.is_forwarded
            or event.key == QUIT_KEY
        ):
            return False
        self._held_keys.append(event)
        return True

    def release_keys(self) -> None:
        """The held keys, to the room, in order; each after the screen has caught up with
        the one before (a "/" moves the focus to the filter, and the letters after it
        belong there). Keys typed meanwhile queue behind them."""
        held = self._held_keys
        if not held:
            self._held_keys = None
            return
        kept = held.pop(0)
        self._released = events.Key(kept.key, kept.character)
        self.post_message(self._released)
        self.call_after_refresh(self.release_keys)

    def hold_keys(self) -> None:
        """Keys typed from now on wait for the screen just opened to be shown, then reach
        it in order, as at the start: a screen has no field to take them until then."""
        if self._held_keys is None:
            self._held_keys = []
            self.call_after_refresh(self.release_keys)
        # Otherwise they are being handed over already, one per refresh of the new screen.

    async def keys_handed_over(self) -> None:
        """Until no key is held: the first room (or the passphrase dialog) has taken the
        frame's place, and every key typed for it, or for a screen a key opened since,
        has reached it; or the app is closing."""
        while self._held_keys is not None and not self._exit and self.is_running:
            await asyncio.sleep(0.005)

    @asynccontextmanager
    async def run_test(
        self,
        *,
        headless: bool = True,
        size: tuple[int, int] | None = (80, 24),
        tooltips: bool = False,
        notifications: bool = False,
        message_hook: Callable[[Message], None] | None = None,
    ) -> AsyncGenerator[Pilot[None], None]:
        # A test starts where a person would: with the first room showing, not the frame.
        async with super().run_test(
            headless=headless,
            size=size,
            tooltips=tooltips,
            notifications=notifications,
            message_hook=message_hook,
        ) as pilot:
            await self.keys_handed_over()
            await pilot.pause()
            yield pilot
