"""The one benchmark: Hearthside at an empty home, a year, and a decade of daily use.

    python tests/bench/decade.py [--runs 7] [--no-jrnl]

Builds three homes with tests/bench/generate.py (a decade is 10,000 entries,
5,000 notes, 50,000 practice logs and 20,000 moments; a year is a tenth of that),
then prints one table of medians (with min and max):

- a hello-world Textual app (Header, Static, Footer): start to first paint, the floor;
- process start to the first paint of each room at an empty home, and of Today and
  the Journal at each size; and to the room being ready (its records read and shown:
  the frame is painted first, the room takes its place);
- saving an edited entry, from the call to durable on disk, at each size;
- filtering the journal by a word and by a tag, at a decade;
- the dashboard's week and moving one week back, at a decade;
- peak memory (RSS) of the app at a decade, with the Journal and Dashboard open;
- the CLI's quick commands and a JSON export, at a decade, and importing that export
  into an empty journal;
- the same journal in jrnl, where it can be installed into tests/bench/out/jrnl-venv,
  with the ratio (jrnl time / Hearthside time).

It ends with issue 20's targets, each as a ratio or figure from this one run. Python
files are compiled first, as an installed package has them: the editable install of
a checkout (with PYTHONDONTWRITEBYTECODE set) would otherwise compile every start.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

if not __package__:
    # Run as a script, Python puts tests/bench/ on the path: put the repository there
    # instead, so the scripts import each other as tests.bench.*, as mypy reads them.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.bench.common import HEADER, hearthside_command, row, timed
from tests.bench.generate import build
from tests.bench.tui_speed import filter_times, paint_times

SIZES = {
    "empty": {"entries": 0},
    "a year": {"entries": 1_000, "logs": 5_000, "moments": 2_000, "notes": 500, "years": 1},
    "a decade": {"entries": 10_000, "logs": 50_000, "moments": 20_000, "notes": 5_000},
}
ROOMS = ("today", "journal", "notes", "dashboard", "guide", "plans")
OUT = Path(__file__).resolve().parent / "out"

# The peak is the process's own high-water mark (VmHWM): getrusage's ru_maxrss survives
# exec on Linux, so a child started by this (large) bench would report the bench's size.
MEMORY_CHILD = """
import asyncio, sys
from hearthside.tui.app import make_app
app = make_app(home=sys.argv[1], room="journal")
async def visit():
    await app.keys_handed_over()
    await app.switch_mode("dashboard")
    await asyncio.sleep(3.0)  # the dashboard counts its figures in a thread
    status = open("/proc/self/status").read()
    print(status.split("VmHWM:")[1].split()[0], flush=True)
    app.exit()
