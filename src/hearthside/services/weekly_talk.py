"""The weekly talk: an agenda filled in from the week, and the talk once it is held.

The agenda reads the week (by the user's own first day of the week): appreciations
(notes handed over, kind words logged, good moments), what went well (close days,
promises kept), and things that might be worth raising (hard moments, entries). A
week has at most one talk: kept while it is prepared, then held. Holding it logs the
week's real conversation and turns the closing answer into a promise; holding it again
changes those rather than adding more. The app, ``hearthside weekly`` and the nudge
all come here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hearthside.domain import date_words, dates, periods, validation
from hearthside.domain.records import (
    Commitment,
    Entry,
    Moment,
    Note,
    NoteStatus,
    PracticeLog,
    R,
    WeeklyTalk,
)
from hearthside.services import plans
from hearthside.services.good_memories import CLOSE_FROM
from hearthside.services.practices import log_practice
from hearthside.store.store import Store
from hearthside.store.where import between
from hearthside.texts.library import Content
from hearthside.texts.weekly_talk import TalkPart, WeeklyTalkGuide

# The practices the talk reads and writes, by the ids the content gives them.
KIND_WORDS = "compliments"
CONVERSATION = "conversation"
# The closing answer becomes a promise due a week after the talk: by the next one.
PROMISE_DAYS = 7


@dataclass(frozen=True)
class AgendaItem:
    day: date
    what: str  # "A note you handed over", "A close day (5 of 5)", "A hard moment"...
    words: str  # as the user wrote them


@dataclass(frozen=True)
class Agenda:
    guide: WeeklyTalkGuide
    start: date  # the week's first and last days
    end: date
    appreciations: tuple[AgendaItem, ...]
    went_well: tuple[AgendaItem, ...]
    issues: tuple[AgendaItem, ...]  # things that might be worth raising; the user picks
    talk: WeeklyTalk | None  # this week's, prepared or held

    @property
    def week_words(self) -> str:
        """ "The week of 23–29 November 2026"."""
        return f"The week of {date_words.long_span(self.start, self.end)}"

    @property
    def filled(self) -> tuple[tuple[TalkPart, tuple[AgendaItem, ...]], ...]:
        """The three parts the week fills in, each with what it found."""
        part = self.guide.part
        return (
            (part("appreciations"), self.appreciations),
            (part("went-well"), self.went_well),
            (part("issue"), self.issues),
        )

    @property
    def held_words(self) -> str:
        """Whether this week's talk was held, in words ("" when not yet)."""
        talk = self.talk
        if talk is None or talk.held is None:
            return ""
        return f"Held on {date_words.long_day(date.fromisoformat(talk.held))}."


def week_of(day: date, week_start: int) -> tuple[date, date]:
    """The first and last days of the week holding ``day``."""
    return periods.period_bounds(day, "week", week_start=week_start)


def talk_of_week(store: Store, start: date, end: date) -> WeeklyTalk | None:
    """The talk kept for the week ``start`` to ``end``, the newest should there be two (a
    week start changed between them)."""
    found = store.all(WeeklyTalk, where=between(start, end))
    return max(found, key=lambda t: (t.held or "", t.updated), default=None)


def held_this_week(store: Store, today: date) -> WeeklyTalk | None:
    """This week's talk if it has been held, else None (for the nudge and the dashboard)."""
    talk = talk_of_week(store, *week_of(today, store.settings().week_start))
    return talk if talk is not None and talk.held is not None else None


def agenda(store: Store, content: Content, *, today: date) -> Agenda:
    """The agenda for the week holding ``today``.

    Private entries and notes stay out: the agenda is for talking together, and it
    may be printed.
    """
    start, end = week_of(today, store.settings().week_start)
    week = between(start, end)
    notes = store.all(Note, where=between(start, end, field="delivered_at"))
    entries = [e for e in store.all(Entry, where=week) if not e.private]
    moments = store.all(Moment, where=week)
    kind_words = [
        log
        for log in store.all(PracticeLog, where=week)
        if log.practice == KIND_WORDS and log.note.strip()
    ]
    appreciations = [
        *(
            AgendaItem(_day(n.delivered_at or n.date), "A note you handed over", n.text.strip())
            for n in notes
            if n.status is NoteStatus.DELIVERED and not n.private
        ),
        *(AgendaItem(_day(log.date), "Kind words", log.note.strip()) for log in kind_words),
        *(
            AgendaItem(_day(m.date), "A good moment", m.text)
            for m in moments
            if m.positive and m.text
        ),
    ]
    went_well = [
        *(
            AgendaItem(_day(e.date), f"A close day ({e.closeness} of 5)", e.headline)
            for e in entries
            if e.closeness is not None and e.closeness >= CLOSE_FROM
        ),
        *_kept(store, start, end),
    ]
    issues = [
        *(
            AgendaItem(_day(m.date), "A hard moment", m.text)
            for m in moments
            if not m.positive and m.text
        ),
        *(
            AgendaItem(_day(e.date), "From your journal", e.headline)
            for e in entries
            if e.closeness is None or e.closeness < CLOSE_FROM
        ),
    ]
    return Agenda(
        guide=content.weekly_talk,
        start=start,
        end=end,
        appreciations=_in_order(appreciations),
        went_well=_in_order(went_well),
        issues=_in_order(issues),
        talk=talk_of_week(store, start, end),
    )


