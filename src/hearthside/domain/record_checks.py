"""The rules a whole record is held to, however it arrives: imported, read back or
about to be saved.

So a file from anyone, or a journal file edited by hand, can hold nothing that
typing couldn't: no date outside 1900 to 2200, no kind or status that isn't on its
list, no tag or name with a control character, nothing over 1 MB, no repeat finer
than a day. Problems name the field, never the words in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

from hearthside.domain import dates, recurrence, targets
from hearthside.domain.document_shape import shape, shape_problem
from hearthside.domain.records import (
    MAX_MOMENTS,
    Answers,
    Bid,
    Checkin,
    Commitment,
    Entry,
    Evening,
    FavouriteQuestion,
    Learned,
    Milestone,
    Moment,
    Note,
    OwnPractice,
    Pause,
    PracticeLog,
    Record,
    Review,
    WeeklyTalk,
)
from hearthside.domain.validation import (
    HIGHEST_RATING,
    ID,
    LOWEST_RATING,
    MAX_DAYS,
    MAX_DEPTH,
    MAX_IDS,
    MAX_ITEMS,
    MAX_MINUTES,
    MAX_NAME,
    MAX_PATH,
    MAX_PAUSE_DAYS,
    MAX_STEP,
    MAX_TAGS,
    name_problem,
    plain_line,
    tag_problem,
    text_too_big,
)
from hearthside.errors import HearthsideError

# Ids from the content folder: note kinds, milestone kinds, practices, signs, questions.
_CONTENT_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_FIRST_DAY, _LAST_DAY = f"{dates.MIN_YEAR}-01-01", f"{dates.MAX_YEAR}-12-31"
# Where an evening of questions got to: content may hold more than 36, never this many.
MAX_EVENING_QUESTION = 999
_MAX_MOMENT = 40  # characters in an ISO 8601 moment with an offset and microseconds


def day_problem(value: str) -> str | None:
    """Why ``value`` isn't a stored day (``2026-11-24``, 1900 to 2200), or None."""
    if not _DAY.fullmatch(value):
        return "is not a date like 2026-11-24"
    try:
        date.fromisoformat(value)
    except ValueError:
        return "is not a date like 2026-11-24"
    if not _FIRST_DAY <= value <= _LAST_DAY:
        return f"is outside the years {dates.MIN_YEAR} to {dates.MAX_YEAR}"
    return None


def moment_problem(value: str) -> str | None:
    """Why ``value`` isn't a stored moment (ISO 8601, 1900 to 2200), or None."""
    try:
        moment = datetime.fromisoformat(value) if len(value) <= _MAX_MOMENT else None
    except ValueError:
        moment = None
    if moment is None:
        return "is not a time like 2026-11-24T21:05:00+00:00"
    if not dates.MIN_YEAR <= moment.year <= dates.MAX_YEAR:
        return f"is outside the years {dates.MIN_YEAR} to {dates.MAX_YEAR}"
    return None


def doc_problem(cls: type[Record], doc: Any) -> str | None:
    """The first problem with ``doc`` (a stored or imported document) as a ``cls``."""
    return shape_problem(cls, doc) or _value_problem(cls, doc)


def record_problem(record: Record) -> str | None:
    """The first problem with a record about to be saved."""
    return doc_problem(type(record), record.to_doc())


def listed_problem(name: str, value: str, allowed: list[str]) -> str | None:
    return None if value in allowed else f"its {name!r} isn't one of {', '.join(allowed)}"


# -- the values in a document whose shape fits ------------------------------------------------

Doc = dict[str, Any]
Problems = Iterator[str | None]


def _value_problem(cls: type[Record], doc: Doc) -> str | None:
    for found in _common(doc):
        if found is not None:
            return found
    for found in _CHECKS[cls](doc):
        if found is not None:
            return found
    return None


def _common(doc: Doc) -> Problems:
    yield None if ID.fullmatch(doc.get("id", "")) else "it has no 'id' Hearthside can use"
    for name in ("created", "updated"):
        yield _moment(doc, name, optional=True)
    yield _moment(doc, "deleted_at")


def _day(doc: Doc, name: str) -> str | None:
    found = day_problem(doc[name])
    return None if found is None else f"its {name!r} {found}"


