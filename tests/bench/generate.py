"""Build a realistic journal home for benchmarks (deterministic for a given seed).

    python tests/bench/generate.py DIR --entries 10000 [--years 10]
        [--logs N] [--moments N] [--notes N]

Records are written in one go through the same storage the app uses, so the file
is exactly what years of daily use would leave behind.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

from hearthside.domain.records import Entry, Moment, Note, PracticeLog
from hearthside.paths import database_path, ensure_private_dir
from hearthside.store.parts import AtomicJSONStorage
from hearthside.store.store import Store

WORDS = [
    "we",
    "walked",
    "talked",
    "laughed",
    "dinner",
    "coffee",
    "tired",
    "quiet",
    "morning",
    "evening",
    "kids",
    "work",
    "garden",
    "rain",
    "sunday",
    "hug",
    "grateful",
    "patient",
    "listened",
    "argued",
    "sorry",
    "tea",
    "movie",
    "plans",
    "dream",
    "trip",
    "weekend",
    "call",
    "text",
    "noticed",
    "kind",
    "warm",
    "distant",
    "close",
    "tender",
    "honest",
    "missed",
    "remembered",
]
TAGS = ["date-night", "kids", "work", "walk", "gratitude", "hard-day", "talk", "family", "trip"]
PRACTICES = ["affection", "compliments", "quality-time", "conversation", "surprise"]
NOTE_KINDS = ["gratitude", "compliment", "apology", "encouragement", "need"]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build(
    home: Path,
    *,
    entries: int,
    years: int = 10,
    logs: int = 0,
    moments: int = 0,
    notes: int = 0,
    seed: int = 7,
) -> Path:
    rng = random.Random(seed)
    end = date.today()
    span = years * 365

    def day() -> str:
        return (end - timedelta(days=rng.randrange(span))).isoformat()

    records: list[Entry | PracticeLog | Moment | Note] = []
    for _ in range(entries):
        body = "\n\n".join(sentence(rng, rng.randint(12, 40)) for _ in range(rng.randint(1, 5)))
        when = day()
        records.append(
            Entry(
                date=when,
                title=sentence(rng, rng.randint(2, 6))[:-1] if rng.random() < 0.6 else "",
                body=body,
                tags=rng.sample(TAGS, rng.randint(0, 3)),
                closeness=rng.randint(1, 5) if rng.random() < 0.7 else None,
            )
        )
    for _ in range(logs):
        practice = rng.choice(PRACTICES)
        minutes = rng.choice([30, 45, 60, 90, 120]) if practice == "quality-time" else None
        records.append(PracticeLog(practice=practice, date=day(), minutes=minutes))
    for _ in range(moments):
        records.append(Moment(date=day(), positive=rng.random() < 0.8, text=""))
    for _ in range(notes):
        records.append(
            Note(
                kind=rng.choice(NOTE_KINDS),
                text=sentence(rng, rng.randint(8, 30)),
                date=day(),
            )
        )
    # Written the day it happened, as a person using the app daily would have.
    for record in records:
        stamp = f"{record.date}T21:00:00+00:00"
        record.created = record.updated = stamp
    # One old-format file, which the store splits into years the first time it opens.
    data: dict[str, dict[str, dict[str, object]]] = {"meta": {"1": {"schema": 1}}}
    for record in records:
        table = data.setdefault(record.KIND, {})
        table[str(len(table) + 1)] = record.to_doc()
    ensure_private_dir(home)
    AtomicJSONStorage(database_path(home)).write(data)
    Store(home).close()
    return home


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("home", type=Path)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--logs", type=int, default=0)
    parser.add_argument("--moments", type=int, default=0)
    parser.add_argument("--notes", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    build(
        args.home,
        entries=args.entries,
        years=args.years,
        logs=args.logs,
        moments=args.moments,
        notes=args.notes,
        seed=args.seed,
    )
    print(f"wrote {database_path(args.home)}")


if __name__ == "__main__":
    main()
