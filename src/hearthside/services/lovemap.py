"""The love map: what you have learned about your spouse, topic by topic.

Each thing learned keeps the day it was learned and the day it was last found still
true; each topic is as fresh as the last new thing learned there. The app and
``hearthside learned`` / ``hearthside lovemap`` both come here, so they agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from hearthside.domain import dates, validation
from hearthside.domain.records import Learned
from hearthside.store.store import Store
from hearthside.texts.library import Content
from hearthside.texts.lovemap import LoveMapTopic


def weeks_since(learned: Iterable[date], today: date) -> int | None:
    """Whole weeks since the latest of the days ``learned`` (None when there are none).

    A day after ``today`` (a clock moved back, an imported file) counts as this week.
    """
    latest = max(learned, default=None)
    if latest is None:
        return None
    return max((today - latest).days, 0) // 7


def freshness_words(weeks: int | None) -> str:
    """How fresh a topic is, in words: "learned something 3 weeks ago", "nothing yet"."""
    if weeks is None:
        return "nothing yet"
    if weeks == 0:
        return "learned something this week"
    if weeks == 1:
        return "learned something a week ago"
    return f"learned something {weeks} weeks ago"


@dataclass(frozen=True)
class TopicMap:
    """One topic, what is known under it (oldest first), and how fresh it is."""

    topic: LoveMapTopic
    items: tuple[Learned, ...]
    weeks: int | None

    @property
    def freshness(self) -> str:
        return freshness_words(self.weeks)


def learn(
    store: Store,
    content: Content,
    topic: str,
    text: str,
    *,
    day: str | date | None = None,
    today: date | None = None,
) -> Learned:
    """Keep something learned under ``topic`` (an id, a title or the start of one)."""
    found = content.lovemap_topic(topic)
    words = validation.required_text(text, "thing you learned").strip()
    when = validation.user_date(day, store.settings(), today=today)
    validation.past_or_today(when, "thing learned", today=today)
    return store.add(Learned(topic=found.id, text=words, date=dates.iso(when)))


def confirm(store: Store, ref: str, *, today: date | None = None) -> Learned:
    """Still true: the day it was last found so becomes today."""
    on = dates.iso(today or date.today())
    found = store.get(Learned, ref, include_deleted=False)
    return store.update(Learned, found.id, lambda fresh: setattr(fresh, "confirmed", on))


def change_text(store: Store, ref: str, text: str) -> Learned:
    words = validation.required_text(text, "thing you learned").strip()
    found = store.get(Learned, ref, include_deleted=False)
    return store.update(Learned, found.id, lambda fresh: setattr(fresh, "text", words))


def love_map(
    store: Store, content: Content, *, today: date, only: str | None = None
) -> list[TopicMap]:
    """Every topic in the content's order (or just ``only``), with what is known there.

    Things kept under a topic the content folder no longer has are left out here;
    they stay in the journal and come back if the topic does.
    """
    topics = [content.lovemap_topic(only)] if only is not None else content.lovemap_topics
    by_topic: dict[str, list[Learned]] = {}
    for item in store.all(Learned):
        by_topic.setdefault(item.topic, []).append(item)
    maps = []
    for topic in topics:
        items = sorted(by_topic.get(topic.id, []), key=lambda i: (i.date, i.created))
        weeks = weeks_since((date.fromisoformat(i.date) for i in items), today)
        maps.append(TopicMap(topic, tuple(items), weeks))
    return maps


def last_learned(store: Store, *, before: date) -> dict[str, date | None]:
    """The day something new was last learned in each love-map topic, before ``before``
    (so learning something today leaves today's question as it was)."""
    latest: dict[str, date | None] = {}
    for item in store.all(Learned):
        day = date.fromisoformat(item.date)
        known = latest.get(item.topic)
        if day < before and (known is None or day > known):
            latest[item.topic] = day
    return latest
