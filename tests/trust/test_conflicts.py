"""A file changed behind Hearthside's back: a copy is kept before writing, and the user told."""

from __future__ import annotations

from pathlib import Path

import orjson

from hearthside.domain.records import Entry
from hearthside.paths import journal_files
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


def test_a_sync_tool_restoring_an_old_copy_keeps_ours_before_writing(private_home: Path) -> None:
    store = Store(private_home)
    store.add(Entry(date="2026-11-23", body="first"))
    old_copy = year_file(private_home).read_bytes()
    mine = store.add(Entry(date="2026-11-24", body="written after the sync tool copied"))
    # The sync tool puts its older copy back.
    year_file(private_home).write_bytes(old_copy)
    store.add(Entry(date="2026-11-25", body="next"))
    [folder] = store.take_conflicts()
    ours = orjson.loads(next(folder.glob("ours-*")).read_bytes())
    assert any(doc["id"] == mine.id for doc in ours["entries"].values())
    assert next(folder.glob("theirs-*")).read_bytes() == old_copy


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
        data["entries"]["1"]["body"] = "edited by hand"
        path.write_bytes(orjson.dumps(data))
        await pilot.pause(2.5)  # the app looks at the disk every two seconds
        await app.wait_for_writes()
        await pilot.pause()
    assert any("changed by another program" in n for n in notices)
    assert [e.body for e in stored(welcomed, Entry)] == ["edited by hand"]
    assert list((welcomed / "conflicts").iterdir())
