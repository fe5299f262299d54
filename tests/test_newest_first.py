"""The newest entries, listed without reading the years that can't hold any of them:
the same entries in the same order as reading every year, whatever was re-dated,
trashed, edited by hand or written by another process meanwhile."""

from __future__ import annotations

from pathlib import Path

import orjson

from hearthside.domain.records import Entry
from hearthside.paths import part_path
from hearthside.store.checked import CHECKED
from hearthside.store.store import Store
from tests.conftest import run


def decade(home: Path) -> None:
    """Entries written over six years, each about its own year, with a few exceptions:
    one written in 2021 about a day in the newest year, one written this year about
    2019, two the same day and moment, and the newest day's entries in the trash."""
    store = Store(home)
    made = [
        Entry(date=f"{year}-{month:02}-{day:02}", body=f"{year} {month} {day}",
              created=f"{year}-{month:02}-{day:02}T21:00:00+01:00")
        for year in range(2021, 2027)
        for month in (1, 6, 11)
        for day in (3, 17)
    ]  # fmt: skip
    made += [
        Entry(date="2026-11-18", body="re-dated to this year", created="2021-02-01T08:00:00Z"),
        Entry(date="2019-05-05", body="about long ago", created="2026-11-20T08:00:00Z"),
        Entry(id="aaaa0001", date="2024-06-17", body="twin one", created="2024-06-17T21:00:00Z"),
        Entry(id="aaaa0002", date="2024-06-17", body="twin two", created="2024-06-17T21:00:00Z"),
        Entry(date="2026-11-29", body="trashed", created="2026-11-29T08:00:00Z"),
    ]
    store.add_many(made)
    store.delete(made[-1])
    store.close()


def every_year_read(home: Path) -> list[str]:
    """The order of reading every year and sorting: what newest_first gave before."""
    store = Store(home)
    store.read_everything()
    docs = [d for e in store.all(Entry) for d in [e.to_doc()]]
    store.close()
    docs.sort(key=lambda d: (d["date"], d["created"]), reverse=True)
    return [d["body"] for d in docs]


def newest(home: Path, count: int) -> tuple[list[str], list[str]]:
    """The ``count`` newest entries' words, and the entries files that were read."""
    store = Store(home)
    found: list[str] = []
    for entry in store.newest_first(Entry):
        if len(found) == count:
            break
        found.append(entry.body)
    read = sorted(p.path.name for k, p in store._parts.items() if k and p.loaded)
    store.close()
    return found, read


def test_the_newest_come_in_the_same_order_reading_only_the_years_needed(
    private_home: Path,
) -> None:
    decade(private_home)
    expected = every_year_read(private_home)
    for count in (1, 3, 7, 12, 20, len(expected), len(expected) + 5):
        assert newest(private_home, count)[0] == expected[:count], count
    # The 2021 file holds an entry about this November, so the newest need it too; the
    # years between wait until the list reaches them.
    found, read = newest(private_home, 3)
    assert found == ["re-dated to this year", "2026 11 17", "2026 11 3"]
    assert read == ["hearthside-2021-entries.json", "hearthside-2026-entries.json"]
    found, read = newest(private_home, 8)
    assert read[0] == "hearthside-2021-entries.json" and len(read) < 6


def test_a_year_changed_since_its_newest_day_was_noted_is_read(private_home: Path) -> None:
    decade(private_home)
    assert newest(private_home, 1)[0] == ["re-dated to this year"]
    # Another computer's copy (through a sync tool) or a hand edit: a 2022 entry now
    # tells of the last day of November.
    path = part_path(private_home, "2022-entries")
    tables = orjson.loads(path.read_bytes())
    doc = next(iter(tables["entries"].values()))
    doc.update(date="2026-11-30", body="moved by hand")
    path.write_bytes(orjson.dumps(tables))
    assert newest(private_home, 2)[0] == ["moved by hand", "re-dated to this year"]
    assert run("list", "-n", "1").output.split("  ")[2].strip() == "moved by hand"


def test_an_encrypted_journal_notes_no_days(private_home: Path) -> None:
    decade(private_home)
    newest(private_home, 1)
    assert orjson.loads((private_home / CHECKED).read_bytes())["newest"]
    passphrase = "correct horse battery staple"
    assert run("encrypt", input=f"{passphrase}\n{passphrase}\n").exit_code == 0
    (private_home / CHECKED).unlink()
    listed = run("list", "-n", "50", input=f"{passphrase}\n")
    assert listed.exit_code == 0 and "2026 11 17" in listed.output
    assert orjson.loads((private_home / CHECKED).read_bytes())["newest"] == {}


def test_a_search_looks_at_stored_fields_and_finds_what_matching_records_finds(
    private_home: Path,
) -> None:
    from hearthside.services.journal import EntryQuery, list_entries

    decade(private_home)
    # Older documents without a title or tags, as an older Hearthside wrote them.
    for year in ("2021", "2024"):
        path = part_path(private_home, f"{year}-entries")
        tables = orjson.loads(path.read_bytes())
        for doc in list(tables["entries"].values())[:3]:
            del doc["title"], doc["tags"]
            doc["body"] += " Heron by the pond."
        path.write_bytes(orjson.dumps(tables))
    store = Store(private_home)
    everything = store.all(Entry)
    for query in (
        EntryQuery(words=("heron",)),
        EntryQuery(words=("HERON", "2021")),
        EntryQuery(words=("twin",)),
        EntryQuery(words=("nothing-like-it",)),
    ):
        found = [e.body for e in list_entries(store, query)]
        expected = [e.body for e in everything if query.matches(e)]
        assert sorted(found) == sorted(expected) and len(found) == len(set(found)), query
    assert len(list_entries(store, EntryQuery(words=("heron",)))) == 6
    store.close()
