"""The daily review: six short steps that record the day through the usual services.

Every step saves as soon as it is answered, into a per-day ``Review`` record that
remembers the answers and the ids of the records the step wrote, so leaving half
way loses nothing and running the review again edits those records (update, add
or move to the trash) instead of adding a second set. Records the user made in
other rooms are never changed, except that a reflection may be appended to
today's journal entry.

A screen calls ``start`` (which resumes at ``state.step``), one ``save_*`` per
answered step or ``skip`` for enter/tab with no answer, then ``finish``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from hearthside.domain import dates, validation
from hearthside.domain.records import MAX_MOMENTS, Answers, Note, NoteStatus, PracticeLog, Review
from hearthside.errors import HearthsideError
from hearthside.services import notes, practice_book, practices, prompts
from hearthside.services.review import records
from hearthside.services.review.summary import ReviewSummary, summarise
from hearthside.store.store import Store
from hearthside.store.where import on_day
from hearthside.texts.items import Practice, Question
from hearthside.texts.library import Content

# Answers and MAX_MOMENTS (the stored shape of a review) live in model.py; the rooms
# take them from here, with the rest of the review.
STEPS = ("practices", "moments", "question", "gratitude", "closeness", "summary")
GRATITUDE = "gratitude"

# Keys of Review.made (which records each step wrote); moments use "positive"/"negative".
_LOGS, _NOTE, _ENTRY = "practice_logs", "note", "entry"
# The practice log that "we talked about it" on the question wrote.
_TALK = "question_log"


@dataclass
class ReviewState:
    day: date
    review: Review
    answers: Answers  # as stored; every save refreshes it, so pass new answers as arguments
    question: Question | None  # today's question (None only when content has none)
    # Practices already logged today outside the review: shown as done, never logged twice.
    logged_elsewhere: frozenset[str]
    practices: tuple[Practice, ...]  # the ones to tick, as the practice book has them
    step: int  # index into STEPS where the screen should be

    @property
    def started(self) -> bool:
        return bool(self.review.created)

    @property
    def completed(self) -> bool:
        return self.review.completed


def start(store: Store, content: Content, *, today: date | None = None) -> ReviewState:
    """The day's review: resumed where it stopped, or from the top once it was finished."""
    day = today or date.today()
    review = day_review(store, day) or Review(date=dates.iso(day))
    own = set(review.made.get(_LOGS, []))
    elsewhere = frozenset(
        log.practice for log in store.all(PracticeLog, where=on_day(day)) if log.id not in own
    )
    return ReviewState(
        day=day,
        review=review,
        answers=Answers.from_doc(review.answers),
        question=prompts.question_for(store, content, today=day),
        logged_elsewhere=elsewhere,
        practices=practice_book.practices(store, content),
        step=0 if review.completed else min(review.step, len(STEPS) - 1),
    )


def day_review(store: Store, day: date) -> Review | None:
    found = store.all(Review, where=on_day(day))
    return min(found, key=lambda r: r.created) if found else None


def skip(store: Store, state: ReviewState) -> ReviewState:
    """Move past the current step without changing its answer."""
    with store.writing():
        _catch_up(store, state)
        _persist(store, state, state.step)
    return state


def save_practices(
    store: Store,
    content: Content,
    state: ReviewState,
    ticked: Iterable[str],
    *,
    minutes: int | None = None,
) -> ReviewState:
    """Step 1. ``ticked`` holds practice ids or aliases; giving minutes ticks time together."""
    wanted = [practice_book.find(store, content, ref).id for ref in ticked]
    timed = content.timed_practice
    if minutes is not None:
        if timed is None:
            raise HearthsideError("No practice counts minutes; leave the minutes empty.")
        validation.check_minutes(minutes)
        wanted.append(timed.id)
    wanted = list(dict.fromkeys(wanted))
    with store.writing():
        _catch_up(store, state)
        logs = records.remembered(store, PracticeLog, state.review.made.get(_LOGS, []))
        mine = {log.practice: log for log in logs}
        kept = []
        for practice_id in wanted:
            log = mine.pop(practice_id, None)
            log_minutes = minutes if timed is not None and practice_id == timed.id else None
            # Logged elsewhere already: never twice, unless the review adds minutes of its
            # own (more time together), which would otherwise show and then be dropped.
            if log is None and practice_id in state.logged_elsewhere and not log_minutes:
                continue
            if log is None:
                log = practices.log_practice(
                    store, content, practice_id, minutes=log_minutes, day=state.day, today=state.day
                )
            elif log.minutes != log_minutes:
                log.minutes = log_minutes
                store.save(log)
            kept.append(log.id)
        for unticked in mine.values():
            store.delete(unticked)
        answers = {"practices": wanted, "minutes": minutes}
        _persist(store, state, STEPS.index("practices"), answers, {_LOGS: kept})
    return state


