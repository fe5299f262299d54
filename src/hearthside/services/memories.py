"""On this day: entries and notes written on this date in earlier years and months.

Private records are included: this is the user's own screen, never an export.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from hearthside.domain.records import Entry, Note
from hearthside.store.store import Store
from hearthside.store.where import Where


@dataclass(frozen=True)
class Memory:
    record: Entry | Note
    on: date
    years_ago: int  # set for the same day in an earlier year, else 0
    months_ago: int  # set for the same day in an earlier month of this year, else 0


def on_this_day(store: Store, *, today: date | None = None) -> list[Memory]:
    """Newest first. In a year without 29 February, 28 February also shows the 29th's."""
    day = today or date.today()
    # Only documents on the same day of a month can be memories; the rest stay documents.
    same_day = (f"-{day.day:02d}", "-02-29")

    maybe = Where("date", lambda on: on.endswith(same_day))
    records: list[Entry | Note] = [*store.all(Entry, where=maybe), *store.all(Note, where=maybe)]
    found = []
    for record in records:
        on = date.fromisoformat(record.date)
        if on.year < day.year and _same_day_of_year(on, day):
            found.append(Memory(record, on, day.year - on.year, 0))
        elif on.year == day.year and on.month < day.month and on.day == day.day:
            found.append(Memory(record, on, 0, day.month - on.month))
    found.sort(key=lambda m: (m.on, m.record.created), reverse=True)
    return found


def _same_day_of_year(on: date, day: date) -> bool:
    if (on.month, on.day) == (day.month, day.day):
        return True
    # Matches plans.on_year: a leap day is remembered on 28 February in other years.
    leap_day_falls_today = (on.month, on.day) == (2, 29) and (day.month, day.day) == (2, 28)
    return leap_day_falls_today and not calendar.isleap(day.year)
