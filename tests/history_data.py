"""A journal with a few weeks of check-ins and daily reviews, for the history stories."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hearthside.services import checkins
from hearthside.services.review import session as review
from hearthside.store.store import Store
from hearthside.texts.library import Content

# Talk stuck on logistics went 1, 2, 3 (rising); arguments 3, 2, 1 (falling).
CHECKINS = {
    date(2026, 11, 4): {"thin-talk": 1, "frequent-friction": 3},
    date(2026, 11, 11): {"thin-talk": 2, "frequent-friction": 2},
    date(2026, 11, 25): {"thin-talk": 3, "frequent-friction": 1},
}
# Weeks from Mon 5 Oct to the week of 23 Nov; the 4th, 11th and 25th in three of them.
TALK_LINE = "····▃▅·▆   - - - - 1 2 - 3   rising"
FRICTION_LINE = "····▆▅·▃   - - - - 3 2 - 1   falling"


def with_checkins(home: Path) -> None:
    store = Store(home)
    try:
        for day, ratings in CHECKINS.items():
            checkins.save_checkin(store, Content(), ratings, today=day)
    finally:
        store.close()


def with_reviews(home: Path) -> None:
    """Reviews on Fri 20 Nov (closeness 3) and Tue 24 Nov (a hug, closeness 4)."""
    store, content = Store(home), Content()
    try:
        for day, hugs, closeness in ((date(2026, 11, 20), [], 3), (date(2026, 11, 24), ["hug"], 4)):
            state = review.start(store, content, today=day)
            review.save_practices(store, content, state, hugs)
            review.save_closeness(store, state, closeness, "")
    finally:
        store.close()
