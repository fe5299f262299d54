"""A writer killed at any moment never leaves a journal that loses saved records."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hearthside.domain.records import Entry
from hearthside.store.store import Store

LOOP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from hearthside.domain.records import Entry
    from hearthside.store.store import Store
    store = Store(Path(sys.argv[1]))
    i = 0
    while True:
        saved = store.add(Entry(date="2026-11-24", body="entry %d " % i + "x" * 400))
        print(saved.id, flush=True)
        i += 1
    """
)


def kill_runs(home: Path, runs: int, seed: int) -> None:
    rng = random.Random(seed)
    reported: set[str] = set()
    for _ in range(runs):
        child = subprocess.Popen(
            [sys.executable, "-c", LOOP, str(home)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        # Waiting for the first report means the child is inside its save loop.
        reported.add(child.stdout.readline().strip())
        time.sleep(rng.uniform(0, 0.05))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        reported |= set(out.split())
        store = Store(home)
        on_disk = {e.id for e in store.all(Entry)}
        store.close()
        missing = reported - on_disk
        assert not missing, f"{len(missing)} saved entries lost after a kill"


def test_kill_during_saves_fifty_times(private_home: Path) -> None:
    kill_runs(private_home, 50, seed=2)


@pytest.mark.slow
def test_kill_during_saves_two_hundred_times(private_home: Path) -> None:
    kill_runs(private_home, 200, seed=8)
