"""A watch on the disk: another terminal, or a sync tool, changed the journal.

Every few seconds the writer thread asks the store whether its files changed; if so
the rooms reload, and what could not be read, or was changed on both sides, is told.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from hearthside.domain.settings import Settings
from hearthside.errors import HearthsideError
from hearthside.services import opening
from hearthside.tui.keeping import KeepingApp

if TYPE_CHECKING:
    from hearthside.store.store import Store

DISK_POLL_SECONDS = 2.0
SKIPPED_SHOWN = 3  # notices of records skipped at start; doctor lists every one


class WatchingApp(KeepingApp):
    _store: Store | None = None
    settings: Settings

    @property
    def store(self) -> Store:
        if self._store is None:
            raise HearthsideError("The journal is still locked: its passphrase comes first.")
        return self._store

    def refresh_title(self) -> None:
        """The header's words; the app fills them in."""

    def _poll_disk(self) -> None:
        def check() -> None:
            if self.store.refresh():
                # Here, off the UI thread: a record edited into something unusable shows now.
                self.store.read_everything()
                self._from_writer(self._changed_elsewhere)

        # A tick can come after the writer has closed (the app is ending): nothing to watch.
        with contextlib.suppress(RuntimeError):
            self._writer.submit(check)

    def _tell_conflicts(self) -> None:
        notice = opening.changed_elsewhere(self.store)
        if notice:
            self.notify(
                notice,
                title="Changed elsewhere",
                severity="warning",
                markup=False,
                timeout=20,
            )

    def _tell_bad_records(self) -> None:
        found = self.store.take_bad_records()
        for bad in found[:SKIPPED_SHOWN]:
            self.notify(bad.notice(), title="Skipped", severity="warning", markup=False, timeout=20)
        if len(found) > SKIPPED_SHOWN:
            self.notify(
                f"And {len(found) - SKIPPED_SHOWN} more records were skipped; "
                "`hearthside doctor` lists them all.",
                title="Skipped",
                severity="warning",
                markup=False,
                timeout=20,
            )

    def _changed_elsewhere(self) -> None:
        self._tell_conflicts()
        self._tell_bad_records()
        self.settings = self.store.settings()
        self.refresh_title()
        self.data_version += 1
