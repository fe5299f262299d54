"""The daily review, told as a user's evenings: what ends up in the journal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from hearthside.domain.records import Entry, Moment, Note, Pause, PracticeLog, Review
from hearthside.errors import HearthsideError
from hearthside.services import journal, practices
from hearthside.services.habits import build_index
from hearthside.services.review import session as review
from hearthside.services.review.summary import streaks, things_to_try
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY


def full_review(store: Store, content: Content) -> review.ReviewState:
    state = review.start(store, content, today=TODAY)
    review.save_practices(store, content, state, ["hug", "praise", "talk"], minutes=90)
    review.save_moments(
        store,
        state,
        positive=3,
        negative=1,
        positive_line="laughed about the cat",
        negative_line="snapped about the dishes",
    )
    review.save_question(store, content, state, "talked")
    review.save_gratitude(store, content, state, "Thank you for sorting the car insurance")
    review.save_closeness(store, state, 4, "A good, easy evening.")
    return state


def test_a_full_review_leaves_exactly_the_days_records(store: Store, content: Content) -> None:
    state = full_review(store, content)
    summary = review.finish(store, content, state)

    logs = store.all(PracticeLog)
    assert {(log.practice, log.minutes) for log in logs} == {
        ("affection", None),
        ("compliments", None),
        ("conversation", None),
        ("quality-time", 90),
    }
    moments = store.all(Moment)
    assert sorted(m.positive for m in moments) == [False, True, True, True]
    assert {m.text for m in moments} == {"laughed about the cat", "snapped about the dishes", ""}
    (note,) = store.all(Note)
    assert (note.kind, note.status, note.text) == (
        "gratitude",
        "drafted",
        "Thank you for sorting the car insurance",
    )
    (entry,) = store.all(Entry)
    assert (entry.body, entry.closeness) == ("A good, easy evening.", 4)
    saved_today: list[PracticeLog | Moment | Note | Entry] = [*logs, *moments, note, entry]
    assert {r.date for r in saved_today} == {"2026-11-25"}
    (saved,) = store.all(Review)
    assert saved.completed and saved.step == len(review.STEPS)

    assert {p.id for p in summary.practices} == {
        "affection",
        "compliments",
        "conversation",
        "quality-time",
    }
    assert summary.question is not None and summary.answers.outcome == "talked"
    by_id = {s.practice.id: s for s in summary.streaks}
    assert (by_id["affection"].count, by_id["affection"].current) == (1, True)
    assert (by_id["surprise"].count, by_id["surprise"].current) == (0, False)
    # Nothing surprising in two months: the idea for tomorrow comes from a strategy
    # that feeds surprises, in that strategy's own words.
    assert summary.suggestion is not None
    assert summary.suggestion.practice.id == "surprise"
    assert "surprise" in summary.suggestion.step.practices
    assert summary.suggestion.text in things_to_try(summary.suggestion.step)


def test_leaving_half_way_keeps_progress_and_resumes_there(store: Store, content: Content) -> None:
    first = review.start(store, content, today=TODAY)
    assert (first.step, first.started) == (0, False)
    review.save_practices(store, content, first, ["kiss"])
    review.save_moments(store, first, positive=2, negative=0)
    # The user presses escape here. Later the app is opened again.
    reopened = Store(store.home)
    again = review.start(reopened, content, today=TODAY)
    assert again.started and not again.completed
    assert review.STEPS[again.step] == "question"
    assert (again.answers.practices, again.answers.positive) == (["affection"], 2)

    review.save_question(reopened, content, again, "skip")
    review.skip(reopened, again)  # no gratitude tonight
    review.save_closeness(reopened, again, 3)
    review.finish(reopened, content, again)
    assert len(reopened.all(PracticeLog)) == 1
    assert len(reopened.all(Moment)) == 2
    assert reopened.all(Note) == [] and reopened.all(Entry) == []
    (saved,) = reopened.all(Review)
    assert saved.completed and saved.answers["closeness"] == 3


def test_running_it_twice_edits_the_same_records(store: Store, content: Content) -> None:
    state = full_review(store, content)
    review.finish(store, content, state)
    before = {cls: {r.id for r in store.all(cls)} for cls in (PracticeLog, Moment, Note, Entry)}

    # Straight through again, changing nothing: nothing doubles.
    same = review.start(store, content, today=TODAY)
    assert same.step == 0 and same.answers.minutes == 90
    review.save_practices(store, content, same, same.answers.practices, minutes=90)
    review.save_moments(
        store,
        same,
        positive=3,
        negative=1,
        positive_line=same.answers.positive_line,
        negative_line=same.answers.negative_line,
    )
    review.save_gratitude(store, content, same, same.answers.gratitude)
    review.save_closeness(store, same, 4, same.answers.reflection)
    review.finish(store, content, same)
    after = {cls: {r.id for r in store.all(cls)} for cls in before}
    assert after == before
    assert len(store.all(Review)) == 1

    # A third time, with second thoughts: edits, not additions.
    edit = review.start(store, content, today=TODAY)
    review.save_practices(store, content, edit, ["talk"], minutes=30)
    review.save_moments(store, edit, positive=1, negative=0, positive_line="the cat again")
    review.save_gratitude(store, content, edit, "Thank you for the soup")
    review.save_closeness(store, edit, 5, "Even better than I thought.")
    review.finish(store, content, edit)

    logs = {log.practice: log for log in store.all(PracticeLog)}
    assert set(logs) == {"conversation", "quality-time"} and logs["quality-time"].minutes == 30
    assert {log.id for log in logs.values()} < before[PracticeLog]
    (moment,) = store.all(Moment)
    assert moment.positive and moment.text == "the cat again"
    (note,) = store.all(Note)
    assert note.id in before[Note] and note.text == "Thank you for the soup"
    (entry,) = store.all(Entry)
    assert entry.id in before[Entry]
    assert (entry.body, entry.closeness) == ("Even better than I thought.", 5)
    # What was taken back went to the trash, where it can be restored.
    trashed = [m for m in store.all(Moment, include_deleted=True) if m.deleted]
    assert len(trashed) == 3


def test_a_reflection_is_appended_to_todays_entry_and_replaced_on_a_rerun(
    store: Store, content: Content
) -> None:
    mine = journal.add_entry(store, body="We argued about the holidays.\n", today=TODAY)
    state = review.start(store, content, today=TODAY)
    review.save_closeness(store, state, 2, "We talked it through after dinner.")
    (entry,) = store.all(Entry)
    assert entry.id == mine.id and entry.closeness == 2
    assert entry.body == "We argued about the holidays.\n\nWe talked it through after dinner."

    again = review.start(store, content, today=TODAY)
    review.save_closeness(store, again, 4, "Talked it through; I feel closer now.")
    (entry,) = store.all(Entry)
    assert entry.body == "We argued about the holidays.\n\nTalked it through; I feel closer now."

    # The user edits their own part; an emptied reflection then leaves only their words.
    entry.body = "We argued about the holidays, then made up.\n\n" + again.answers.reflection
    store.save(entry)
    last = review.start(store, content, today=TODAY)
    review.save_closeness(store, last, 4, "")
    (entry,) = store.all(Entry)
    assert entry.body == "We argued about the holidays, then made up."


def test_an_emptied_reflection_trashes_the_entry_the_review_wrote(
    store: Store, content: Content
) -> None:
    state = review.start(store, content, today=TODAY)
    review.save_closeness(store, state, 3, "Quiet day.")
    assert len(store.all(Entry)) == 1
    review.save_closeness(store, review.start(store, content, today=TODAY), 3, "")
    assert store.all(Entry) == []
    assert review.start(store, content, today=TODAY).answers.closeness == 3


def test_practices_logged_elsewhere_today_are_not_logged_twice(
    store: Store, content: Content
) -> None:
    practices.log_practice(store, content, "hug", today=TODAY)
    state = review.start(store, content, today=TODAY)
    assert state.logged_elsewhere == {"affection"}
    review.save_practices(store, content, state, ["hug", "gift"])
    assert sorted(log.practice for log in store.all(PracticeLog)) == ["affection", "surprise"]
    summary = review.finish(store, content, state)
    assert [p.id for p in summary.practices] == ["affection", "surprise"]


def test_answering_the_question_from_today_does_not_skip_the_first_steps(
    store: Store, content: Content
) -> None:
    state = review.start(store, content, today=TODAY)
    review.save_question(store, content, state, "later")
    resumed = review.start(store, content, today=TODAY)
    assert resumed.step == 0 and resumed.answers.outcome == "later"


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (lambda s, c, st: review.save_practices(s, c, st, ["juggling"]), "no practice called"),
        (
            lambda s, c, st: review.save_practices(s, c, st, [], minutes=0),
            "Minutes must be between 1 and 1440",
        ),
        (lambda s, c, st: review.save_moments(s, st, positive=-1, negative=0), "from 0 to 50"),
        (lambda s, c, st: review.save_closeness(s, st, 9, "x"), r"from 1 \(far apart\) to 5"),
        (lambda s, c, st: review.save_question(s, c, st, "maybe"), "isn't a way to answer"),
    ],
)
def test_bad_answers_say_what_is_wrong_and_write_nothing(
    store: Store,
    content: Content,
    answer: Callable[[Store, Content, review.ReviewState], object],
    message: str,
) -> None:
    state = review.start(store, content, today=TODAY)
    with pytest.raises(HearthsideError, match=message):
        answer(store, content, state)
    assert store.counts().get("reviews", 0) == 0
    assert store.counts().get("practice_logs", 0) == 0


def _log(practice: str, day: date) -> PracticeLog:
    return PracticeLog(practice=practice, date=day.isoformat())


def test_streaks_count_days_and_weeks_and_survive_an_unfinished_today(content: Content) -> None:
    practices_by_id = {p.id: p for p in content.practices}
    chosen = [practices_by_id["affection"], practices_by_id["quality-time"]]
    logs = [
        *(_log("affection", TODAY - timedelta(days=n)) for n in (1, 2, 3, 5)),
        # Time together in each of the two weeks before this one, not yet this week.
        _log("quality-time", date(2026, 11, 14)),
        _log("quality-time", date(2026, 11, 20)),
    ]
    affection, together = streaks(build_index(content.practices, logs=logs), chosen, TODAY)
    assert (affection.count, affection.current, affection.period) == (3, False, "day")
    assert (together.count, together.current, together.period) == (2, False, "week")

    # Today's hug joins the run, and a paused day (a trip) doesn't break it.
    day = (TODAY - timedelta(days=4)).isoformat()
    index = build_index(
        content.practices,
        logs=[*logs, _log("affection", TODAY)],
        pauses=[Pause(start=day, end=day)],
    )
    affection, _ = streaks(index, chosen, TODAY)
    assert (affection.current, affection.count) == (True, 5)


def test_two_screens_open_on_the_same_day_share_one_review(store: Store, content: Content) -> None:
    today_room = review.start(store, content, today=TODAY)
    reviewing = review.start(store, content, today=TODAY)
    review.save_practices(store, content, reviewing, ["hug"])
    # The Today room's state was loaded before the review saved anything.
    review.save_question(store, content, today_room, "talked")
    review.save_practices(store, content, today_room, ["hug"])
    (only,) = store.all(Review)
    assert only.answers["practices"] == ["affection"] and only.answers["outcome"] == "talked"
    # The hug once, and the real conversation that talking about the question counts as.
    assert sorted(log.practice for log in store.all(PracticeLog)) == ["affection", "conversation"]


def test_talking_about_the_question_logs_a_conversation_once(
    store: Store, content: Content
) -> None:
    first = review.talked_about(store, content, today=TODAY)
    assert (first.before, first.logged) == ("", True)
    again = review.talked_about(store, content, today=TODAY)
    assert (again.before, again.logged) == ("talked", False)
    assert [log.practice for log in store.all(PracticeLog)] == ["conversation"]
    review.answer_again(store, content, "", today=TODAY)
    assert store.all(PracticeLog) == []
    assert review.answered(review.start(store, content, today=TODAY)) == ""
