"""What rooms and dialogs ask of the running app, typed without importing the app.

The app imports the rooms (lazily, as each is first opened), so the rooms know it only
through this protocol; ``HearthsideApp`` is the one that has it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from hearthside.errors import HearthsideError

if TYPE_CHECKING:
    from hearthside.domain.settings import Settings
    from hearthside.services.settings import Changes
    from hearthside.store.store import Store
    from hearthside.texts.entry_templates import EntryTemplate
    from hearthside.texts.library import Content

T = TypeVar("T")


class OpenWork(Protocol):
    """A screen holding words not saved yet (see ``KeepsWork``)."""

    def keep_draft_now(self) -> None: ...

    def keep_before_quit(self) -> str | None: ...


class NewEntries(Protocol):
    """The Journal room, as far as another room starts an entry there."""

    def action_new(
        self, steps: tuple[int, ...] = (), template: EntryTemplate | None = None
    ) -> None: ...


class Hearth(Protocol):
    settings: Settings
    open_work: set[OpenWork]
    home: Path

    @property
    def content(self) -> Content: ...

    @property
    def theme_labels(self) -> dict[str, str]: ...

    @property
    def store(self) -> Store: ...

    def today(self) -> date: ...

    def write(
        self,
        job: Callable[[], T],
        *,
        done: Callable[[T], None] | None = None,
        failed: Callable[[HearthsideError], bool | None] | None = None,
        changes_data: bool = True,
    ) -> None: ...

    def in_journal(self, then: Callable[[NewEntries], None]) -> None: ...

    def hold_keys(self) -> None: ...

    def change_settings(
        self,
        changes: Changes,
        *,
        done: Callable[[Settings], None] | None = None,
        failed: Callable[[HearthsideError], bool | None] | None = None,
    ) -> None: ...


class HearthMixin:
    """Typed access to the running Hearthside app."""

    app: Any

    @property
    def hearth(self) -> Hearth:
        return cast(Hearth, self.app)


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
