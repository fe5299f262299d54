"""What every room shares: typed access to the app, and reloading when data changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from hearthside.tui.app import HearthsideApp


class HearthMixin:
    """Typed access to the running Hearthside app."""

    app: Any

    @property
    def hearth(self) -> HearthsideApp:
        return cast("HearthsideApp", self.app)


class Room(HearthMixin, Screen[None]):
    """A mode's screen. ``reload`` runs whenever the journal changes, here or elsewhere."""

    def on_mount(self) -> None:
        # Textual calls every class's on_mount up the MRO, so subclasses that define
        # their own must not call this one again (that would load everything twice).
        self.watch(self.app, "data_version", self._data_changed, init=False)
        self.reload()

    def _data_changed(self, _version: int) -> None:
        self.reload()

    def reload(self) -> None:
        """Re-read what this room shows from the store."""


class Dialog(HearthMixin, ModalScreen[Any]):
    """A box over the room; its result goes to the callback given to push_screen."""
