"""The one benchmark: Hearthside at an empty home, a year, and a decade of daily use.

    python tests/bench/decade.py [--runs 5] [--no-jrnl]

Builds three homes with tests/bench/generate.py (a decade is 10,000 entries,
5,000 notes, 50,000 practice logs and 20,000 moments; a year is a tenth of that),
then prints one table of medians (with min and max):

- process start to the first painted Today and Journal rooms, at each size;
- saving an edited entry, from the call to durable on disk, at each size;
- filtering the journal by a word and by a tag, at a decade;
- the dashboard's week and moving one week back, at a decade;
- peak memory (RSS) of the app at a decade, with the Journal and Dashboard open;
- the CLI's quick commands and a JSON export, at a decade, and importing that export
  into an empty journal;
- the same journal in jrnl, where it can be installed into tests/bench/out/jrnl-venv,
  with the ratio (jrnl time / Hearthside time).

Hearthside's modules are compiled to bytecode first, as installing it does, so that
an editable install run under PYTHONDONTWRITEBYTECODE isn't timed compiling itself.

Targets (issue 9): first paint within 0.5 s; a save under 15 ms at every size;
filter and dashboard week under 20 ms; peak memory under 150 MB; CLI quick
commands at least 3x faster than jrnl, export at least 20x.
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
from tests.bench.common import HEADER, hearthside_command, row, timed
from tests.bench.generate import build
from tests.bench.tui_speed import filter_times, first_paint

SIZES = {
    "empty": {"entries": 0},
    "a year": {"entries": 1_000, "logs": 5_000, "moments": 2_000, "notes": 500, "years": 1},
    "a decade": {"entries": 10_000, "logs": 50_000, "moments": 20_000, "notes": 5_000},
}
OUT = Path(__file__).resolve().parent / "out"

MEMORY_CHILD = """
import resource, sys
from hearthside.tui.app import make_app
app = make_app(home=sys.argv[1], room="journal")
def done():
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    app.exit()
def visit():
    app.switch_mode("dashboard")
    app.set_timer(3.0, done)
app.call_later(lambda: app.call_after_refresh(visit))
app.run(headless=True, size=(100, 32))
"""


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
    import compileall

    import hearthside

    package = Path(hearthside.__file__).parent
    if not os.access(package, os.W_OK):
        return f"(bytecode not written: {package} is read-only)"
    compileall.compile_dir(package, quiet=1)
    return f"(Hearthside's bytecode written under {package} first)"


def compare_with_jrnl(home: Path, runs: int) -> list[str]:
    jrnl = jrnl_command()
    if jrnl is None:
        return ["jrnl could not be installed here; comparison skipped"]
    lines = []
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
            mine = cli_times(home, ours, runs)
            other = []
            for _ in range(runs):
                start = time.perf_counter()
                subprocess.run(
                    [*jrnl, "--config-file", config, *theirs],
                    env=env,
                    check=True,
                    capture_output=True,
                    stdin=subprocess.DEVNULL,
                )
                other.append(time.perf_counter() - start)
            ratio = sorted(other)[len(other) // 2] / sorted(mine)[len(mine) // 2]
            lines.append(row(f"hearthside: {label}", mine))
            lines.append(row(f"jrnl: {label}", other))
            lines.append(f"{'':<52}{ratio:>8.1f}x slower than Hearthside")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-jrnl", action="store_true")
    args = parser.parse_args()
    runs = args.runs
    print(compile_package())
    print(HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        homes = {}
        for label, size in SIZES.items():
            homes[label] = build(Path(tmp) / label.replace(" ", "-"), **size)
        for label, home in homes.items():
            for room in ("today", "journal"):
                print(row(f"first paint, {room}, {label}", first_paint(home, room, runs)))
        for label, home in homes.items():
            print(row(f"save an edited entry, {label}", save_times(home, max(runs, 9))))
        decade = homes["a decade"]
        for label, times in asyncio.run(filter_times(decade, runs)).items():
            print(row(f"journal filter ({label}), a decade", times))
        first, back = dashboard_times(decade, max(runs, 9))
        print(row("dashboard week, a decade", first))
        print(row("dashboard one week back, a decade", back))
        print(f"{'peak memory (RSS), app at a decade':<52}{peak_memory_mb(decade):>8.0f}MB")
        for command in (
            ["log", "hug"],
            ["list", "-n", "10"],
            ["search", "garden"],
            ["export", "--format", "json", "--force", "-o", str(Path(tmp) / "e.json")],
        ):
            print(
                row(
                    "hearthside " + " ".join(command[:3]) + ", a decade",
                    cli_times(decade, command, runs),
                )
            )
        print(
            row(
                "hearthside import (that export), an empty home",
                import_times(Path(tmp) / "e.json", Path(tmp), min(runs, 3)),
            )
        )
        if not args.no_jrnl:
            for line in compare_with_jrnl(decade, max(3, runs // 2)):
                print(line)


if __name__ == "__main__":
    main()
