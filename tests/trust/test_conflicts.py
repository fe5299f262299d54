"""A file changed behind Hearthside's back: a copy is kept before writing, and the user told."""

from __future__ import annotations

import itertools
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest

from hearthside.domain import dates
from hearthside.domain.records import Entry
from hearthside.paths import journal_files
from hearthside.store.conflicts import Merged
from hearthside.store.store import Store
from tests.conftest import stored


def year_file(home: Path) -> Path:
    return journal_files(home)[-1]


def test_another_hearthside_writing_is_not_a_conflict(private_home: Path) -> None:
    app, cli_store = Store(private_home), Store(private_home)
    app.add(Entry(date="2026-11-24", body="from the app"))
    cli_store.add(Entry(date="2026-11-24", body="from the cli"))
    app.add(Entry(date="2026-11-24", body="app again"))
    assert app.take_conflicts() == [] and not (private_home / "conflicts").exists()


def test_a_sync_tool_restoring_an_old_copy_is_merged_and_both_kept(private_home: Path) -> None:
    store = Store(private_home)
    store.add(Entry(date="2026-11-23", body="first"))
    old_copy = year_file(private_home).read_bytes()
    mine = store.add(Entry(date="2026-11-24", body="written after the sync tool copied"))
    # The sync tool puts its older copy back.
    year_file(private_home).write_bytes(old_copy)
    store.add(Entry(date="2026-11-25", body="next"))
    [merged] = store.take_conflicts()
    assert isinstance(merged, Merged) and merged.copy is None
    ours = orjson.loads(next(merged.kept.glob("ours-*")).read_bytes())
    assert any(doc["id"] == mine.id for doc in ours["entries"].values())
    assert next(merged.kept.glob("theirs-*")).read_bytes() == old_copy
    # Nothing either side saved is lost: the record the old copy lacked is still there.
    assert sorted(e.body for e in stored(private_home, Entry)) == [
        "first",
        "next",
        "written after the sync tool copied",
    ]


@pytest.fixture
def ticking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each save a second after the last: stamps are to the second, and two versions of
    one record stamped the same second are a tie the merge settles one fixed way."""
    seconds = itertools.count()
    start = datetime(2026, 11, 24, 12, tzinfo=UTC)
    monkeypatch.setattr(
        dates, "now_iso", lambda: (start + timedelta(seconds=next(seconds))).isoformat()
    )


@pytest.mark.usefixtures("ticking")
def test_another_computer_saving_over_an_open_journal_is_merged(private_home: Path) -> None:
    """Two computers, one folder: the sync tool brings the laptop's save while the desktop
    has the journal open. Each side's new records, edits and trash marks all survive."""
    desktop = Store(private_home)
    shared = desktop.add(Entry(date="2026-11-20", body="before they parted"))
    doomed = desktop.add(Entry(date="2026-11-20", body="to be trashed on the laptop"))
    desktop.close()
    laptop_home = private_home.parent / "laptop"
    shutil.copytree(private_home, laptop_home)
    desktop = Store(private_home)
    laptop = Store(laptop_home)
    on_desktop = desktop.add(Entry(date="2026-11-24", body="written at lunch"))
    desktop.update(Entry, shared.id, lambda e: setattr(e, "body", "edited at lunch"))
    on_laptop = laptop.add(Entry(date="2026-11-24", body="written in the evening"))
    laptop.delete(doomed)
    laptop.close()
    # The sync tool writes the laptop's file over the desktop's, as another program.
    year_file(laptop_home).replace(year_file(private_home))
    assert desktop.refresh()
    [merged] = desktop.take_conflicts()
    assert isinstance(merged, Merged) and merged.taken == 2
    bodies = {e.id: e.body for e in stored(private_home, Entry)}
    assert bodies == {
        shared.id: "edited at lunch",
        on_desktop.id: "written at lunch",
        on_laptop.id: "written in the evening",
    }
    desktop.add(Entry(date="2026-11-25", body="and the next day"))
    assert len(stored(private_home, Entry)) == 4 and desktop.take_conflicts() == []


def test_another_computers_save_holding_all_of_ours_is_read_in_quietly(
    private_home: Path,
) -> None:
    desktop = Store(private_home)
    desktop.add(Entry(date="2026-11-20", body="one"))
    desktop.close()
    laptop_home = private_home.parent / "laptop"
    shutil.copytree(private_home, laptop_home)
    desktop = Store(private_home)
    assert len(desktop.all(Entry)) == 1
    Store(laptop_home).add(Entry(date="2026-11-24", body="two"))
    year_file(laptop_home).replace(year_file(private_home))
    assert desktop.refresh()
    assert desktop.take_conflicts() == [] and not (private_home / "conflicts").exists()
    assert len(desktop.all(Entry)) == 2


async def test_the_app_tells_the_user(welcomed: Path) -> None:
    from hearthside.tui.app import make_app
    from tests.conftest import TODAY
    from tests.tui.conftest import record_notices

    store = Store(welcomed)
    store.add(Entry(date="2026-11-24", body="one"))
    app = make_app(home=welcomed, today=TODAY)
    notices = record_notices(app)
    async with app.run_test() as pilot:
        path = year_file(welcomed)
        data = orjson.loads(path.read_bytes())
        # Another computer's version: the record edited, and one more the app never had.
        data["entries"]["1"]["body"] = "edited by hand"
        data["entries"]["1"]["updated"] = "2099-01-01T00:00:00+00:00"
        path.write_bytes(orjson.dumps(data))
        copy = path.with_name(path.stem + ".sync-conflict-20261124-101500-ABCDEF1.json")
        extra = Entry(date="2026-11-24", body="written on the laptop", created="2026-11-24T10:00")
        copy.write_bytes(orjson.dumps({"entries": {"1": extra.to_doc()}}))
        await pilot.pause(2.5)  # the app looks at the disk every two seconds
        await app.wait_for_writes()
        await pilot.pause()
    assert any("Merged 1 record from a copy your sync tool made" in n for n in notices)
    assert all("edited by hand" not in n and "laptop" not in n for n in notices)
    assert sorted(e.body for e in stored(welcomed, Entry)) == [
        "edited by hand",
        "written on the laptop",
    ]
    assert not copy.exists() and list((welcomed / "conflicts").iterdir())


async def test_the_app_tells_of_a_copy_merged_as_it_opened(welcomed: Path) -> None:
    from hearthside.tui.app import make_app
    from tests.conftest import TODAY
    from tests.tui.conftest import record_notices

    Store(welcomed).add(Entry(date="2026-11-24", body="one"))
    path = year_file(welcomed)
    copy = path.with_name(path.stem + " (Ana's conflicted copy 2026-11-24).json")
    extra = Entry(date="2026-11-24", body="written on the laptop", created="2026-11-24T10:00")
    copy.write_bytes(orjson.dumps({"entries": {"1": extra.to_doc()}}))
    app = make_app(home=welcomed, today=TODAY)
    notices = record_notices(app)
    async with app.run_test() as pilot:
        await pilot.pause()
    assert any("Merged 1 record from a copy your sync tool made" in n for n in notices)
    assert sorted(e.body for e in stored(welcomed, Entry)) == ["one", "written on the laptop"]
