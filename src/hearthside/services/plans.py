"""Commitments (keeping promises builds trust) and milestones (the days that matter).

A commitment is due on a date and may repeat (``recurrence``); each occurrence is
done, missed, or not yet marked. A milestone is a date, repeating yearly where it
applies (anniversaries and birthdays by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hearthside.domain import dates, recurrence, validation
from hearthside.domain.records import Commitment, CommitmentStatus, Milestone
from hearthside.errors import HearthsideError
from hearthside.store.store import Store
from hearthside.texts.items import MilestoneKind
from hearthside.texts.library import Content

FOLLOW_THROUGH_WEEKS = 8
UPCOMING_DAYS = 14
# The Today room lists what is due in the coming week: today and the six days after.
WEEK_AHEAD_DAYS = 6


@dataclass(frozen=True)
class Due:
    commitment: Commitment
    on: date  # the occurrence waiting to be marked
    overdue: bool


@dataclass(frozen=True)
class FollowThrough:
    done: int
    due: int  # occurrences whose day has passed, plus any marked early

    @property
    def rate(self) -> float | None:
        """Done out of due, or None when nothing has been due yet."""
        return self.done / self.due if self.due else None


@dataclass(frozen=True)
class Upcoming:
    milestone: Milestone
    on: date
    days_away: int
    years: int | None  # for yearly milestones: years since the first one (0 on the first)
    suggestion: str | None  # from the kind's own words in content, the day before only


# -- commitments -------------------------------------------------------------


def add_commitment(
    store: Store,
    title: str,
    *,
    due: str | date,
    every: str | None = None,
    today: date | None = None,
) -> Commitment:
    return store.add(_checked_commitment(store, title, due=due, every=every, today=today))


def _checked_commitment(
    store: Store, title: str, *, due: str | date, every: str | None, today: date | None
) -> Commitment:
    """A commitment as typed, checked: the one rule for making and changing one."""
    validation.required_text(title, "commitment's title")
    when = validation.user_date(due, store.settings(), today=today, ahead=True)
    return Commitment(
        title=title.strip(), due=dates.iso(when), every=recurrence.normalise(every, when)
    )


def edit_commitment(
    store: Store,
    ref: str,
    title: str,
    *,
    due: str | date,
    every: str | None = None,
    today: date | None = None,
) -> Commitment:
    """Change a commitment's words, date or repeat, by the rules ``add_commitment`` follows.

    A one-off moved to another day is open again for that day: rescheduling is how a
    missed promise gets a new time. A repeating one keeps its marks.
    """
    new = _checked_commitment(store, title, due=due, every=every, today=today)

    def change(commitment: Commitment) -> None:
        moved = commitment.due != new.due
        commitment.title, commitment.due, commitment.every = new.title, new.due, new.every
        if new.every is None and moved:
            commitment.done_dates, commitment.missed_dates = [], []
            commitment.status = CommitmentStatus.OPEN
        elif new.every is not None:
            # Repeating, it is never done or missed as a whole.
            commitment.status = CommitmentStatus.OPEN

    return store.update(Commitment, find_commitment(store, ref).id, change)


def find_commitment(store: Store, ref: str) -> Commitment:
    """A commitment by id or by an unambiguous prefix of at least four characters."""
    return store.get(Commitment, ref, include_deleted=False)


def current_occurrence(commitment: Commitment, today: date) -> date | None:
    """The occurrence to list and to mark next, or None when nothing is left to mark.

    That is the latest one on or before today if it isn't marked yet; otherwise
    the next one after today (marking it is doing it early). An older unmarked
    occurrence stops being shown once a newer one arrives, and counts as not done.
    """
    marked = {*commitment.done_dates, *commitment.missed_dates}
    start = date.fromisoformat(commitment.due)
    if commitment.every is None:
        return (
            start
            if commitment.status is CommitmentStatus.OPEN and commitment.due not in marked
            else None
        )
    latest = recurrence.latest_on_or_before(start, commitment.every, today)
    if latest is not None and latest.isoformat() not in marked:
        return latest
    return next(
        (
            day
            for day in recurrence.days_after(start, commitment.every, today)
            if day.isoformat() not in marked
        ),
        None,
    )


def due_commitments(store: Store, *, today: date | None = None, within: int = 0) -> list[Due]:
    """What to list: overdue and due occurrences, and those up to ``within`` days ahead."""
    day = today or date.today()
    horizon = day + timedelta(days=within)
    found = []
    for commitment in store.all(Commitment):
        on = current_occurrence(commitment, day)
        if on is not None and on <= horizon:
            found.append(Due(commitment, on, on < day))
    found.sort(key=lambda d: (d.on, d.commitment.title.casefold()))
    return found


def mark_done(store: Store, ref: str, *, today: date | None = None) -> tuple[Commitment, date]:
    """Mark the current occurrence (see ``current_occurrence``) done."""
    return _mark(store, ref, done=True, today=today or date.today())


def mark_missed(store: Store, ref: str, *, today: date | None = None) -> tuple[Commitment, date]:
    """Mark the current occurrence as not happening."""
    return _mark(store, ref, done=False, today=today or date.today())


def _mark(store: Store, ref: str, *, done: bool, today: date) -> tuple[Commitment, date]:
    marked: list[date] = []

    def mark(commitment: Commitment) -> None:
        # The stored copy, under the lock: a mark saved a moment ago by another
        # `hearthside done` is seen, and this one goes to the next occurrence.
        on = current_occurrence(commitment, today)
        if on is None:
            where = (
                f"already {commitment.status}"
                if commitment.every is None
                else "past its last date, with every date marked"
            )
            raise HearthsideError(
                f"{commitment.title[:40]!r} has nothing left to mark: it is {where}."
            )
        if done:
            commitment.done_dates = sorted({*commitment.done_dates, on.isoformat()})
        else:
            commitment.missed_dates = sorted({*commitment.missed_dates, on.isoformat()})
        if commitment.every is None:
            commitment.status = CommitmentStatus.DONE if done else CommitmentStatus.MISSED
        marked.append(on)

    saved = store.update(Commitment, find_commitment(store, ref).id, mark)
    return saved, marked[-1]


def unmark(store: Store, ref: str, on: date) -> Commitment:
    """Take back a mark made for ``on`` (done or missed): the undo of ``mark_*``."""
    commitment = find_commitment(store, ref)
    day = on.isoformat()
    commitment.done_dates = [d for d in commitment.done_dates if d != day]
    commitment.missed_dates = [d for d in commitment.missed_dates if d != day]
    if commitment.every is None:
        commitment.status = CommitmentStatus.OPEN
    return store.save(commitment)


def unmark_latest(store: Store, ref: str, *, done: bool) -> tuple[Commitment, date]:
    """Take back the latest done (or missed) mark: the command line's undo."""
    commitment = find_commitment(store, ref)
    marks = commitment.done_dates if done else commitment.missed_dates
    if not marks:
        what = "done" if done else "missed"
        raise HearthsideError(f"{commitment.title[:40]!r} has no date marked {what} to take back.")
    on = date.fromisoformat(max(marks))
    return unmark(store, commitment.id, on), on


