"""Time the app: process start to the first painted room, and the journal filter.

    python tests/bench/tui_speed.py [--sizes 0,1000,10000] [--runs 5]

First paint is measured from just before the process is started to the moment
the room has mounted and painted once, in a headless app (no terminal needed).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if not __package__:
    # Run as a script, Python puts tests/bench/ on the path: put the repository there
    # instead, so the scripts import each other as tests.bench.*, as mypy reads them.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.bench.common import HEADER, row
from tests.bench.generate import build

CHILD = """
import sys, time
from hearthside.tui.app import make_app
app = make_app(home=sys.argv[1], room=sys.argv[2])
def painted():
    print(time.time(), flush=True)
    app.exit()
app.call_later(lambda: app.call_after_refresh(painted))
app.run(headless=True, size=(100, 32))
"""


def first_paint(home: Path, room: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(home), room],
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ, TEXTUAL=""),
        )
        times.append(float(out.stdout.split()[-1]) - start)
    return times


async def filter_times(home: Path, runs: int) -> dict[str, list[float]]:
    from textual.widgets import Input

    from hearthside.tui.app import make_app
    from hearthside.tui.rooms.journal import JournalScreen

    app = make_app(home=home, room="journal")
    results: dict[str, list[float]] = {"word": [], "tag": [], "clear": []}
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        box = screen.query_one("#filter", Input)
        for _ in range(runs):
            for label, text in (("word", "garden"), ("tag", "#kids"), ("clear", "")):
                with box.prevent(Input.Changed):
                    box.value = text
                start = time.perf_counter()
                screen._apply_filter()
                results[label].append(time.perf_counter() - start)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="0,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            home = build(Path(tmp) / f"home-{size}", entries=size)
            for room in ("today", "journal"):
                print(
                    row(f"first paint, {room}, {size} entries", first_paint(home, room, args.runs))
                )
        biggest = Path(tmp) / f"home-{max(sizes)}"
        for label, times in asyncio.run(filter_times(biggest, args.runs)).items():
            print(row(f"journal filter ({label}), {max(sizes)} entries", times))


if __name__ == "__main__":
    main()
