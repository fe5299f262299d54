"""Practices of one's own and the six hours: kept in the journal, counted like the seed's.

Pure tests of the rules (names that can't clash, keys that never change, targets of N a
day, the six hours' minutes), with fixed dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearthside.domain.records import OwnPractice, PracticeLog
from hearthside.domain.targets import Target, parse_target
from hearthside.errors import HearthsideError
from hearthside.services import practice_book
from hearthside.services.practice_book import OwnDraft
from hearthside.services.practices import log_practice
from hearthside.services.six_hours import hours, six_hours_week
from hearthside.services.stats import build_index, dashboard_view, load_index
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY

WALK = OwnDraft("Evening walk", "3 per week", minutes=True, aliases=("walk, stroll",))


def test_a_practice_of_ones_own_joins_the_book_after_the_seed(
    store: Store, content: Content
) -> None:
    made = practice_book.add_own(store, content, WALK)
    assert (made.key, made.target, made.aliases) == (
        "evening-walk",
        "3 per week",
        ["walk", "stroll"],
    )
    book = practice_book.practices(store, content)
    assert [p.id for p in book] == [*(p.id for p in content.practices), "evening-walk"]
    assert practice_book.find(store, content, "stroll").name == "Evening walk"
    assert practice_book.find(store, content, "evening w").minutes


@pytest.mark.parametrize(
    "draft",
    [
        OwnDraft("Hug", "daily"),  # another practice's other name
        OwnDraft("Kind words", "daily"),  # another practice's name, any case
        OwnDraft("Cuddles", "daily", aliases=("affection",)),  # another's id
    ],
)
def test_a_name_another_practice_answers_to_is_refused(
    store: Store, content: Content, draft: OwnDraft
) -> None:
    with pytest.raises(HearthsideError, match="already names"):
        practice_book.add_own(store, content, draft)
    assert store.all(OwnPractice) == []


@pytest.mark.parametrize(
    ("draft", "words"),
    [
        (OwnDraft("   ", "daily"), "needs a name"),
        (OwnDraft("Walk", "sometimes"), "not a target"),
        (OwnDraft("Walk", "0 per week"), "not a target"),
        (OwnDraft("Walk\x1b[31m", "daily"), "control characters"),
        (OwnDraft("Walk", "daily", aliases=("a\x07b",)), "can't be another name"),
    ],
)
def test_what_cant_be_kept_says_why_and_keeps_nothing(
    store: Store, content: Content, draft: OwnDraft, words: str
) -> None:
    with pytest.raises(HearthsideError, match=words):
        practice_book.add_own(store, content, draft)
    assert store.all(OwnPractice) == []


def test_a_renamed_practice_keeps_its_key_and_so_its_logs(store: Store, content: Content) -> None:
    made = practice_book.add_own(store, content, WALK)
    log_practice(store, content, "walk", minutes=40, today=TODAY, day=TODAY)
    changed = practice_book.edit_own(
        store, content, made, OwnDraft("Walk together", "weekly", aliases=("wander",))
    )
    assert (changed.key, changed.name, changed.aliases) == (
        "evening-walk",
        "Walk together",
        ["wander"],
    )
    (log,) = store.all(PracticeLog)
    assert practice_book.name_of(store, content, log.practice) == "Walk together"
    # Its own old names are free to keep; a second practice gets a key of its own.
    again = practice_book.add_own(store, content, OwnDraft("Evening walk", "monthly"))
    assert again.key == "evening-walk-2"


def test_a_practice_put_away_leaves_the_book_but_keeps_its_logs_and_name(
    store: Store, content: Content
) -> None:
    made = practice_book.add_own(store, content, WALK)
    log_practice(store, content, "walk", today=TODAY, day=TODAY)
    practice_book.archive_own(store, made, today=TODAY)
    assert "evening-walk" not in [p.id for p in practice_book.practices(store, content)]
    with pytest.raises(HearthsideError, match=r"put away\. Bring it back first"):
        log_practice(store, content, "walk", today=TODAY, day=TODAY)
    assert len(store.all(PracticeLog)) == 1
    assert practice_book.name_of(store, content, "evening-walk") == "Evening walk"
    (away,) = store.all(OwnPractice)
    assert away.archived == TODAY.isoformat()
    practice_book.archive_own(store, away, undo=True)
    assert "evening-walk" in [p.id for p in practice_book.practices(store, content)]


def test_n_times_a_day_is_a_target_and_a_day_counts_once_it_holds_them(
    store: Store, content: Content
) -> None:
    assert parse_target("2 per day") == Target("day", 2)
    assert parse_target("2 times a day").label == "2 per day"
    practice_book.add_own(store, content, OwnDraft("Pray together", "2 per day"))
    log_practice(store, content, "pray", today=TODAY, day=TODAY)
    view = dashboard_view(load_index(store, content), content, TODAY, today=TODAY, week_start=0)
    (pray,) = [p for p in view.practices if p.practice.id == "pray-together"]
    assert (pray.done, pray.status) == (0, "open")
    log_practice(store, content, "pray", today=TODAY, day=TODAY)
    view = dashboard_view(load_index(store, content), content, TODAY, today=TODAY, week_start=0)
    (pray,) = [p for p in view.practices if p.practice.id == "pray-together"]
    assert (pray.done, pray.streak) == (1, 1)


@pytest.mark.parametrize("week_start", [0, 6])
def test_a_weekly_target_of_ones_own_follows_the_week_start(
    store: Store, content: Content, week_start: int
) -> None:
    practice_book.add_own(store, content, OwnDraft("Walk", "2 per week"))
    sunday = date(2026, 11, 29)
    for day in (date(2026, 11, 28), sunday):  # a Saturday and the Sunday after
        log_practice(store, content, "walk", today=sunday, day=day)
    view = dashboard_view(
        load_index(store, content), content, sunday, today=sunday, week_start=week_start
    )
    (walk,) = [p for p in view.practices if p.practice.id == "walk"]
    # Monday-first: both fall in one week. Sunday-first: Sunday starts a new one.
    assert walk.done == (2 if week_start == 0 else 1)


def test_the_six_hours_budget_and_its_parts(content: Content) -> None:
    six = content.six_hours
    budgets = {p.name: p.budget for p in six.parts}
    assert budgets == {
        "Partings": 10,
        "Reunions": 100,
        "Appreciation": 35,
        "Affection": 35,
        "A date": 120,
        "The weekly talk": 60,
    }
    assert hours(six.budget) == "6 h"
    assert [p.id for p in six.practices] == ["partings", "reunions"]


def test_the_six_hours_count_minutes_logged_or_one_usual_time_each(
    store: Store, content: Content
) -> None:
    days = [TODAY - timedelta(days=2), TODAY]
    logs = [
        PracticeLog(practice="quality-time", date=days[0].isoformat(), minutes=90),
        PracticeLog(practice="quality-time", date=days[1].isoformat()),  # no minutes: 120
        PracticeLog(practice="affection", date=days[1].isoformat()),
        PracticeLog(practice="partings", date=days[1].isoformat()),
        PracticeLog(practice="reunions", date=days[1].isoformat(), minutes=45),
    ]
    index = build_index(content.practices, logs=logs)
    week = six_hours_week(index, content.six_hours, [d.isoformat() for d in days])
    minutes = {p.part.name: p.minutes for p in week.parts}
    assert minutes == {
        "Partings": 2,
        "Reunions": 45,
        "Appreciation": 0,
        "Affection": 5,
        "A date": 210,
        "The weekly talk": 0,
    }
    assert week.thin is not None and week.thin.part.name == "Appreciation"  # first of the empty
    assert week.verdict == "4 h 22 of 6 h. Thinnest so far: appreciation (0 of 35 min)."


def test_a_week_with_every_part_full_has_no_thin_part(content: Content) -> None:
    day = TODAY.isoformat()
    logs = [
        PracticeLog(practice=part.practice, date=day, minutes=part.budget)
        for part in content.six_hours.parts
    ]
    week = six_hours_week(build_index(content.practices, logs=logs), content.six_hours, [day])
    assert week.thin is None and "every part has its time" in week.verdict


def test_the_six_hours_show_only_when_switched_on(store: Store, content: Content) -> None:
    def view_six() -> object:
        index = load_index(store, content)
        return dashboard_view(index, content, TODAY, today=TODAY, week_start=0).six_hours

    assert view_six() is None
    assert "partings" not in [p.id for p in practice_book.practices(store, content)]
    settings = store.settings()
    settings.six_hours = True
    store.save_settings(settings)
    assert view_six() is not None
    assert [p.id for p in practice_book.practices(store, content)][-2:] == ["partings", "reunions"]


@given(st.integers(min_value=0, max_value=100_000))
def test_hours_reads_back_to_the_minutes(minutes: int) -> None:
    words = hours(minutes)
    if words.endswith(" min"):
        assert int(words.removesuffix(" min")) == minutes < 60
    else:
        whole, _, rest = words.partition(" h")
        assert int(whole) * 60 + int(rest or 0) == minutes


@given(st.text(min_size=1, max_size=60))
def test_any_name_gets_a_key_a_log_can_store(name: str) -> None:
    key = practice_book._new_key(name, {"affection", "practice"})
    assert key and len(key) <= practice_book.MAX_KEY + 4
    assert key.replace("-", "").isalnum() and key.isascii() and key == key.lower()
    assert key not in {"affection", "practice"}