def _moment(doc: Doc, name: str, *, optional: bool = False) -> str | None:
    value = doc.get(name)
    if value is None or (optional and value == ""):
        return None
    found = moment_problem(value)
    return None if found is None else f"its {name!r} {found}"


def _text(doc: Doc, *names: str) -> str | None:
    for name in names:
        if text_too_big(doc.get(name) or ""):
            return f"its {name!r} is over 1 MB, more than Hearthside keeps in one record"
    return None


def _between(doc: Doc, name: str, low: int, high: int) -> str | None:
    value = doc.get(name)
    if value is None or low <= value <= high:
        return None
    return f"its {name!r} should be from {low} to {high}"


def _content_id(doc: Doc, name: str) -> str | None:
    if _CONTENT_ID.fullmatch(doc[name]):
        return None
    like = {"kind": "gratitude", "topic": "dreams"}.get(name, "affection")
    return f"its {name!r} isn't a name like {like}"


def _days(doc: Doc, name: str) -> str | None:
    days = doc.get(name, [])
    if len(days) > MAX_DAYS:
        return f"its {name!r} lists more days than the calendar holds"
    return next((f"its {name!r} has a day that {p}" for d in days if (p := day_problem(d))), None)


def _entry(doc: Doc) -> Problems:
    yield _day(doc, "date")
    yield _text(doc, "title", "body")
    tags = doc.get("tags", [])
    if len(tags) > MAX_TAGS:
        yield f"it has more than {MAX_TAGS} tags"
    yield next((f"its 'tags' break a rule: {p}" for t in tags if (p := tag_problem(t))), None)
    yield _between(doc, "closeness", 1, 5)
    steps = doc.get("steps", [])
    if len(steps) > MAX_STEP or not all(1 <= n <= MAX_STEP for n in steps):
        yield f"its 'steps' should be strategy numbers from 1 to {MAX_STEP}"


def _note(doc: Doc) -> Problems:
    yield _content_id(doc, "kind")
    yield _day(doc, "date")
    yield _text(doc, "text", "occasion")
    yield _between(doc, "step", 1, MAX_STEP)
    how = doc.get("delivered_how")
    if how is not None and (len(how) > 2 * MAX_NAME or not plain_line(how)):
        yield "its 'delivered_how' should be a few plain words"
    sender = doc.get("sender")
    if sender is not None and name_problem(sender) is not None:
        yield f"its 'sender' should be a name of up to {MAX_NAME} characters, in plain words"
    yield _moment(doc, "delivered_at")
    yield _moment(doc, "shared_at")
    folder = doc.get("shared_in")
    if folder is not None and (len(folder) > MAX_PATH or not plain_line(folder)):
        yield "its 'shared_in' should be the path of a folder"


def _practice_log(doc: Doc) -> Problems:
    yield _content_id(doc, "practice")
    yield _day(doc, "date")
    yield _between(doc, "minutes", 1, MAX_MINUTES)
    yield _text(doc, "note")


def _moment_record(doc: Doc) -> Problems:
    yield _day(doc, "date")
    yield _text(doc, "text")


def _bid(doc: Doc) -> Problems:
    yield _day(doc, "date")
    yield _text(doc, "text")


def _checkin(doc: Doc) -> Problems:
    yield _day(doc, "date")
    ratings = doc.get("ratings", {})
    if not all(_CONTENT_ID.fullmatch(k) for k in ratings):
        yield "its 'ratings' should name signs like thin-talk"
    if not all(LOWEST_RATING <= n <= HIGHEST_RATING for n in ratings.values()):
        yield f"its 'ratings' should be from {LOWEST_RATING} to {HIGHEST_RATING}"
    yield _text(doc, "note")


def _commitment(doc: Doc) -> Problems:
    yield _text(doc, "title")
    yield _day(doc, "due")
    every = doc.get("every")
    if every is not None and _day(doc, "due") is None:
        found = recurrence.problem(every, date.fromisoformat(doc["due"]))
        yield None if found is None else f"its 'every' {found}"
    yield _days(doc, "done_dates")
    yield _days(doc, "missed_dates")


def _milestone(doc: Doc) -> Problems:
    yield _text(doc, "title")
    yield _day(doc, "date")
    yield _content_id(doc, "kind")