app.call_later(lambda: app.run_worker(visit()))
app.run(headless=True, size=(100, 32))
"""


@dataclass(frozen=True)
class Target:
    measure: str
    now: float
    goal: float
    unit: str  # "x" for a ratio, else the figure's unit
    at_most: bool  # the figure must not go above the goal (else not below it)

    @property
    def met(self) -> bool:
        return self.now <= self.goal if self.at_most else self.now >= self.goal

    def line(self) -> str:
        sign = "≤" if self.at_most else "≥"
        now = f"{self.now:.2f}{self.unit}" if self.unit == "x" else f"{self.now:.0f} {self.unit}"
        goal = f"{sign} {self.goal:g}{self.unit if self.unit == 'x' else ' ' + self.unit}"
        return f"{self.measure:<58}{now:>10}{goal:>12}  {'met' if self.met else 'NOT MET'}"


def median(values: list[float]) -> float:
    return statistics.median(values)


def paints(homes: dict[str, Path], runs: int) -> dict[tuple[str, str], tuple[list[float], ...]]:
    """First paint and ready of every case, run after run in turn, the hello-world floor
    among them: a machine slower for a moment slows every case alike."""
    cases = [("hello", "")] + [(room, "empty") for room in ROOMS]
    cases += [(room, size) for size in ("a year", "a decade") for room in ("today", "journal")]
    painted: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
    ready: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
    for _ in range(runs):
        for room, size in cases:
            first, shown = paint_times(homes.get(size), room, 1)
            painted[room, size] += first
            ready[room, size] += shown
    return {case: (painted[case], ready[case]) for case in cases}


def save_times(home: Path, runs: int) -> list[float]:
    from hearthside.domain.records import Entry
    from hearthside.services.journal import save_entry
    from hearthside.store.store import Store

    store = Store(home)
    entry = save_entry(store, None, body="An entry to edit", day="today")
    entry = store.get(Entry, entry.id)

    def save() -> None:
        save_entry(store, entry, body=entry.body + " and a few more words", day=entry.date)

    times, _ = timed(save, runs)
    store.close()
    return times


def dashboard_times(home: Path, runs: int) -> tuple[list[float], list[float]]:
    from datetime import date

    from hearthside.services.stats import dashboard_view, load_index
    from hearthside.store.store import Store
    from hearthside.texts.library import Content

    store, content = Store(home), Content()
    index = load_index(store, content)
    today = date.today()
    first, view = timed(
        lambda: dashboard_view(index, content, today, today=today, week_start=0), runs
    )
    back, _ = timed(
        lambda: dashboard_view(index, content, view.previous_week, today=today, week_start=0), runs
    )
    return first, back


def peak_memory_mb(home: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(home)], capture_output=True, text=True, check=True
    )
    return int(out.stdout.split()[-1]) / 1024


def cli_times(home: Path, args: list[str], runs: int) -> list[float]:
    env = dict(os.environ, HEARTHSIDE_HOME=str(home))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*hearthside_command(), *args], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def import_times(export: Path, folder: Path, runs: int) -> list[float]:
    """``hearthside import`` of a whole export, each time into a journal of its own."""
    times = []
    for run in range(runs):
        home = folder / f"imported-{run}"
        start = time.perf_counter()
        subprocess.run(
            [*hearthside_command(), "--home", str(home), "import", str(export)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return times


def jrnl_command() -> list[str] | None:
    """jrnl in the bench's own venv, installing it there the first time."""
    venv = OUT / "jrnl-venv"
    exe = venv / "bin" / "jrnl"
    if not exe.exists():
        try:
            subprocess.run(
                [sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True
            )
            subprocess.run(
                [str(venv / "bin" / "pip"), "install", "-q", "jrnl"],
                check=True,
                capture_output=True,
            )
        except (subprocess.CalledProcessError, OSError):
            return None
    return [str(exe)] if exe.exists() else None


def jrnl_home(home: Path, folder: Path) -> dict[str, str]:
    """The decade's entries as a jrnl journal, and the environment that points jrnl at it."""
    from hearthside.domain.records import Entry
    from hearthside.store.store import Store

    entries = sorted(Store(home).all(Entry), key=lambda e: e.date)
    journal = folder / "journal.txt"
    with journal.open("w", encoding="utf-8") as fh:
        for e in entries:
            tags = " ".join(f"@{t}" for t in e.tags)
            fh.write(f"[{e.date} 21:00] {e.headline} {tags}\n{e.body}\n\n")
    config = folder / "jrnl.yaml"
    # YAML, as jrnl 4 writes it: a JSON config makes jrnl think it is 1.x and ask to upgrade.
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        f"indent_character: '|'\njournals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %H:%M'\n"
        "version: v4.6\n"
    )
    return dict(os.environ, XDG_CONFIG_HOME=str(folder), JRNL_CONFIG=str(config))


def compile_package() -> str:
    """Compile Hearthside's modules to bytecode, as installing it does, so each run
    measures the command and not Python compiling it (an editable install run with
    PYTHONDONTWRITEBYTECODE never has bytecode of its own)."""
    import hearthside

    package = Path(hearthside.__file__).parent
    if not os.access(package, os.W_OK):
        return f"(bytecode not written: {package} is read-only)"
    compileall.compile_dir(package, quiet=1)
    return f"(Hearthside's bytecode written under {package} first)"


