"""Time the dashboard's numbers on a decade of records and print a table.

    python tests/bench/dashboard_speed.py [--runs 9]

The home holds 10,000 entries, 50,000 practice logs, 20,000 moments and 5,000
notes over ten years. Targets: building the index plus the first view under
50 ms, moving a week under 5 ms.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if not __package__:
    # Run as a script, Python puts tests/bench/ on the path: put the repository there
    # instead, so the scripts import each other as tests.bench.*, as mypy reads them.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from hearthside.domain.records import Checkin, Entry, Moment, Note, Pause, PracticeLog
from hearthside.services.stats import build_index, dashboard_view
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.bench.common import row, timed
from tests.bench.generate import build


def add_years_of_care(records: dict[str, list[Any]], today: date) -> None:
    """What generate.py leaves out: weekly check-ins, a few pauses, notes handed over."""
    rng = random.Random(11)
    for week in range(520):
        day = (today - timedelta(weeks=week)).isoformat()
        ratings = {f"sign-{n}": rng.randint(0, 4) for n in range(5)}
        records["checkins"].append(Checkin(date=day, ratings=ratings))
    for _ in range(30):
        first = today - timedelta(days=rng.randrange(3650))
        last = first + timedelta(days=rng.randint(1, 14))
        records["pauses"].append(Pause(start=first.isoformat(), end=last.isoformat()))
    for note in records["notes"][::2]:
        note.status, note.delivered_at = "delivered", f"{note.date}T20:00:00+01:00"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    content = Content()
    today = date.today()
    with tempfile.TemporaryDirectory() as tmp:
        home = build(Path(tmp) / "home", entries=10_000, logs=50_000, moments=20_000, notes=5_000)
        store = Store(home)

        def load() -> dict[str, list[Any]]:
            return {
                "logs": store.all(PracticeLog),
                "moments": store.all(Moment),
                "entries": store.all(Entry),
                "notes": store.all(Note),
                "checkins": store.all(Checkin),
                "pauses": store.all(Pause),
            }

        load_times, records = timed(load, args.runs)
        add_years_of_care(records, today)
        index_times, view_times = [], []
        for _ in range(args.runs):
            # A fresh index each run, so the first view works out strength from scratch.
            start = time.perf_counter()
            index = build_index(content.practices, **records)
            built = time.perf_counter()
            dashboard_view(index, content, today, today=today, week_start=0)
            index_times.append(built - start)
            view_times.append(time.perf_counter() - built)
        both_times = [i + v for i, v in zip(index_times, view_times, strict=True)]
        back = [today]

        def move_back() -> None:
            view = dashboard_view(index, content, back[0], today=today, week_start=0)
            back[0] = view.previous_week

        move_times, _ = timed(move_back, args.runs * 5)
        store.close()
    counts = ", ".join(f"{len(v):,} {k}" for k, v in records.items())
    print(f"records: {counts}; {args.runs} runs each\n")
    print(f"{'step':<36}{'median':>11}{'min':>11}{'max':>11}")
    print(row("load records from the Store", load_times))
    print(row("build the index", index_times))
    print(row("first view (strength history)", view_times))
    print(row("index + first view", both_times))
    print(row("move one week back", move_times))


if __name__ == "__main__":
    main()