def follow_through(
    store: Store, *, today: date | None = None, weeks: int = FOLLOW_THROUGH_WEEKS
) -> FollowThrough:
    """Done occurrences out of due ones over the last ``weeks`` weeks, today included.

    Today's occurrence counts only once it is marked: the day isn't over yet.
    """
    day = today or date.today()
    first = day - timedelta(weeks=weeks) + timedelta(days=1)
    done = due = 0
    for commitment in store.all(Commitment):
        start = date.fromisoformat(commitment.due)
        for on in recurrence.occurrences(start, commitment.every, first, day):
            if on.isoformat() in commitment.done_dates:
                done += 1
                due += 1
            elif on < day or on.isoformat() in commitment.missed_dates:
                due += 1
    return FollowThrough(done, due)


# -- milestones --------------------------------------------------------------


def milestone_kind(content: Content, ref: str) -> MilestoneKind:
    wanted = ref.strip().lower()
    for kind in content.milestone_kinds:
        if wanted in (kind.id, kind.label.lower()):
            return kind
    names = ", ".join(k.id for k in content.milestone_kinds)
    raise HearthsideError(f"There is no milestone kind {ref[:30]!r}. Choose one of: {names}.")


def add_milestone(
    store: Store,
    content: Content,
    title: str,
    *,
    day: str | date,
    kind: str = "event",
    yearly: bool | None = None,
    today: date | None = None,
) -> Milestone:
    """Save a milestone; ``yearly`` left as None takes the kind's default from content."""
    made = _checked_milestone(store, content, title, day=day, kind=kind, yearly=yearly, today=today)
    return store.add(made)


