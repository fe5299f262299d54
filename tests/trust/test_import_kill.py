"""An import killed at any moment leaves the journal as it was, or holding the whole file:
never a part of it."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from hearthside.domain.records import Entry, Note, PracticeLog
from hearthside.store.store import Store
from tests.trust.kill_points import KILLED, run_until_step

YEARS = (2022, 2023, 2024, 2025, 2026)


def export_file(path: Path, entries: int) -> int:
    """A Hearthside export holding ``entries`` entries, notes and logs over five years."""
    records: dict[str, list[dict[str, object]]] = {"entries": [], "notes": [], "practice_logs": []}
    for i in range(entries):
        year = YEARS[i % len(YEARS)]
        stamp = f"{year}-03-04T09:00:00+00:00"
        day = f"{year}-03-04"
        entry = Entry(date=day, body=f"imported entry {i} " + "words " * 20, created=stamp)
        entry.updated = stamp
        records["entries"].append(entry.to_doc())
        if i % 10 == 0:
            note = Note(kind="gratitude", text=f"thanks {i}", date=day, created=stamp)
            note.updated = stamp
            records["notes"].append(note.to_doc())
            log = PracticeLog(practice="affection", date=day, created=stamp)
            log.updated = stamp
            records["practice_logs"].append(log.to_doc())
    doc = {"format": "hearthside", "version": 1, "schema": 1, "records": records}
    path.write_bytes(orjson.dumps(doc))
    return sum(len(found) for found in records.values())


def count(home: Path) -> int:
    store = Store(home)
    try:
        return sum(len(store.all(cls, include_deleted=True)) for cls in (Entry, Note, PracticeLog))
    finally:
        store.close()


def import_command(home: Path, source: Path) -> list[str]:
    return [sys.executable, "-m", "hearthside", "--home", str(home), "import", str(source)]


def kill_imports(tmp_path: Path, home: Path, entries: int, kills: int, seed: int) -> list[int]:
    """Kill an import at random moments; after each, the journal holds none or all of it."""
    source = tmp_path / "export.json"
    total = export_file(source, entries)
    store = Store(home)
    store.add(Entry(date="2026-11-20", body="mine, from before"))
    store.close()
    before = count(home)
    pristine = tmp_path / "pristine"
    shutil.copytree(home, pristine)
    started = time.monotonic()
    subprocess.run(import_command(home, source), check=True, capture_output=True)
    whole = time.monotonic() - started
    assert count(home) == before + total
    rng = random.Random(seed)
    seen = []
    for _ in range(kills):
        shutil.rmtree(home)
        shutil.copytree(pristine, home)
        child = subprocess.Popen(import_command(home, source), stdout=subprocess.DEVNULL)
        # Mostly late, where the files are written; now and then after the end.
        time.sleep(rng.uniform(0.5, 1.05) * whole)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        found = count(home) - before  # opening the journal finishes or undoes the import
        assert found in (0, total), f"{found} of {total} records after a kill"
        seen.append(found)
    return seen


def test_an_import_killed_at_any_step_leaves_none_or_all_of_it(
    tmp_path: Path, private_home: Path
) -> None:
    source = tmp_path / "export.json"
    total = export_file(source, 4000)
    store = Store(private_home)
    store.add(Entry(date="2026-11-20", body="mine, from before"))
    store.close()
    before = count(private_home)
    pristine = tmp_path / "pristine"
    shutil.copytree(private_home, pristine)
    seen = set()
    for stop in (2, 5, 9, 14, 19, 23):
        shutil.rmtree(private_home)
        shutil.copytree(pristine, private_home)
        child = run_until_step(stop, private_home, "import", str(source))
        assert child.returncode in (0, KILLED), child.stderr
        found = count(private_home) - before
        assert found in (0, total), f"{found} of {total} records after a kill at step {stop}"
        seen.add(found)
    assert seen == {0, total}


@pytest.mark.slow
def test_a_twenty_thousand_entry_import_killed_again_and_again(
    tmp_path: Path, private_home: Path
) -> None:
    seen = kill_imports(tmp_path, private_home, entries=20_000, kills=25, seed=11)
    print(f"after {len(seen)} kills: {seen.count(0)} left untouched, the rest complete")
    assert 0 in seen
