"""The weekly check-in: rated, saved, and read beside last week's."""

from __future__ import annotations

from datetime import date

import pytest

from hearthside.domain.records import Checkin
from hearthside.errors import HearthsideError
from hearthside.services import checkins
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY

LAST_WEEK = date(2026, 11, 18)


def test_a_check_in_is_offered_when_a_week_has_passed(store: Store, content: Content) -> None:
    assert checkins.is_due(store, today=LAST_WEEK), "never done: offered straight away"
    checkins.save_checkin(store, content, {"frequent-friction": 3}, today=LAST_WEEK)
    assert not checkins.is_due(store, today=LAST_WEEK)
    assert not checkins.is_due(store, today=date(2026, 11, 24))
    assert checkins.is_due(store, today=TODAY)


def test_this_weeks_ratings_sit_beside_last_weeks(store: Store, content: Content) -> None:
    checkins.save_checkin(
        store, content, {"frequent-friction": 3, "thin-talk": 2}, note="busy week", today=LAST_WEEK
    )
    # Signs can be named by number or by the start of their id.
    saved = checkins.save_checkin(
        store, content, {"1": 1, "thin": 2, "little-time": 4}, note="calmer", today=TODAY
    )
    assert saved.ratings == {"frequent-friction": 1, "thin-talk": 2, "little-time": 4}

    comparison = checkins.compare(store, content, today=TODAY)
    assert comparison.previous is not None and comparison.previous.note == "busy week"
    assert comparison.current is not None and comparison.current.id == saved.id
    rows = {r.sign.id: (r.now, r.before) for r in comparison.ratings}
    assert rows == {
        "frequent-friction": (1, 3),
        "thin-talk": (2, 2),
        "feeling-distant": (None, None),
        "little-time": (4, None),
        "holding-back": (None, None),
    }
    assert [c.date for c in checkins.history(store)] == ["2026-11-18", "2026-11-25"]


def test_checking_in_again_the_same_day_adds_to_it(store: Store, content: Content) -> None:
    checkins.save_checkin(store, content, {"1": 2}, note="first thoughts", today=TODAY)
    checkins.save_checkin(store, content, {"1": 1, "5": 0}, today=TODAY)
    (only,) = store.all(Checkin)
    assert only.ratings == {"frequent-friction": 1, "holding-back": 0}
    assert only.note == "first thoughts"


@pytest.mark.parametrize(
    ("ratings", "note", "message"),
    [
        ({"1": 5}, "", r"from 0 \(not at all\) to 4"),
        ({"1": -1}, "", "isn't on that scale"),
        ({"juggling": 2}, "", "isn't one of the signs"),
        ({"9": 2}, "", "isn't one of the signs"),
        ({}, "  ", "Rate at least one sign or write a note"),
    ],
)
def test_bad_ratings_say_what_is_wrong_and_write_nothing(
    store: Store, content: Content, ratings: dict[str, int], note: str, message: str
) -> None:
    with pytest.raises(HearthsideError, match=message):
        checkins.save_checkin(store, content, ratings, note=note, today=TODAY)
    assert store.all(Checkin) == []
