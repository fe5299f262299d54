"""A full disk while saving: a clear notice, the words stay, memory and disk agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from hearthside.domain.records import Entry
from hearthside.errors import StoreError
from hearthside.services.drafts import pending_drafts
from hearthside.store import atomic_storage as storage
from hearthside.store.encryption.keys import Keyring
from hearthside.store.store import Store
from hearthside.tui.app import make_app
from hearthside.tui.rooms.editor import EntryEditor
from tests.conftest import TODAY, disk_state, run, stored
from tests.tui.conftest import record_notices


async def test_disk_full_while_saving_an_entry(
    welcomed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(welcomed)
    store.add(Entry(date="2026-11-20", body="an older entry"))
    before = disk_state(welcomed)
    app = make_app(home=welcomed, today=TODAY)
    errors = record_notices(app, only="error")
    real_write = storage.write_atomically

    def full(path: Path, payload: bytes, keys: Keyring | None = None) -> storage.Signature:
        if path.name.startswith("hearthside"):
            raise StoreError(f"Couldn't write {path} (No space left on device). Nothing was lost.")
        return real_write(path, payload, keys)

    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        monkeypatch.setattr(storage, "write_atomically", full)
        await pilot.press(*"Words I can't lose")
        await pilot.press("ctrl+s")
        await app.wait_for_writes()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        assert app.screen.query_one("#body", TextArea).text == "Words I can't lose"
        assert any("No space left" in e for e in errors)
        assert [e.body for e in app.store.all(Entry)] == ["an older entry"]
        monkeypatch.undo()
    assert disk_state(welcomed) == before
    assert [d.body for d in pending_drafts(welcomed, Keyring())] == ["Words I can't lose"]


def test_a_full_disk_after_the_entry_is_saved_never_reports_it_lost(private_home: Path) -> None:

    Store(private_home).add(Entry(date="2026-11-20", body="an older entry"))
    real_stage = storage.stage

    def full_for_bookkeeping(path: Path, data: bytes) -> tuple[Path, storage.Signature]:
        # The entry's own file fits; the small note of what was written does not.
        if path.name == ".written":
            raise StoreError(f"Couldn't write {path} (No space left on device). Nothing was lost.")
        return real_stage(path, data)

    with pytest.MonkeyPatch.context() as disk:
        disk.setattr(storage, "stage", full_for_bookkeeping)
        added = run("add", "saved for sure")
    assert added.exit_code == 0, added.output
    assert added.output.startswith("Saved entry")
    bodies = sorted(e.body for e in stored(private_home, Entry))
    assert bodies == ["an older entry", "saved for sure"]
    # Nothing to retry, so nothing duplicated; and the next save goes through as usual.
    assert run("add", "the next one").exit_code == 0
    assert len(stored(private_home, Entry)) == 3
