"""The weekly check-in: how much each sign of drift showed this week, from 0 to 4.

One check-in a day: checking in again the same day updates it, so a rating
added later (say from the command line) joins the ones given earlier.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from hearthside.domain import date_words, dates, trends, validation
from hearthside.domain.periods import week_start_of
from hearthside.domain.records import Checkin
from hearthside.errors import HearthsideError
from hearthside.store.store import Store
from hearthside.texts.items import Sign
from hearthside.texts.library import Content

LOWEST, HIGHEST = validation.LOWEST_RATING, validation.HIGHEST_RATING
DUE_AFTER_DAYS = 7
HISTORY_WEEKS = 8
# A week's check-in runs high when its signs average "somewhat" (2 of 0-4) or more:
# things have felt harder than usual between you.
RUNS_HIGH_FROM = 2


def runs_high(mean: float | None) -> bool:
    """Whether a week's mean check-in rating (None: no check-in) runs high."""
    return mean is not None and mean >= RUNS_HIGH_FROM


@dataclass(frozen=True)
class SignRating:
    sign: Sign
    now: int | None  # today's rating, None when not rated (yet)
    before: int | None  # the previous check-in's, None when there is none


@dataclass(frozen=True)
class Comparison:
    current: Checkin | None  # today's check-in, once there is one
    previous: Checkin | None  # the latest one before today
    ratings: tuple[SignRating, ...]  # every sign, in content order


def find_sign(content: Content, ref: str) -> Sign:
    """A sign by id, by its number in the list (from 1), or by an unambiguous id prefix."""
    wanted = ref.strip().lower()
    signs = content.signs
    if wanted.isdigit() and 1 <= int(wanted) <= len(signs):
        return signs[int(wanted) - 1]
    hits = [s for s in signs if s.id == wanted] or [
        s for s in signs if wanted and s.id.startswith(wanted)
    ]
    if len(hits) == 1:
        return hits[0]
    choices = ", ".join(f"{i} {s.id}" for i, s in enumerate(signs, 1))
    problem = "could mean more than one sign" if hits else "isn't one of the signs"
    raise HearthsideError(f"{ref[:30]!r} {problem}; use a number or a name: {choices}.")


def history(store: Store) -> list[Checkin]:
    """Every check-in, oldest first (the dashboard's trend)."""
    return sorted(store.all(Checkin), key=lambda c: (c.date, c.created))


def previous(store: Store, *, today: date | None = None) -> Checkin | None:
    """The latest check-in before today."""
    day = dates.iso(today or date.today())
    earlier = [c for c in history(store) if c.date < day]
    return earlier[-1] if earlier else None


def is_due(store: Store, *, today: date | None = None) -> bool:
    """True when there has never been a check-in, or the last was a week or more ago."""
    day = today or date.today()
    done = [c for c in history(store) if c.date <= day.isoformat()]
    if not done:
        return True
    return (day - date.fromisoformat(done[-1].date)).days >= DUE_AFTER_DAYS


def save_checkin(
    store: Store,
    content: Content,
    ratings: Mapping[str, int],
    *,
    note: str = "",
    today: date | None = None,
) -> Checkin:
    """Save today's ratings (keys: sign ids, numbers or prefixes) and note.

    Signs left out keep any rating given earlier today; an empty note keeps
    today's earlier note.
    """
    checked: dict[str, int] = {}
    for ref, value in ratings.items():
        sign = find_sign(content, ref)
        if isinstance(value, bool) or not isinstance(value, int) or not LOWEST <= value <= HIGHEST:
            raise HearthsideError(
                f"Rate {sign.id!r} from {LOWEST} (not at all) to {HIGHEST} (very much); "
                f"{str(value)[:10]!r} isn't on that scale."
            )
        checked[sign.id] = value
    validation.check_size(note, "note")
    if not checked and not note.strip():
        raise HearthsideError("Rate at least one sign or write a note; nothing was saved.")
    day = dates.iso(today or date.today())
    # Today's check-in is looked for under the lock: two saves at once make one, not two.
    with store.writing():
        todays = [c for c in history(store) if c.date == day]
        if not todays:
            return store.add(Checkin(date=day, ratings=checked, note=note.strip()))
        checkin = todays[0]
        checkin.ratings = {**checkin.ratings, **checked}
        checkin.note = note.strip() or checkin.note
        return store.save(checkin)


def compare(store: Store, content: Content, *, today: date | None = None) -> Comparison:
    """Today's ratings beside the previous check-in's, sign by sign."""
    day = today or date.today()
    todays = [c for c in history(store) if c.date == day.isoformat()]
    current = todays[0] if todays else None
    before = previous(store, today=day)
    return Comparison(
        current=current,
        previous=before,
        ratings=tuple(
            SignRating(
                sign=sign,
                now=current.ratings.get(sign.id) if current else None,
                before=before.ratings.get(sign.id) if before else None,
            )
            for sign in content.signs
        ),
    )


@dataclass(frozen=True)
class SignHistory:
    sign: Sign
    weeks: tuple[int | None, ...]  # a rating a week, oldest first; None: not rated that week
    trend: str | None  # trends.RISING, STEADY or FALLING; None with fewer than two ratings

    @property
    def line(self) -> str:
        """The weeks as a sparkline, as numbers ("-": not rated), and which way they go."""
        spark = trends.sparkline(self.weeks, low=LOWEST, high=HIGHEST)
        numbers = " ".join("-" if r is None else str(r) for r in self.weeks)
        return f"{spark}   {numbers}   {self.trend or 'too soon to tell'}"


@dataclass(frozen=True)
class CheckinHistory:
    weeks: tuple[date, ...]  # the first day of each week, oldest first
    signs: tuple[SignHistory, ...]  # every sign, in content order
    count: int  # check-ins in those weeks: 0 means there is nothing to show yet

    @property
    def heading(self) -> str:
        if not self.count:
            return (
                "No check-ins in these eight weeks yet. Each weekly check-in (w on Today, or "
                "hearthside checkin) shows up here, sign by sign, so you can see which way "
                "things are heading."
            )
        return (
            f"The last {len(self.weeks)} weeks of check-ins, from "
            f"{date_words.short_day(self.weeks[0])}: 0 not at all to 4 very much, "
            "so lower is calmer."
        )


def sign_history(
    store: Store,
    content: Content,
    *,
    today: date | None = None,
    week_start: int = 0,
    weeks: int = HISTORY_WEEKS,
) -> CheckinHistory:
    """The last ``weeks`` weeks of each sign, side by side: a week's rating is its latest
    check-in's (one rated twice in a week counts once, as it stands at the end)."""
    first = week_start_of(today or date.today(), week_start) - timedelta(weeks=weeks - 1)
    starts = tuple(first + timedelta(weeks=i) for i in range(weeks))
    latest: dict[int, dict[str, int]] = {}
    count = 0
    for checkin in history(store):  # oldest first, so a later one in the week wins
        at = (date.fromisoformat(checkin.date) - first).days // 7
        if 0 <= at < weeks:
            latest.setdefault(at, {}).update(checkin.ratings)
            count += 1
    signs = []
    for sign in content.signs:
        ratings = tuple(latest.get(i, {}).get(sign.id) for i in range(weeks))
        signs.append(SignHistory(sign=sign, weeks=ratings, trend=trends.trend(ratings)))
    return CheckinHistory(weeks=starts, signs=tuple(signs), count=count)
