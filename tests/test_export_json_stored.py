"""A JSON export writes the stored documents as they are, when they are already what
their records would write: the file is byte for byte what building every record and
writing it back gives, for documents as this Hearthside writes them and for those it
doesn't (an older Hearthside's, a hand edit), private and trashed ones included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from hearthside.domain.records import (
    RECORD_TYPES,
    Bid,
    BidResponse,
    Checkin,
    Commitment,
    Entry,
    Milestone,
    Moment,
    Note,
    Pause,
    PracticeLog,
    Record,
)
from hearthside.paths import part_path
from hearthside.services.exchange.exporting.selection import span_of
from hearthside.store.store import Store
from tests.conftest import run


def varied_journal(home: Path) -> dict[str, str]:
    """Two years of every sort of record: private, trashed, starred, in other scripts.
    Returns the ids of the entries to edit by hand."""
    store = Store(home)
    made: list[Record] = []
    for year, day in (("2025", "2025-03-04"), ("2026", "2026-11-20")):
        stamp = f"{year}-06-01T09:00:00+01:00"
        made += [
            Entry(date=day, title="Ünïcödé ✨", body="Ein Spaziergang. 散歩した。\n", tags=["walk"],
                  closeness=4, steps=[3, 1], created=stamp),
            Entry(date=day, body="Just for me.", private=True, created=stamp),
            Entry(date="2019-01-01", body="Written later about long ago.", starred=True,
                  created=stamp),
            Note(kind="gratitude", text="Thank you 🙏", date=day, created=stamp),
            Note(kind="apology", text="Sorry.", date=day, private=True, created=stamp),
            PracticeLog(practice="affection", date=day, minutes=None, created=stamp),
            PracticeLog(practice="quality-time", date=day, minutes=30, note="tea", created=stamp),
            Moment(date=day, positive=True, text="laughed", created=stamp),
            Moment(date=day, positive=False, conflict=True, created=stamp),
            Checkin(date=day, ratings={"warmth": 4}, created=stamp),
            Commitment(title="Walk", due=day, every="weekly", done_dates=[day], created=stamp),
            Milestone(title="Wedding", date="2012-06-09", yearly=True, created=stamp),
            Pause(start=day, end=day, reason="flu", created=stamp),
            Bid(date=day, response=BidResponse.TOWARD, text="look, a heron", created=stamp),
        ]  # fmt: skip
    store.add_many(made)
    trashed = [r for r in made if isinstance(r, Entry | Note | Commitment)][::2]
    for record in trashed:
        store.delete(record)
    store.close()
    entries = [r for r in made if isinstance(r, Entry)]
    return {"older": entries[0].id, "newer": entries[4].id, "private": entries[1].id}


def edit_by_hand(home: Path, year: str, record_id: str, change: Any) -> None:
    path = part_path(home, f"{year}-entries")
    tables = orjson.loads(path.read_bytes())
    table = tables["entries"]
    key = next(k for k, doc in table.items() if doc["id"] == record_id)
    table[key] = change(table[key])
    path.write_bytes(orjson.dumps(tables))


def as_records(home: Path, *, include_private: bool) -> tuple[dict[str, list[Any]], int]:
    """What the export holds when every document becomes its record and back."""
    store = Store(home)
    found: dict[str, list[Any]] = {}
    left_out = 0
    for cls in RECORD_TYPES:
        chosen = []
        for record in store.all(cls, include_deleted=True):
            if isinstance(record, Entry | Note) and record.private and not include_private:
                left_out += 1
                continue
            chosen.append(record)
        chosen.sort(key=lambda r: (span_of(r)[0], r.created, r.id))
        found[cls.KIND] = [r.to_doc() for r in chosen]
    store.close()
    return found, left_out


@pytest.mark.parametrize("include_private", [False, True])
def test_a_json_export_is_what_its_records_would_write(
    private_home: Path, tmp_path: Path, include_private: bool
) -> None:
    ids = varied_journal(private_home)
    # An older Hearthside's document (an optional field missing), a newer one's (a field
    # this one doesn't know) and one whose fields came in another order.
    edit_by_hand(private_home, "2025", ids["older"], lambda d: {k: d[k] for k in d if k != "steps"})
    edit_by_hand(private_home, "2026", ids["newer"], lambda d: {**d, "mood": "sunny"})
    edit_by_hand(private_home, "2025", ids["private"], lambda d: dict(reversed(d.items())))
    out = tmp_path / "all.json"
    args = ["export", "--format", "json", "-o", str(out)]
    result = run(*args, *(["--include-private"] if include_private else []))
    assert result.exit_code == 0, result.output

    written = out.read_bytes()
    doc = orjson.loads(written)
    expected, left_out = as_records(private_home, include_private=include_private)
    assert doc["selection"]["private_left_out"] == left_out == (0 if include_private else 4)
    assert written == orjson.dumps({**doc, "records": expected}, option=orjson.OPT_INDENT_2) + b"\n"
    entries = doc["records"]["entries"]
    assert "mood" not in str(entries) and all("steps" in e for e in entries)
    assert any(e["deleted_at"] for e in entries) and "散歩した" in written.decode("utf-8")


def test_records_whose_stamps_hold_a_nul_keep_the_export_order(
    private_home: Path, tmp_path: Path
) -> None:
    # Python reads both stamps as moments, so both records are stored; ordered by a tuple,
    # the shorter stamp comes first.
    store = Store(private_home)
    store.add_many(
        [
            Entry(id="bbbb1111", date="2026-11-20", body="first", created="2026-11-20T09:00:00"),
            Entry(
                id="aaaa2222",
                date="2026-11-20",
                body="second",
                created="2026-11-20T09:00:00\0+01:00",
            ),
        ]
    )
    store.close()
    out = tmp_path / "all.json"
    assert run("export", "--format", "json", "-o", str(out)).exit_code == 0
    expected, _left_out = as_records(private_home, include_private=False)
    assert [e["body"] for e in expected["entries"]] == ["first", "second"]
    assert orjson.loads(out.read_bytes())["records"]["entries"] == expected["entries"]
