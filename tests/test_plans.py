"""Commitments and milestones: what is due, what was kept, and the days that matter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from hearthside.domain.records import Commitment, Milestone
from hearthside.errors import HearthsideError
from hearthside.services import plans
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_a_weekly_date_night_is_due_on_its_days_across_a_month_boundary(store: Store) -> None:
    night = plans.add_commitment(store, "Date night", due="2026-11-27", every="weekly", today=TODAY)
    due_on = []
    for day in days(TODAY, date(2026, 12, 14)):
        listed = plans.due_commitments(store, today=day)
        if listed:
            (item,) = listed
            assert item.commitment.id == night.id and item.on == day and not item.overdue
            due_on.append(day)
            plans.mark_done(store, night.id, today=day)
    assert due_on == [date(2026, 11, 27), date(2026, 12, 4), date(2026, 12, 11)]
    assert store.get(Commitment, night.id).done_dates == ["2026-11-27", "2026-12-04", "2026-12-11"]


def test_an_unmarked_date_stays_overdue_until_the_next_one_comes(store: Store) -> None:
    night = plans.add_commitment(store, "Date night", due="2026-11-27", every="weekly", today=TODAY)
    (late,) = plans.due_commitments(store, today=date(2026, 12, 1))
    assert late.on == date(2026, 11, 27) and late.overdue
    (now,) = plans.due_commitments(store, today=date(2026, 12, 4))
    assert now.on == date(2026, 12, 4) and not now.overdue
    # Marking done on a day nothing is waiting does the next date early.
    plans.mark_done(store, night.id, today=date(2026, 12, 4))
    _, early = plans.mark_done(store, night.id[:6], today=date(2026, 12, 5))
    assert early == date(2026, 12, 11)


def test_a_one_off_promise_is_overdue_until_marked_and_then_closed(store: Store) -> None:
    shelf = plans.add_commitment(store, "Fix the shelf", due="2026-11-20", today=TODAY)
    (item,) = plans.due_commitments(store, today=TODAY)
    assert item.overdue and item.on == date(2026, 11, 20)
    plans.mark_missed(store, shelf.id, today=TODAY)
    assert plans.due_commitments(store, today=TODAY) == []
    with pytest.raises(HearthsideError, match="nothing left to mark: it is already missed"):
        plans.mark_done(store, shelf.id, today=TODAY)


def test_upcoming_commitments_look_ahead_when_asked(store: Store) -> None:
    plans.add_commitment(store, "Book the restaurant", due="2026-12-03", today=TODAY)
    assert plans.due_commitments(store, today=TODAY) == []
    (ahead,) = plans.due_commitments(store, today=TODAY, within=14)
    assert ahead.on == date(2026, 12, 3) and not ahead.overdue


def test_follow_through_over_the_last_eight_weeks(store: Store) -> None:
    # Fridays from 2 October: eight of them up to 20 November, all inside the window.
    night = plans.add_commitment(store, "Date night", due="2026-10-02", every="weekly", today=TODAY)
    fridays = [date(2026, 10, 2) + timedelta(weeks=n) for n in range(8)]
    for friday in fridays[:6]:
        plans.mark_done(store, night.id, today=friday)
    plans.mark_missed(store, night.id, today=fridays[6])
    # fridays[7] was never marked: it counts as not done.
    chores = plans.add_commitment(store, "Bins out", due=TODAY, today=TODAY)

    result = plans.follow_through(store, today=TODAY)
    assert (result.done, result.due) == (6, 8)
    assert result.rate == pytest.approx(0.75)
    plans.mark_done(store, chores.id, today=TODAY)
    kept = plans.follow_through(store, today=TODAY)
    assert (kept.done, kept.due) == (7, 9), "today's promise counts once it is marked"
    # Ten weeks on, only the last eight count.
    later = plans.follow_through(store, today=TODAY + timedelta(weeks=2))
    assert later.due == 6 + 2 + 1  # Oct 16 onwards, the bins, and two new unmarked Fridays
    assert plans.follow_through(Store(store.home), today=date(2026, 1, 1)).rate is None


def test_milestones_in_the_next_fourteen_days(store: Store, content: Content) -> None:
    plans.add_milestone(
        store, content, "Our anniversary", day="2015-12-01", kind="anniversary", today=TODAY
    )
    plans.add_milestone(
        store, content, "Sam's birthday", day="1990-11-24", kind="birthday", today=TODAY
    )
    plans.add_milestone(store, content, "Sam's race", day="2026-12-09", today=TODAY)
    plans.add_milestone(store, content, "Sam's exam", day="2026-12-10", today=TODAY)
    plans.add_milestone(store, content, "Old talk", day="2026-11-01", today=TODAY)
    plans.add_milestone(store, content, "Today's party", day=TODAY, today=TODAY)

    found = plans.upcoming_milestones(store, content, today=TODAY)
    assert [(u.milestone.title, u.on.isoformat(), u.days_away, u.years) for u in found] == [
        ("Today's party", "2026-11-25", 0, None),
        ("Our anniversary", "2026-12-01", 6, 11),
        ("Sam's race", "2026-12-09", 14, None),
    ]
    assert [m.yearly for m in store.all(Milestone)] == [True, True, False, False, False, False]


def test_a_29_february_milestone_falls_on_28_february_in_other_years(
    store: Store, content: Content
) -> None:
    leap = plans.add_milestone(
        store, content, "Alex's birthday", day="2000-02-29", kind="birthday", today=TODAY
    )
    assert plans.next_occurrence(leap, date(2027, 2, 1)) == date(2027, 2, 28)
    assert plans.next_occurrence(leap, date(2028, 2, 1)) == date(2028, 2, 29)
    assert plans.next_occurrence(leap, date(2027, 3, 1)) == date(2028, 2, 29)
    (soon,) = plans.upcoming_milestones(store, content, today=date(2027, 2, 27))
    assert (soon.on, soon.days_away, soon.years) == (date(2027, 2, 28), 1, 27)
    assert soon.suggestion is not None


def test_the_day_before_brings_a_gentle_suggestion_from_content(
    store: Store, content: Content
) -> None:
    plans.add_milestone(store, content, "Sam's presentation", day="2026-11-26", today=TODAY)
    (tomorrow,) = plans.upcoming_milestones(store, content, today=TODAY)
    words = {k.id: k.suggestions for k in content.milestone_kinds}["event"]
    assert tomorrow.suggestion in [w.replace("{title}", "Sam's presentation") for w in words]
    (on_the_day,) = plans.upcoming_milestones(store, content, today=TODAY + timedelta(days=1))
    assert on_the_day.suggestion is None


def test_a_lower_case_title_still_opens_the_suggestion_with_a_capital(
    store: Store, content: Content
) -> None:
    plans.add_milestone(
        store, content, "our anniversary", day="2020-11-26", kind="anniversary", today=TODAY
    )
    (item,) = plans.upcoming_milestones(store, content, today=TODAY)
    assert item.suggestion is not None and item.suggestion.startswith("Our anniversary is tomorrow")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda s, c: plans.add_commitment(s, "  ", due="today"), "title is empty"),
        (lambda s, c: plans.add_commitment(s, "x", due="flurb"), "Couldn't read"),
        (
            lambda s, c: plans.add_commitment(s, "x", due="today", every="sometimes"),
            "isn't a repeat",
        ),
        (lambda s, c: plans.mark_done(s, "deadbeef"), "No commitment has the id"),
        (
            lambda s, c: plans.add_milestone(s, c, "x", day="today", kind="wedding"),
            "no milestone kind 'wedding'",
        ),
        (lambda s, c: plans.add_milestone(s, c, "", day="today"), "title is empty"),
    ],
)
def test_bad_input_says_what_to_do_and_writes_nothing(
    store: Store, content: Content, make: Callable[[Store, Content], object], message: str
) -> None:
    with pytest.raises(HearthsideError, match=message):
        make(store, content)
    assert store.all(Commitment) == [] and store.all(Milestone) == []


@pytest.mark.parametrize("kind", ["anniversary", "birthday", "event"])
def test_each_kind_brings_its_own_suggestions(store: Store, content: Content, kind: str) -> None:
    plans.add_milestone(
        store, content, "The day we met", day="2026-11-26", kind=kind, yearly=True, today=TODAY
    )
    own = {k.id: k.suggestions for k in content.milestone_kinds}
    said = []
    for year in (2026, 2027, 2028):
        (soon,) = plans.upcoming_milestones(store, content, today=date(year, 11, 25))
        assert soon.suggestion is not None
        said.append(soon.suggestion)
    for words in said:
        assert words.removeprefix("The day we met") in [
            w.removeprefix("{title}") for w in own[kind]
        ]
        # An event may be shared, like the day you met: no nerves to steady, nothing to ask
        # about afterwards.
        assert "nerves" not in words and "how it went" not in words
    assert len(set(said)) == min(3, len(own[kind])), "a yearly day brings fresh words each year"


def test_a_missed_promise_moved_to_another_day_is_open_again_there(store: Store) -> None:
    gate = plans.add_commitment(store, "Fix the gate", due="2026-11-24", today=TODAY)
    plans.mark_missed(store, gate.id, today=TODAY)
    moved = plans.edit_commitment(store, gate.id, " Fix the gate ", due="saturday", today=TODAY)
    assert (moved.title, moved.due, moved.status) == ("Fix the gate", "2026-11-28", "open")
    assert (moved.done_dates, moved.missed_dates) == ([], [])
    [(due)] = plans.due_commitments(store, today=TODAY, within=plans.WEEK_AHEAD_DAYS)
    assert due.on == date(2026, 11, 28)


def test_a_repeating_promise_changed_keeps_the_dates_it_was_kept(store: Store) -> None:
    night = plans.add_commitment(store, "Date night", due="2026-11-20", every="weekly", today=TODAY)
    plans.mark_done(store, night.id, today=date(2026, 11, 20))
    changed = plans.edit_commitment(
        store, night.id, "Date night out", due="2026-11-20", every="fortnightly", today=TODAY
    )
    assert (changed.every, changed.done_dates) == ("fortnightly", ["2026-11-20"])


@pytest.mark.parametrize(
    ("title", "due", "every", "words"),
    [
        ("", "today", None, "title"),
        ("Walk", "someday", None, "someday"),
        ("Walk", "today", "now and then", "isn't a repeat Hearthside understands"),
    ],
)
def test_a_change_refused_changes_nothing(
    store: Store, title: str, due: str, every: str | None, words: str
) -> None:
    walk = plans.add_commitment(store, "Walk", due="2026-11-26", today=TODAY)
    with pytest.raises(HearthsideError, match=words):
        plans.edit_commitment(store, walk.id, title, due=due, every=every, today=TODAY)
    assert store.get(Commitment, walk.id) == walk


def test_a_milestone_changed_is_checked_as_a_new_one_is(store: Store, content: Content) -> None:
    day = plans.add_milestone(store, content, "Sam's talk", day="2026-12-03", today=TODAY)
    changed = plans.edit_milestone(
        store, content, day.id, "Our anniversary", day="2015-06-20", kind="anniversary", yearly=True
    )
    assert (changed.title, changed.date, changed.kind, changed.yearly) == (
        "Our anniversary",
        "2015-06-20",
        "anniversary",
        True,
    )
    with pytest.raises(HearthsideError, match="no milestone kind"):
        plans.edit_milestone(store, content, day.id, "x", day="today", kind="party", yearly=False)
    assert store.get(Milestone, day.id) == changed
