"""One journal on two computers through two real Syncthing instances (README's set-up).

Both write while they can't reach each other; Syncthing, finding one file changed on
both sides, keeps one version and a conflict copy of the other. Hearthside merges the
copy on the side that opens the journal first, Syncthing passes the merged file on,
and then both computers hold every record and no conflict copy is left.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.domain.records import Entry, Note
from hearthside.domain.settings import Settings
from hearthside.paths import journal_files
from hearthside.store.store import Store
from hearthside.store.sync_copies import copies
from tests.conftest import run
from tests.e2e import syncthing
from tests.e2e.apps import need
from tests.e2e.syncthing import pair, set_paused, settle

pytestmark = pytest.mark.slow


def journal(folder: Path) -> dict[str, bytes]:
    """What Syncthing must make alike: the journal files and any conflict copies."""
    found = [p for p in journal_files(folder) if p.exists()] + copies(folder)
    return {p.name: p.read_bytes() for p in found}


def alike(desk: Path, laptop: Path) -> bool:
    return journal(desk) == journal(laptop) != {}


def bodies(folder: Path) -> list[str]:
    store = Store(folder)
    try:
        return sorted(e.body for e in store.all(Entry)) + [n.text for n in store.all(Note)]
    finally:
        store.close()


def test_two_computers_write_apart_and_both_end_with_every_record(tmp_path: Path) -> None:
    need("syncthing", syncthing.available(), "apt-get install syncthing")
    with pair(tmp_path) as (desk, laptop):
        # The journal starts on the desk; the README's set-up step runs on both.
        Store(desk.folder).save_settings(Settings(spouse_name="Sam", welcomed=True))
        Store(desk.folder).add(Entry(date="2026-11-20", body="written before the trip"))
        for one in (desk, laptop):
            result = run("--home", str(one.folder), "sync-setup")
            assert result.exit_code == 0, result.output
        settle(desk, laptop, lambda: alike(desk.folder, laptop.folder))
        assert bodies(laptop.folder) == ["written before the trip"]

        # Apart: each computer writes to the same year's entries, and the desk changes
        # the settings while the laptop starts a new file (so both change the main file).
        set_paused(desk, laptop, True)
        Store(desk.folder).add(Entry(date="2026-11-24", body="at the desk, lunch"))
        Store(desk.folder).save_settings(Settings(spouse_name="Samira", welcomed=True))
        laptop_store = Store(laptop.folder)
        laptop_store.add(Entry(date="2026-11-24", body="on the laptop, evening"))
        laptop_store.add(Note(kind="gratitude", text="for the soup", date="2026-11-24"))
        laptop_store.close()
        for one in (desk, laptop):
            syncthing.scan(one)
        set_paused(desk, laptop, False)
        settle(desk, laptop, lambda: alike(desk.folder, laptop.folder))
        assert copies(desk.folder), "Syncthing was expected to keep a conflict copy"

        # The desk opens the journal first: the copies are merged there and the copies
        # go; Syncthing passes that on; then the laptop opens it and finds nothing to do.
        first = run("--home", str(desk.folder), "list")
        assert first.exit_code == 0 and "from a copy your sync tool made" in first.stderr
        settle(desk, laptop, lambda: alike(desk.folder, laptop.folder) and not copies(desk.folder))
        second = run("--home", str(laptop.folder), "list")
        assert second.exit_code == 0 and second.stderr == ""
        settle(desk, laptop, lambda: alike(desk.folder, laptop.folder))

        every = [
            "at the desk, lunch",
            "on the laptop, evening",
            "written before the trip",
            "for the soup",
        ]
        for one in (desk, laptop):
            assert bodies(one.folder) == every
            assert copies(one.folder) == []
            store = Store(one.folder)
            assert store.settings().spouse_name == "Samira"
            store.close()
        # Each computer's own files stayed on it: Syncthing never listed them.
        shared = syncthing.shared_names(desk)
        assert "hearthside-2026-entries.json" in shared
        assert not shared & {".lock", ".written", ".checked", "backups", "conflicts", "drafts"}
