"""Time the CLI's quick commands on a 10,000-entry journal and print a table.

    python tests/bench/cli_speed.py [--entries 10000] [--runs 7]

Each command runs as a fresh process (as a person would run it); the table shows
the median, min and max wall time. Adding commands writes to a throwaway copy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import build

COMMANDS = [
    ["--version"],
    ["log", "hug"],
    ["list", "-n", "10"],
    ["search", "garden", "rain"],
    ["stats"],
]


def hearthside() -> list[str]:
    exe = shutil.which("hearthside", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "hearthside"]


def time_command(args: list[str], home: Path, runs: int) -> list[float]:
    env = dict(os.environ, HEARTHSIDE_HOME=str(home))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*hearthside(), *args], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = build(Path(tmp) / "home", entries=args.entries)
        size = (home / "hearthside.json").stat().st_size / 1e6
        print(f"journal: {args.entries} entries, {size:.1f} MB, {args.runs} runs each\n")
        print(f"{'command':<32}{'median':>10}{'min':>10}{'max':>10}")
        for command in COMMANDS:
            times = time_command(command, home, args.runs)
            label = "hearthside " + " ".join(command)
            print(
                f"{label:<32}{statistics.median(times) * 1000:>8.0f}ms"
                f"{min(times) * 1000:>8.0f}ms{max(times) * 1000:>8.0f}ms"
            )


if __name__ == "__main__":
    main()