def compare_with_jrnl(home: Path, runs: int) -> tuple[list[str], dict[str, float]]:
    """Rows for jrnl's times, and for each command how many times slower jrnl is."""
    jrnl = jrnl_command()
    if jrnl is None:
        return ["jrnl could not be installed here; comparison skipped"], {}
    lines, ratios = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        env = jrnl_home(home, Path(tmp))
        config = env["JRNL_CONFIG"]
        export = ["export", "--format", "json", "--force", "-o", str(Path(tmp) / "h.json")]
        pairs = [
            ("list 10", ["list", "-n", "10"], ["-n", "10"]),
            ("search a word", ["search", "garden"], ["-contains", "garden"]),
            ("export json", export, ["--export", "json"]),
            # jrnl's journal holds the entries alone: the same export of ours, like for like.
            ("export json (entries)", [*export, "--kind", "entries"], ["--export", "json"]),
            ("add an entry", ["add", "a quick line"], ["a quick line"]),
        ]
        for label, ours, theirs in pairs:
            mine, other = [], []
            for _ in range(runs):  # in turn, so a busy moment slows both alike
                mine += cli_times(home, ours, 1)
                start = time.perf_counter()
                subprocess.run(
                    [*jrnl, "--config-file", config, *theirs],
                    env=env,
                    check=True,
                    capture_output=True,
                    stdin=subprocess.DEVNULL,
                )
                other.append(time.perf_counter() - start)
            ratios[label] = median(other) / median(mine)
            lines.append(row(f"hearthside: {label}, a decade", mine))
            lines.append(row(f"jrnl: {label}", other))
            lines.append(f"{'':<52}{ratios[label]:>8.1f}x slower than Hearthside")
    return lines, ratios


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-jrnl", action="store_true")
    args = parser.parse_args()
    runs = args.runs
    print(compile_package())
    print(HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        homes = {}
        for label, size in SIZES.items():
            homes[label] = build(Path(tmp) / label.replace(" ", "-"), **size)
        painted = paints(homes, runs)
        floor = median(painted["hello", ""][0])
        print(row("hello-world Textual app, first paint (the floor)", painted["hello", ""][0]))
        for (room, home_label), (first, shown) in painted.items():
            if room != "hello":
                print(row(f"first paint, {room}, {home_label}", first))
                print(row(f"  {room} ready, {home_label}", shown))
        saves = {}
        for label, home in homes.items():
            saves[label] = save_times(home, max(runs, 9))
            print(row(f"save an edited entry, {label}", saves[label]))
        decade = homes["a decade"]
        for label, times in asyncio.run(filter_times(decade, runs)).items():
            print(row(f"journal filter ({label}), a decade", times))
        first, back = dashboard_times(decade, max(runs, 9))
        print(row("dashboard week, a decade", first))
        print(row("dashboard one week back, a decade", back))
        memory = peak_memory_mb(decade)
        print(f"{'peak memory (RSS), app at a decade':<52}{memory:>8.0f}MB")
        for command in (["log", "hug"], ["--version"]):
            print(
                row(f"hearthside {' '.join(command)}, a decade", cli_times(decade, command, runs))
            )
        export = Path(tmp) / "e.json"
        cli_times(decade, ["export", "--format", "json", "--force", "-o", str(export)], 1)
        print(
            row(
                "hearthside import (that export), an empty home",
                import_times(export, Path(tmp), min(runs, 3)),
            )
        )
        ratios: dict[str, float] = {}
        if not args.no_jrnl:
            lines, ratios = compare_with_jrnl(decade, runs)
            for line in lines:
                print(line)
    empty = [median(painted[room, "empty"][0]) / floor for room in ROOMS]
    decade_rooms = [median(painted[room, "a decade"][0]) / floor for room in ("today", "journal")]
    targets = [
        Target(
            "first paint, any room, empty home ÷ hello-world (worst)", max(empty), 1.3, "x", True
        ),
        Target(
            "first paint, Today and Journal, a decade ÷ hello-world",
            max(decade_rooms),
            1.5,
            "x",
            True,
        ),
        Target("peak RSS, a decade, Journal + Dashboard open", memory, 120, "MB", True),
        Target(
            "save an edited entry, slowest size (median)",
            max(median(t) for t in saves.values()) * 1000,
            15,
            "ms",
            True,
        ),
    ]
    for label, goal in (("list 10", 5.0), ("search a word", 5.0), ("export json (entries)", 10.0)):
        if label in ratios:
            targets.append(Target(f"jrnl ÷ ours: {label}", ratios[label], goal, "x", False))
    print(f"\nIssue 20's targets, from this run (hello-world paints in {floor * 1000:.0f} ms):")
    for target in targets:
        print(target.line())


if __name__ == "__main__":
    main()