def save_moments(
    store: Store,
    state: ReviewState,
    *,
    positive: int,
    negative: int,
    positive_line: str = "",
    negative_line: str = "",
) -> ReviewState:
    """Step 2. A line with a count of 0 still describes a moment, so it counts as one."""
    counts, lines = {}, {}
    for role, count, line in (
        ("positive", positive, positive_line),
        ("negative", negative, negative_line),
    ):
        if not 0 <= count <= MAX_MOMENTS:
            what = "good" if role == "positive" else "hard"
            raise HearthsideError(
                f"Count {what} moments from 0 to {MAX_MOMENTS} (you gave {count})."
            )
        lines[role] = validation.check_size(line, "moment").strip()
        counts[role] = max(count, 1) if lines[role] else count
    with store.writing():
        _catch_up(store, state)
        made = {
            role: records.keep_moments(
                store,
                state.review.made.get(role, []),
                positive=role == "positive",
                count=counts[role],
                line=lines[role],
                day=state.day,
            )
            for role in counts
        }
        answers = {**counts, **{f"{role}_line": line for role, line in lines.items()}}
        _persist(store, state, STEPS.index("moments"), answers, made)
    return state


def save_question(store: Store, content: Content, state: ReviewState, outcome: str) -> ReviewState:
    """Step 3: "talked", "skip" or "later". The Today room may call this outside the review.

    "talked" also logs the practice talking counts as (``Content.talk_practice``) for
    the day, unless one is logged already; answering otherwise takes that log back.
    """
    prompts.check_outcome(outcome)
    _answer(store, content, state, outcome)
    return state


def _answer(store: Store, content: Content, state: ReviewState, outcome: str) -> None:
    if state.question is None:
        raise HearthsideError(
            "There are no questions in the content folder; add some to questions.md."
        )
    with store.writing():
        _catch_up(store, state)
        talk = content.talk_practice
        mine = records.remembered(store, PracticeLog, state.review.made.get(_TALK, []))
        if outcome != prompts.TALKED or talk is None:
            for log in mine:
                store.delete(log)
            mine = []
        elif not mine and not any(
            log.practice == talk.id for log in store.all(PracticeLog, where=on_day(state.day))
        ):
            log = practices.log_practice(store, content, talk.id, day=state.day, today=state.day)
            mine = [log]
        answers = {"question": state.question.id, "outcome": outcome}
        made = {_TALK: [log.id for log in mine]}
        _persist(store, state, STEPS.index("question"), answers, made)


@dataclass(frozen=True)
class Talked:
    """What "we talked about it" did, for the notice and for undo."""

    before: str  # today's answer it replaced ("" when unanswered)
    practice: str  # the name of the practice it counts as ("" when content names none)
    logged: bool  # whether this answer logged that practice (False: logged already)

    @property
    def message(self) -> str:
        what = f"a {self.practice.lower()}" if self.practice else ""
        if self.before == prompts.TALKED:
            logged = f"; {what} is logged for today, once." if what else "."
            return f"You'd already talked about today's question{logged}"
        if not what:
            return "Noted: you talked about today's question."
        if self.logged:
            return f"Noted: you talked about today's question, and {what} is logged for today."
        return (
            f"Noted: you talked about today's question. {what.capitalize()} was logged "
            "today already, so it counts once."
        )


