"""The records Hearthside keeps, as plain dataclasses.

Each kind lives in its own TinyDB table (``KIND``). Services hand these objects
around; nothing above the store ever sees a TinyDB document. Every kind is found
here; the entry is defined in entry.py, for the quick commands that need it alone.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from hearthside.domain.entry import Entry as Entry
from hearthside.domain.record_base import (
    SCHEMA_VERSION as SCHEMA_VERSION,
)
from hearthside.domain.record_base import R as R
from hearthside.domain.record_base import Record as Record
from hearthside.domain.record_base import field_names as field_names
from hearthside.domain.record_base import fields_of as fields_of
from hearthside.domain.record_base import mutable_fields as mutable_fields
from hearthside.domain.record_base import new_id as new_id
from hearthside.domain.record_base import record_kind


# A received note came in a sharing bundle; the Notes room keeps those apart.
class NoteStatus(StrEnum):
    DRAFTED = "drafted"
    DELIVERED = "delivered"
    # Written by the spouse and brought in from their share.
    RECEIVED = "received"


class BidWhose(StrEnum):
    THEIRS = "theirs"  # they reached out; the response is yours
    MINE = "mine"  # you reached out; the response is theirs


class BidResponse(StrEnum):
    TOWARD = "toward"  # engaged with it
    AWAY = "away"  # missed or ignored it
    AGAINST = "against"  # an irritated or dismissive reply


class CommitmentStatus(StrEnum):
    # A recurring promise stays open; its occurrences are marked in done/missed dates.
    OPEN = "open"
    DONE = "done"
    MISSED = "missed"


@record_kind
class Note(Record):
    """A note for the spouse (thanks, a compliment, an apology...), or one received."""

    KIND: ClassVar[str] = "notes"
    LABEL: ClassVar[str] = "note"
    LISTED_BY: ClassVar[str] = "hearthside notes"

    kind: str
    text: str
    date: str
    occasion: str = ""
    step: int | None = None
    private: bool = False
    status: NoteStatus = NoteStatus.DRAFTED
    delivered_how: str | None = None
    delivered_at: str | None = None
    # Who wrote a received note; None for the user's own.
    sender: str | None = None
    # The last `hearthside share` that wrote it: when, and the folder it went to.
    shared_at: str | None = None
    shared_in: str | None = None
    starred: bool = False

    def __post_init__(self) -> None:
        # A stored document holds the word; the record holds the enumerated status.
        self.status = NoteStatus(self.status)


@record_kind
class PracticeLog(Record):
    """One time a practice happened, on a day (with its minutes, for timed ones)."""

    KIND: ClassVar[str] = "practice_logs"
    LABEL: ClassVar[str] = "practice log"

    practice: str
    date: str
    minutes: int | None = None
    note: str = ""


@record_kind
class Moment(Record):
    """A positive or negative moment of a day, counted in the five-to-one ratio."""

    KIND: ClassVar[str] = "moments"
    LABEL: ClassVar[str] = "moment"

    date: str
    positive: bool
    text: str = ""
    # Noted during a disagreement: counted against the conflict ratio, the rest against
    # the everyday one (the two aims differ; content/practices.md holds both).
    conflict: bool = False


@record_kind
class Checkin(Record):
    """A check-in on how things feel, each area rated."""

    KIND: ClassVar[str] = "checkins"
    LABEL: ClassVar[str] = "check-in"

    date: str
    ratings: dict[str, int] = field(default_factory=dict)
    note: str = ""


@record_kind
class Commitment(Record):
    """A promise to keep, once or again and again, with the occurrences kept and missed."""

    KIND: ClassVar[str] = "commitments"
    LABEL: ClassVar[str] = "commitment"
    LISTED_BY: ClassVar[str] = "hearthside upcoming"

    title: str
    due: str
    every: str | None = None
    done_dates: list[str] = field(default_factory=list)
    # Occurrences the user said didn't happen; unmarked past ones count as not done too.
    missed_dates: list[str] = field(default_factory=list)
    status: CommitmentStatus = CommitmentStatus.OPEN

    def __post_init__(self) -> None:
        self.status = CommitmentStatus(self.status)


@record_kind
class Milestone(Record):
    """A day worth marking (an anniversary, say), once or every year."""

    KIND: ClassVar[str] = "milestones"
    LABEL: ClassVar[str] = "milestone"

    title: str
    date: str
    yearly: bool = False
    kind: str = "event"


@record_kind
class Pause(Record):
    """A span of days (travel, illness) that neither breaks streaks nor lowers strength."""

    KIND: ClassVar[str] = "pauses"
    LABEL: ClassVar[str] = "pause"

    start: str
    end: str
    reason: str = ""


@record_kind
class Learned(Record):
    """One thing learned about the spouse, kept under a love-map topic (content/lovemap.md)."""

    KIND: ClassVar[str] = "lovemap"
    LABEL: ClassVar[str] = "love-map note"
    LISTED_BY: ClassVar[str] = "hearthside lovemap"

    topic: str
    text: str
    date: str  # the day it was learned
    confirmed: str | None = None  # the last day it was found still true


@record_kind
class OwnPractice(Record):
    """A practice the user made, kept in the journal beside the ones in ``content/``."""

    KIND: ClassVar[str] = "own_practices"
    LABEL: ClassVar[str] = "own practice"
    LISTED_BY: ClassVar[str] = "hearthside practice list"

    key: str  # what its logs name it by: made once from the first name, so a rename keeps them
    name: str
    target: str  # as ``targets.parse_target`` reads it: "daily", "3 per week"
    minutes: bool = False  # its logs carry minutes
    aliases: list[str] = field(default_factory=list)
    why: str = ""
    archived: str | None = None  # the day it was put away; its logs stay


@record_kind
class Evening(Record):
    """An evening of the 36 questions: where it got to, so it picks up there."""

    KIND: ClassVar[str] = "evenings"
    LABEL: ClassVar[str] = "question evening"

    date: str  # the day it began
    at: int = 0  # the question showing, counted from 0 across the three sets
    finished: bool = False


@record_kind
class WeeklyTalk(Record):
    """A week's talk about the two of you: kept while it is prepared, then marked held.

    One a week: holding it again edits this one, and the conversation log and promise
    it made, rather than adding more.
    """

    KIND: ClassVar[str] = "weekly_talks"
    LABEL: ClassVar[str] = "weekly talk"

    date: str  # the first day of its week
    held: str | None = None  # the day it was held; None while only prepared
    issue: str = ""  # the one thing raised
    answer: str = ""  # the answer to the closing question
    promise: str | None = None  # the id of the Commitment the answer became
    logged: str | None = None  # the id of the conversation PracticeLog holding it made


@record_kind
class Bid(Record):
    """A bid for connection (a remark, a question, a touch) and how it was met."""

    KIND: ClassVar[str] = "bids"
    LABEL: ClassVar[str] = "bid"

    date: str
    whose: BidWhose = BidWhose.THEIRS
    response: BidResponse
    text: str = ""

    def __post_init__(self) -> None:
        self.whose = BidWhose(self.whose)
        self.response = BidResponse(self.response)


MAX_MOMENTS = 50  # of one sign, in one day's review


@dataclass
class Answers:
    """What the user has answered in a day's review so far (stored as ``Review.answers``)."""

    practices: list[str] = field(default_factory=list)  # practice ids
    minutes: int | None = None
    positive: int = 0
    negative: int = 0
    positive_line: str = ""
    negative_line: str = ""
    question: str = ""  # question id, set once the question step is answered
    outcome: str = ""  # one of prompts.OUTCOMES
    gratitude: str = ""
    closeness: int | None = None
    reflection: str = ""

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Answers:
        known = {f.name for f in dataclasses.fields(cls)}
        # A deep copy: the store's cache must not change when a screen edits a list here.
        return cls(**{k: copy.deepcopy(v) for k, v in doc.items() if k in known})

    def to_doc(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@record_kind
class Review(Record):
    """One day's review: the step reached, the answers so far and the records it wrote.

    ``made`` maps a role (``practice_logs``, ``positive``, ``note``, ``entry``...) to
    the ids of the records the review created, so running it again edits them.
    """

    KIND: ClassVar[str] = "reviews"
    LABEL: ClassVar[str] = "daily review"

    date: str
    step: int = 0
    answers: dict[str, Any] = field(default_factory=dict)
    made: dict[str, list[str]] = field(default_factory=dict)
    completed: bool = False


@record_kind
class FavouriteQuestion(Record):
    """A conversation question starred to come back to; unstarring removes it."""

    KIND: ClassVar[str] = "favourite_questions"
    LABEL: ClassVar[str] = "favourite question"

    question: str  # the question's id in the content folder
    date: str  # the day it was starred


RECORD_TYPES: tuple[type[Record], ...] = (
    Entry,
    Note,
    PracticeLog,
    Moment,
    Checkin,
    Commitment,
    Milestone,
    Pause,
    Review,
    Learned,
    Evening,
    FavouriteQuestion,
    OwnPractice,
    WeeklyTalk,
    Bid,
)