def _day(iso: str) -> date:
    return date.fromisoformat(iso[:10])


def _in_order(items: list[AgendaItem]) -> tuple[AgendaItem, ...]:
    return tuple(sorted(items, key=lambda i: i.day))


def _kept(store: Store, start: date, end: date) -> list[AgendaItem]:
    first, last = start.isoformat(), end.isoformat()
    return [
        AgendaItem(_day(day), "A promise kept", c.title)
        for c in store.all(Commitment)
        for day in c.done_dates
        if first <= day <= last
    ]


def keep_prepared(store: Store, *, issue: str, answer: str, today: date) -> WeeklyTalk:
    """Keep what was typed for this week's talk without marking it held (leaving the app
    half way); a talk already held keeps being held."""
    words = _checked(issue, answer)
    start, end = week_of(today, store.settings().week_start)
    with store.writing():
        talk = talk_of_week(store, start, end)
        if talk is None:
            return store.add(WeeklyTalk(date=start.isoformat(), issue=words[0], answer=words[1]))

        def change(fresh: WeeklyTalk) -> None:
            fresh.issue, fresh.answer = words

        return store.update(WeeklyTalk, talk.id, change)


def hold(
    store: Store,
    content: Content,
    *,
    issue: str | None = None,
    answer: str | None = None,
    day: str | date | None = None,
    today: date,
) -> WeeklyTalk:
    """Mark the week's talk held on ``day`` (today by default), with the issue raised and
    the closing answer.

    The first time, it logs the conversation practice for that day and makes the answer a
    promise due a week later. Again in the same week, it moves that log to the new day
    and puts the promise in the new words: the week still has one talk, one log and one
    promise. ``issue`` or ``answer`` left as None keeps what the talk has.
    """
    _checked(issue or "", answer or "")
    when = validation.past_or_today(
        validation.user_date(day, store.settings(), today=today), "weekly talk", today=today
    )
    start, end = week_of(when, store.settings().week_start)
    held = dates.iso(when)
    with store.writing():
        talk = talk_of_week(store, start, end) or store.add(WeeklyTalk(date=start.isoformat()))
        issue = talk.issue if issue is None else issue.strip()
        answer = talk.answer if answer is None else answer.strip()
        logged = _log(store, content, talk.logged, held, today=today)
        promise = _promise(store, talk.promise, answer, due=when + timedelta(days=PROMISE_DAYS))

        def change(fresh: WeeklyTalk) -> None:
            fresh.held, fresh.issue, fresh.answer = held, issue, answer
            fresh.logged, fresh.promise = logged, promise

        return store.update(WeeklyTalk, talk.id, change)


def _checked(issue: str, answer: str) -> tuple[str, str]:
    validation.check_size(issue, "issue")
    validation.check_size(answer, "answer")
    return issue.strip(), answer.strip()


def _made(store: Store, cls: type[R], ref: str | None) -> R | None:
    """The record the talk made, by its whole id (never a prefix: an imported talk's id
    must not find another record), unless it has gone to the trash."""
    found = store.find(cls, ref, include_deleted=False) if ref else None
    return found if found is not None and found.id.lower() == (ref or "").lower() else None


def _log(store: Store, content: Content, ref: str | None, held: str, *, today: date) -> str:
    """The id of the conversation log for the talk held on ``held``: the one made before,
    moved there, or a new one."""
    earlier = _made(store, PracticeLog, ref)
    if earlier is None:
        return log_practice(store, content, CONVERSATION, day=held, today=today).id
    if earlier.date != held:
        store.update(PracticeLog, earlier.id, lambda log: setattr(log, "date", held))
    return earlier.id


def _promise(store: Store, ref: str | None, answer: str, *, due: date) -> str | None:
    """The id of the promise the answer became; a changed answer changes its words."""
    earlier = _made(store, Commitment, ref)
    if not answer:
        return earlier.id if earlier else None
    if earlier is None:
        return plans.add_commitment(store, answer, due=due).id
    if earlier.title != answer:
        plans.edit_commitment(store, earlier.id, answer, due=earlier.due, every=earlier.every)
    return earlier.id