def _checked_milestone(
    store: Store,
    content: Content,
    title: str,
    *,
    day: str | date,
    kind: str,
    yearly: bool | None,
    today: date | None,
) -> Milestone:
    """A milestone as typed, checked: the one rule for making and changing one."""
    validation.required_text(title, "milestone's title")
    found = milestone_kind(content, kind)
    when = validation.user_date(day, store.settings(), today=today)
    return Milestone(
        title=title.strip(),
        date=dates.iso(when),
        yearly=found.yearly if yearly is None else yearly,
        kind=found.id,
    )


def edit_milestone(
    store: Store,
    content: Content,
    ref: str,
    title: str,
    *,
    day: str | date,
    kind: str,
    yearly: bool | None = None,
    today: date | None = None,
) -> Milestone:
    """Change a milestone, checked as ``add_milestone`` checks a new one."""
    new = _checked_milestone(store, content, title, day=day, kind=kind, yearly=yearly, today=today)

    def change(milestone: Milestone) -> None:
        milestone.title, milestone.date = new.title, new.date
        milestone.kind, milestone.yearly = new.kind, new.yearly

    return store.update(Milestone, store.get(Milestone, ref, include_deleted=False).id, change)


def on_year(first: date, year: int) -> date:
    """``first``'s month and day in ``year``.

    A milestone on 29 February falls on 28 February in years without one, so a
    leap-day birthday is still marked every year, and on a day of February.
    """
    try:
        return first.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def next_occurrence(milestone: Milestone, today: date) -> date | None:
    """The milestone's next date on or after ``today``; None once a one-off has passed."""
    first = date.fromisoformat(milestone.date)
    if first >= today:
        return first
    if not milestone.yearly:
        return None
    this_year = on_year(first, today.year)
    return this_year if this_year >= today else on_year(first, today.year + 1)


def upcoming_milestones(
    store: Store, content: Content, *, today: date | None = None, days: int = UPCOMING_DAYS
) -> list[Upcoming]:
    """Milestones from today to ``days`` days ahead, soonest first."""
    day = today or date.today()
    kinds = {k.id: k for k in content.milestone_kinds}
    found = []
    for milestone in store.all(Milestone):
        on = next_occurrence(milestone, day)
        if on is None or (on - day).days > days:
            continue
        away = (on - day).days
        kind = kinds.get(milestone.kind)
        suggestion = None
        if away == 1 and kind is not None:
            # One a year in turn, so a yearly day brings fresh words.
            suggestion = kind.suggestions[on.year % len(kind.suggestions)]
            # Titles are often written lower case ("our anniversary") and open the sentence.
            suggestion = suggestion.replace("{title}", milestone.title)
            suggestion = suggestion[:1].upper() + suggestion[1:]
        found.append(
            Upcoming(
                milestone=milestone,
                on=on,
                days_away=away,
                years=on.year - int(milestone.date[:4]) if milestone.yearly else None,
                suggestion=suggestion,
            )
        )
    found.sort(key=lambda u: (u.on, u.milestone.title.casefold()))
    return found
