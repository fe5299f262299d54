"""What every room shares: typed access to the app, and reloading when data changes."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, cast

from textual.actions import SkipAction
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Button

from hearthside.domain.records import Record
from hearthside.errors import HearthsideError
from hearthside.tui.widgets.record_list import RecordList

if TYPE_CHECKING:
    from hearthside.tui.app import HearthsideApp


class HearthMixin:
    """Typed access to the running Hearthside app."""

    app: Any

    @property
    def hearth(self) -> HearthsideApp:
        return cast("HearthsideApp", self.app)


class KeepsWork(HearthMixin):
    """A screen that can hold words not yet saved: quitting or a signal keeps them.

    Textual calls this on_mount/on_unmount as well as the screen's own (it walks the
    class hierarchy), so a screen only mixes this in and answers the two questions.
    """

    def on_mount(self) -> None:
        self.hearth.open_work.add(self)

    def on_unmount(self) -> None:
        self.hearth.open_work.discard(self)

    def keep_before_quit(self) -> str | None:
        """Queue a save of what isn't saved yet (through ``hearth.write``); say what was
        kept in a line for the terminal, or None when there was nothing to keep."""
        raise NotImplementedError

    def keep_draft_now(self) -> None:
        """After a crash, with the writer maybe gone: keep what can be kept without it."""


class Room(HearthMixin, Screen[None]):
    """A mode's screen. ``reload`` runs whenever the journal changes, here or elsewhere."""

    def on_mount(self) -> None:
        # Textual calls every class's on_mount up the MRO, so subclasses that define
        # their own must not call this one again (that would load everything twice).
        self.watch(self.app, "data_version", self._data_changed, init=False)
        # A room opened in the same moment the app closes is mounted empty: nothing to fill.
        if self.children:
            self.reload()

    def _data_changed(self, _version: int) -> None:
        self.reload()

    def reload(self) -> None:
        """Re-read what this room shows from the store."""


class Dialog(HearthMixin, ModalScreen[Any]):
    """A box over the room; its result goes to the callback given to push_screen.

    Arrow keys move between its buttons, as in any dialog box (a field that uses the
    arrows itself, an Input or a list, keeps them: its own bindings come first).
    """

    BINDINGS = [
        Binding("left,up", "between_buttons(-1)", show=False),
        Binding("right,down", "between_buttons(1)", show=False),
    ]

    _dismissed = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Once only: two closing keys in one burst would pop the screen under it too."""
        if self._dismissed:
            return AwaitComplete(asyncio.sleep(0))
        self._dismissed = True
        return super().dismiss(result)

    def action_between_buttons(self, step: int) -> None:
        buttons = [b for b in self.query(Button) if b.display and not b.disabled]
        if self.focused not in buttons:
            raise SkipAction()
        at = buttons.index(self.focused)
        self.set_focus(buttons[(at + step) % len(buttons)])


class TrashAndUndo(Room):
    """x moves the highlighted record to the trash; u brings the last one back.

    The room shows its records in one RecordList; after a delete the row below takes
    the deleted one's place, so the cursor stays where the reader was.
    """

    _last_deleted: Record | None = None
    _focus_id: str | None = None  # the row to highlight when the room next reloads

    def current_record(self) -> Record | None:
        raise NotImplementedError

    def describe_deleted(self, record: Record) -> str:
        return f"Moved the {record.LABEL} to the trash. Press u to undo."

    def action_trash(self) -> None:
        record = self.current_record()
        if record is None:
            return
        store = self.hearth.store
        # Set before the write: the reload it causes comes before ``done``.
        self._focus_id = self.query_one(RecordList).neighbour(record.id)

        def done(deleted: Record) -> None:
            self._last_deleted = deleted
            self.notify(self.describe_deleted(deleted), title="Deleted", markup=False)

        def failed(_exc: HearthsideError) -> bool:
            self._focus_id = None
            return False

        self.hearth.write(lambda: store.delete(record), done=done, failed=failed)

    def action_undo(self) -> None:
        record, self._last_deleted = self._last_deleted, None
        if record is None:
            self.notify("There's nothing to undo.", markup=False)
            return
        store = self.hearth.store
        self.hearth.write(
            lambda: store.restore(record),
            done=lambda _r: self.notify("Restored from the trash.", markup=False),
        )
