"""Two open apps and the command line writing at once: every record of each survives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from hearthside.domain.records import Commitment, Entry
from hearthside.domain.settings import Settings
from hearthside.paths import lock_path
from hearthside.services.plans import add_commitment
from hearthside.store.locking import FileLock
from hearthside.store.store import Store
from tests.conftest import stored

APP = textwrap.dedent(
    """
    import sys
    from hearthside.services.journal import add_entry
    from hearthside.tui.app import make_app

    home, tag, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    app = make_app(home=home)
    count = 0

    def one() -> None:
        global count
        count += 1
        n = count
        app.write(
            lambda: add_entry(app.store, body=f"{tag} {n}"),
            done=lambda e: print(e.id, flush=True),
        )

    def start() -> None:
        app.set_interval(0.05, one)
        app.set_timer(seconds, lambda: app.call_later(app.action_quit))

    app.call_later(start)
    app.run(headless=True, size=(100, 32))
    """
)

CLI_LOOP = textwrap.dedent(
    """
    import subprocess, sys, time
    home, seconds = sys.argv[1], float(sys.argv[2])
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        i += 1
        out = subprocess.run(
            [sys.executable, "-m", "hearthside", "--home", home, "add", f"cli {i}"],
            capture_output=True, text=True, check=True,
        ).stdout
        print(out.split()[2], flush=True)  # "Saved entry <short id> for …"
    """
)


def soak(home: Path, seconds: float) -> None:
    store = Store(home)
    store.save_settings(Settings(spouse_name="Sam", welcomed=True))
    store.close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", APP, str(home), tag, str(seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for tag in ("left", "right")
    ]
    cli = subprocess.Popen(
        [sys.executable, "-c", CLI_LOOP, str(home), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    app_ids: set[str] = set()
    for proc in procs:
        out, _ = proc.communicate(timeout=seconds + 120)
        assert proc.returncode == 0
        app_ids |= set(out.split())
    cli_out, _ = cli.communicate(timeout=seconds + 120)
    assert cli.returncode == 0
    cli_short_ids = set(cli_out.split())
    saved = {e.id for e in stored(home, Entry)}
    assert app_ids and cli_short_ids
    assert app_ids <= saved, f"{len(app_ids - saved)} app entries lost"
    assert cli_short_ids <= {i[:8] for i in saved}
    bodies = [e.body for e in stored(home, Entry)]
    assert any(b.startswith("left") for b in bodies) and any(b.startswith("right") for b in bodies)


def test_two_apps_and_the_cli_for_a_few_seconds(private_home: Path) -> None:
    soak(private_home, 4)


@pytest.mark.slow
def test_two_apps_and_the_cli_for_a_minute(private_home: Path) -> None:
    soak(private_home, 60)


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from hearthside.store.locking import FileLock
    lock = FileLock(Path(sys.argv[1]))
    lock.acquire()
    print("holding", flush=True)
    time.sleep(60)
    """
)


def test_a_lock_left_by_a_killed_process_is_taken_over(private_home: Path) -> None:
    private_home.mkdir(parents=True)
    path = lock_path(private_home)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    assert FileLock(path).holder() == f"process {holder.pid}"
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    start = time.monotonic()
    store = Store(private_home)
    store.add(Entry(date="2026-11-24", body="after the kill"))
    assert time.monotonic() - start < 2
    assert FileLock(path).holder() is None


RACER = textwrap.dedent(
    """
    import sys
    # Loaded before the start, so all run at once.
    import hearthside.services.plans, hearthside.store.store
    from hearthside.cli.main import cli
    home, command, ref = sys.argv[1:4]
    print("ready", flush=True)
    sys.stdin.readline()
    cli(["--home", home, command, ref], prog_name="hearthside")
    """
)


def test_done_and_missed_at_once_keep_both_marks(private_home: Path) -> None:
    # `hearthside done ID & hearthside missed ID`, twenty times over, all at the same moment.
    store = Store(private_home)
    today = date.today().isoformat()
    made = [
        add_commitment(store, f"Walk together {i}", due=today, every="daily") for i in range(20)
    ]
    store.close()
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(private_home), command, c.id],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for c in made
        for command in ("done", "missed")
    ]
    for racer in racers:
        assert racer.stdout is not None and racer.stdout.readline().strip() == "ready"
    for racer in racers:
        assert racer.stdin is not None
        racer.stdin.write("\n")
        racer.stdin.flush()
    for racer in racers:
        out, err = racer.communicate(timeout=120)
        assert racer.returncode == 0, err
        assert out.startswith("Marked"), out
    for commitment in stored(private_home, Commitment):
        assert len(commitment.done_dates) == 1, commitment.title
        assert len(commitment.missed_dates) == 1, commitment.title
        assert set(commitment.done_dates).isdisjoint(commitment.missed_dates)
