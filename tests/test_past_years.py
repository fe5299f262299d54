"""A decade of logs and moments is read when asked for, not kept in memory for good.

Past years of the kinds with many records are let go of once read; everything asked
for afterwards is still found, changes by another process are still seen, and what
this process changed stays in memory until it is safely merged or reread.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hearthside.domain.records import Entry, Moment, PracticeLog
from hearthside.store.store import Store
from hearthside.store.where import between, on_day

THIS_YEAR = date.today().year  # the year new records go to, by the real calendar
YEARS = (2019, 2021, THIS_YEAR)


def logged(store: Store) -> None:
    """A log and a moment each year, written that year; an entry in the oldest."""
    for year in YEARS:
        stamp = f"{year}-03-04T21:00:00+00:00"
        log = PracticeLog(practice="hug", date=f"{year}-03-04")
        moment = Moment(date=f"{year}-03-04", positive=True, text="")
        for record in (log, moment):
            record.created = record.updated = stamp
        store.add_many([log, moment])
    entry = Entry(date="2019-05-01", body="Our first walk")
    entry.created = entry.updated = "2019-05-01T21:00:00+00:00"
    store.add(entry)


def loaded(store: Store) -> set[str]:
    return {key for key, part in store._parts.items() if key and part.loaded}


def test_past_years_of_logs_are_let_go_of_once_read(private_home: Path) -> None:
    logged(Store(private_home))
    store = Store(private_home)
    store.read_everything()
    assert {log.date for log in store.all(PracticeLog)} == {f"{y}-03-04" for y in YEARS}
    assert len(store.all(Moment)) == 3
    # This year's stay, where new ones go; entries stay, as the Journal lists them all.
    assert loaded(store) == {f"{THIS_YEAR}-practice_logs", f"{THIS_YEAR}-moments", "2019-entries"}
    # Asked again, the past years are read again: nothing is missing.
    assert {log.date for log in store.all(PracticeLog)} == {f"{y}-03-04" for y in YEARS}


def test_a_day_is_looked_for_only_in_the_years_that_hold_it(private_home: Path) -> None:
    logged(Store(private_home))
    store = Store(private_home)
    store.read_everything()  # as the app opens: each past year's days are noted
    this_year = store.all(PracticeLog, where=on_day(date(THIS_YEAR, 3, 4)))
    assert [log.date for log in this_year] == [f"{THIS_YEAR}-03-04"]
    assert "2019-practice_logs" not in loaded(store)
    assert "2021-practice_logs" not in loaded(store)
    # A day in a past year is still found there.
    found = store.all(PracticeLog, where=between(date(2021, 1, 1), date(2021, 12, 31)))
    assert [log.date for log in found] == ["2021-03-04"]


def test_an_old_log_let_go_of_can_still_be_changed(private_home: Path) -> None:
    logged(Store(private_home))
    store = Store(private_home)
    [old] = [log for log in store.all(PracticeLog) if log.date.startswith("2019")]
    store.delete(old)
    assert old.id not in {log.id for log in store.all(PracticeLog)}
    assert old.id in {log.id for log in store.all(PracticeLog, include_deleted=True)}
    # Changed here: that year is kept in memory from now on.
    assert "2019-practice_logs" in loaded(store)
    assert Store(private_home).get(PracticeLog, old.id).deleted


def test_another_process_changing_a_year_let_go_of_is_noticed(private_home: Path) -> None:
    logged(Store(private_home))
    store = Store(private_home)
    store.all(PracticeLog)
    elsewhere = Store(private_home)
    [old] = [log for log in elsewhere.all(PracticeLog) if log.date.startswith("2021")]
    elsewhere.delete(old)
    assert store.refresh()
    assert old.id not in {log.id for log in store.all(PracticeLog)}
    assert store.all(PracticeLog, where=on_day(date(2021, 3, 4))) == []
