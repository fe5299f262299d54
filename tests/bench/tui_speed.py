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

# Started with the time the parent started it; prints when the first frame has been
# painted, then when the room has taken its place (its records read and shown). The
# callback is queued before the app runs, so it is the first thing after the first paint.
CHILD = """
import asyncio, sys, time
home, room = sys.argv[1], sys.argv[2]
if room == "hello":
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Hello(App):
        def compose(self):
            yield Header()
            yield Static("Hello")
            yield Footer()

    app = Hello()
else:
    from hearthside.tui.app import make_app

    app = make_app(home=home, room=room)

def painted():
    print("painted", time.time(), flush=True)

def shown():
    print("ready", time.time(), flush=True)
    app.exit()

async def ready():
    if room != "hello":
        await app.keys_handed_over()
    app.call_after_refresh(shown)

app.call_after_refresh(painted)
app.call_later(lambda: app.run_worker(ready()))
app.run(headless=True, size=(100, 32))
"""


def paint_times(home: Path | None, room: str, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from starting the process to its first paint, and to the room being ready
    (the same for the hello-world app, room "hello")."""
    painted, ready = [], []
    for _ in range(runs):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(home or ""), room],
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ, TEXTUAL=""),
        )
        said = dict(line.split() for line in out.stdout.splitlines() if line.strip())
        painted.append(float(said["painted"]) - start)
        ready.append(float(said["ready"]) - start)
    return painted, ready


def first_paint(home: Path, room: str, runs: int) -> list[float]:
    return paint_times(home, room, runs)[0]


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
