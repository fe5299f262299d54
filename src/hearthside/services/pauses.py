"""Paused spans (travel, illness): days that neither break streaks nor lower strength."""

from __future__ import annotations

from datetime import date

from hearthside.domain import dates, validation
from hearthside.domain.records import Pause
from hearthside.errors import HearthsideError
from hearthside.store.store import Store


def add_pause(
    store: Store,
    start: str | date,
    end: str | date,
    *,
    reason: str = "",
    today: date | None = None,
) -> Pause:
    """Pause the days from ``start`` to ``end``, both included; they may lie ahead."""
    validation.check_size(reason, "reason")
    settings = store.settings()
    first = validation.user_date(start, settings, today=today)
    last = validation.user_date(end, settings, today=today)
    if last < first:
        raise HearthsideError(
            f"The pause would end on {last.isoformat()}, before it starts on "
            f"{first.isoformat()}. Give the first day, then the last."
        )
    if (last - first).days + 1 > validation.MAX_PAUSE_DAYS:
        raise HearthsideError(
            f"{first.isoformat()} to {last.isoformat()} is longer than a year. Check the "
            "dates, or add a longer break as several pauses of up to a year each."
        )
    pause = Pause(start=dates.iso(first), end=dates.iso(last), reason=" ".join(reason.split()))
    return store.add(pause)


def list_pauses(store: Store) -> list[Pause]:
    """Pauses, the latest first."""
    return sorted(store.all(Pause), key=lambda p: (p.start, p.end), reverse=True)


def pause_days(pause: Pause) -> int:
    """How many days it covers (0 if a hand-edited file left dates that can't be read)."""
    try:
        return max((date.fromisoformat(pause.end) - date.fromisoformat(pause.start)).days + 1, 0)
    except ValueError:
        return 0