def _pause(doc: Doc) -> Problems:
    yield _day(doc, "start")
    yield _day(doc, "end")
    yield _text(doc, "reason")
    span = (date.fromisoformat(doc["end"]) - date.fromisoformat(doc["start"])).days + 1
    if not 1 <= span <= MAX_PAUSE_DAYS:
        yield f"its 'start' and 'end' should be 1 to {MAX_PAUSE_DAYS} days apart, in order"


def _learned(doc: Doc) -> Problems:
    yield _content_id(doc, "topic")
    yield _text(doc, "text")
    yield _day(doc, "date")
    if doc.get("confirmed") is not None:
        yield _day(doc, "confirmed")


def _evening(doc: Doc) -> Problems:
    yield _day(doc, "date")
    yield _between(doc, "at", 0, MAX_EVENING_QUESTION)


def _review(doc: Doc) -> Problems:
    yield _day(doc, "date")
    yield _between(doc, "step", 0, MAX_STEP)
    answers = doc.get("answers", {})
    known = {name: fits for name, _required, fits, _expected in shape(Answers)}
    if not all(fits(answers[name]) for name, fits in known.items() if name in answers):
        yield "its 'answers' aren't the answers of a daily review"
    elif not _small(answers, MAX_DEPTH):
        yield f"its 'answers' are nested more than {MAX_DEPTH} deep or hold too much"
    else:
        yield _between(answers, "minutes", 1, MAX_MINUTES)
        yield _between(answers, "positive", 0, MAX_MOMENTS)
        yield _between(answers, "negative", 0, MAX_MOMENTS)
        yield _between(answers, "closeness", 1, 5)
        yield _text(answers, *(n for n, v in answers.items() if isinstance(v, str)))
    made = doc.get("made", {})
    if len(made) > MAX_IDS or not all(
        len(ids) <= MAX_IDS and all(ID.fullmatch(i) for i in ids) for ids in made.values()
    ):
        yield "its 'made' should list the ids of records it wrote"


def _favourite(doc: Doc) -> Problems:
    yield None if _CONTENT_ID.fullmatch(doc["question"]) else "its 'question' isn't a question id"
    yield _day(doc, "date")


def _own_practice(doc: Doc) -> Problems:
    yield _content_id(doc, "key")
    name = doc["name"]
    yield None if name_problem(name) is None and name.strip() else "its 'name' should be a name"
    try:
        targets.parse_target(doc["target"])
    except HearthsideError:
        yield f"its 'target' should be one of: {targets.FORMS}"
    aliases = doc.get("aliases", [])
    if len(aliases) > MAX_TAGS or not all(tag_problem(a) is None for a in aliases):
        yield "its 'aliases' should be a few plain words"
    yield _text(doc, "why")
    if doc.get("archived") is not None:
        yield _day(doc, "archived")


def _weekly_talk(doc: Doc) -> Problems:
    yield _day(doc, "date")
    if doc.get("held") is not None:
        yield _day(doc, "held")
    yield _text(doc, "issue", "answer")
    for name in ("promise", "logged"):
        if doc.get(name) is not None and not ID.fullmatch(doc[name]):
            yield f"its {name!r} should be the id of a record"


def _small(value: Any, depth: int) -> bool:
    """Nested no deeper than ``depth`` and holding at most MAX_ITEMS values in all."""
    budget = [MAX_ITEMS]

    def fits(item: Any, room: int) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return False
        if isinstance(item, dict):
            return room > 0 and all(fits(v, room - 1) for v in item.values())
        if isinstance(item, list):
            return room > 0 and all(fits(v, room - 1) for v in item)
        return True

    return fits(value, depth)


_CHECKS: dict[type[Record], Callable[[Doc], Problems]] = {
    Entry: _entry,
    Note: _note,
    PracticeLog: _practice_log,
    Moment: _moment_record,
    Checkin: _checkin,
    Commitment: _commitment,
    Milestone: _milestone,
    Pause: _pause,
    Review: _review,
    Learned: _learned,
    Evening: _evening,
    FavouriteQuestion: _favourite,
    OwnPractice: _own_practice,
    WeeklyTalk: _weekly_talk,
    Bid: _bid,
}