def talked_about(store: Store, content: Content, *, today: date | None = None) -> Talked:
    """Answer today's question "we talked about it", logging the practice it counts as."""
    state = start(store, content, today=today)
    before = answered(state)
    save_question(store, content, state, prompts.TALKED)
    talk = content.talk_practice
    return Talked(
        before=before,
        practice=talk.name if talk else "",
        logged=before != prompts.TALKED and bool(state.review.made.get(_TALK)),
    )


def answered(state: ReviewState) -> str:
    """How today's question was answered so far ("" when it wasn't)."""
    if state.question is None or state.answers.question != state.question.id:
        return ""
    return state.answers.outcome


def answer_again(
    store: Store, content: Content, outcome: str, *, today: date | None = None
) -> ReviewState:
    """Put today's question back as it was answered before ("" for unanswered): undo."""
    if outcome:
        prompts.check_outcome(outcome)
    state = start(store, content, today=today)
    _answer(store, content, state, outcome)
    return state


def save_gratitude(store: Store, content: Content, state: ReviewState, line: str) -> ReviewState:
    """Step 4: a one-line gratitude note, kept as a draft to hand over from the Notes room.

    A note already delivered is never edited or trashed: a changed line becomes a
    new draft, and an emptied one just stops being the review's.
    """
    validation.check_size(line, "note")
    text = line.strip()
    with store.writing():
        _catch_up(store, state)
        found = records.remembered(store, Note, state.review.made.get(_NOTE, []))
        note = found[0] if found else None
        delivered = note is not None and note.status is NoteStatus.DELIVERED
        if note is not None and not text:
            if not delivered:
                store.delete(note)
            note = None
        elif note is None or (delivered and note.text != text):
            note = notes.add_note(
                store, content, kind=GRATITUDE, text=text, day=state.day, today=state.day
            )
        elif note.text != text:
            note.text = text
            store.save(note)
        made = {_NOTE: [note.id] if note else []}
        _persist(store, state, STEPS.index("gratitude"), {"gratitude": text}, made)
    return state


def save_closeness(
    store: Store, state: ReviewState, closeness: int | None, reflection: str = ""
) -> ReviewState:
    """Step 5. The reflection becomes today's entry, or is appended to the newest one.

    Running this again replaces only the words it appended; if the user has since
    edited those away, the new reflection goes after their text instead.
    """
    validation.closeness(closeness)
    validation.check_size(reflection, "entry")
    new = reflection.strip()
    with store.writing():
        _catch_up(store, state)
        entry_ids = records.write_reflection(
            store,
            state.review.made.get(_ENTRY, []),
            old=state.answers.reflection,
            new=new,
            closeness=closeness,
            day=state.day,
        )
        answers = {"closeness": closeness, "reflection": new}
        _persist(store, state, STEPS.index("closeness"), answers, {_ENTRY: entry_ids})
    return state


def finish(store: Store, content: Content, state: ReviewState) -> ReviewSummary:
    """Step 6: mark the day's review done and sum it up."""
    with store.writing():
        _catch_up(store, state)
        state.review.completed = True
        _persist(store, state, STEPS.index("summary"))
    return summarise(store, content, state.day, state.answers, state.question)


def _catch_up(store: Store, state: ReviewState) -> None:
    """Start from the stored record: another screen may have saved a step since."""
    stored = day_review(store, state.day)
    if stored is not None:
        state.review = stored
        state.answers = Answers.from_doc(stored.answers)


def _persist(
    store: Store,
    state: ReviewState,
    step: int,
    answers: dict[str, Any] | None = None,
    made: dict[str, list[str]] | None = None,
) -> None:
    review = state.review
    # Only this step's answers: the others stay as stored, whoever saved them.
    review.answers = {**Answers().to_doc(), **review.answers, **(answers or {})}
    review.made = {**review.made, **(made or {})}
    # Answering a step out of order (the Today room's question) moves neither the
    # screen on nor the point the review resumes from past the steps before it.
    if step == state.step:
        state.step = min(step + 1, len(STEPS) - 1)
    if step <= review.step:
        review.step = max(review.step, step + 1)
    if review.created:
        store.save(review)
    else:
        store.add(review)
    state.answers = Answers.from_doc(review.answers)
