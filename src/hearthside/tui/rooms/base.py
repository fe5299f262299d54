"""What every room shares: reloading when the journal changes; undo of the last change;
trash and stars in the rooms that list entries or notes."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from hearthside.domain.records import Entry, Note, Record
from hearthside.errors import HearthsideError
from hearthside.services.favourites import set_star
from hearthside.tui.dialogs.base import Dialog
from hearthside.tui.hearth import HearthMixin
from hearthside.tui.widgets.record_list import RecordList


class Room(HearthMixin, Screen[None]):
    """A mode's screen. ``reload`` runs whenever the journal changes, here or elsewhere."""

    _focus_id: str | None = None  # the row to highlight when the room next reloads

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

    def open_form(self, dialog: Dialog, said: str) -> None:
        """Open a small form; once it saves, show the room again with what it saved
        highlighted, and say ``said``."""

        def closed(saved: Record | None) -> None:
            if saved is not None:
                self._focus_id = saved.id
                self.reload()
                self.notify(said, markup=False)

        self.app.push_screen(dialog, closed)


class UndoLast(Room):
    """u takes back the last change made in this room: each change leaves what u says
    and the job that undoes it."""

    _undo: tuple[str, Callable[[], object]] | None = None

    def undo_with(self, said: str, job: Callable[[], object]) -> None:
        self._undo = (said, job)

    def delete_for_undo(
        self, record: Record, *, failed: Callable[[HearthsideError], bool] | None = None
    ) -> None:
        """Move ``record`` to the trash and say so; u brings it back."""
        store = self.hearth.store

        def done(gone: Record) -> None:
            self.undo_with("Brought it back from the trash.", lambda: store.restore(gone))
            self.notify(self.describe_deleted(gone), title="Deleted", markup=False)

        self.hearth.write(lambda: store.delete(record), done=done, failed=failed)

    def describe_deleted(self, record: Record) -> str:
        return f"Moved the {record.LABEL} to the trash. Press u to undo."

    def action_undo(self) -> None:
        last, self._undo = self._undo, None
        if last is None:
            self.notify("There's nothing to undo.", markup=False)
            return
        said, job = last
        self.hearth.write(job, done=lambda _r: self.notify(said, markup=False))


class TrashAndUndo(UndoLast):
    """x moves the highlighted record to the trash; u brings the last one back; * stars
    or unstars it.

    The room shows its records in one RecordList; after a delete the row below takes
    the deleted one's place, so the cursor stays where the reader was.
    """

    def current_record(self) -> Record | None:
        raise NotImplementedError

    def action_trash(self) -> None:
        record = self.current_record()
        if record is None:
            return
        # Set before the write: the reload it causes comes before the notice.
        self._focus_id = self.query_one(RecordList).neighbour(record.id)

        def failed(_exc: HearthsideError) -> bool:
            self._focus_id = None
            return False

        self.delete_for_undo(record, failed=failed)

    def action_star(self) -> None:
        record = self.current_record()
        if not isinstance(record, Entry | Note):
            return
        store, starred = self.hearth.store, not record.starred
        self._focus_id = record.id
        said = (
            "Starred: it will turn up in Good memories (ctrl+p)."
            if starred
            else "Took the star off."
        )
        self.hearth.write(
            lambda: set_star(store, record, starred),
            done=lambda _r: self.notify(said, markup=False),
        )
