"""Stories of the Today room, the daily review and the weekly check-in, keyboard only."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from hearthside.domain.records import Checkin, Commitment, Entry, Moment, Note, PracticeLog, Review
from hearthside.errors import HearthsideError
from hearthside.services import checkins, plans
from hearthside.services.journal import add_entry
from hearthside.services.review import session as review
from hearthside.store.store import Store
from hearthside.texts.library import Content
from hearthside.tui.rooms.checkin import CheckinScreen
from hearthside.tui.rooms.review import ReviewScreen
from hearthside.tui.rooms.today import TodayScreen
from tests.conftest import TODAY, Clock, stored
from tests.tui.conftest import (
    SIZE,
    Make,
    SnapCompare,
    open_review,
    record_notices,
    screen_text,
    settle,
)

MARKUP = "[bold]x[/] [@click=app.quit]y[/]"


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type into the focused field, one key at a time, as a person would."""
    await pilot.press(*text)


async def full_review(pilot: Pilot[None], *, moment_line: str = "the cat") -> None:
    """Every step answered, from the Today room, with the keyboard alone."""
    await open_review(pilot)
    app = pilot.app
    assert "Step 1 of 6" in screen_text(app)
    # 1. hug, compliment, date (time together) then its minutes, typed straight on.
    await pilot.press("h", "c", "d")
    await type_text(pilot, "90")
    await pilot.press("enter")
    # 2. three good moments with a line, one hard one with a line.
    assert "Step 2 of 6" in screen_text(app)
    await pilot.press("up", "up", "up")
    await type_text(pilot, moment_line)
    await pilot.press("tab", "up")
    await type_text(pilot, "dishes")
    await pilot.press("enter")
    # 3. today's question: we talked about it.
    assert "Step 3 of 6" in screen_text(app)
    await pilot.press("t")
    # 4. one thing to thank them for.
    assert "Step 4 of 6" in screen_text(app)
    await type_text(pilot, "Thanks for the car")
    await pilot.press("enter")
    # 5. closeness, then a reflection.
    assert "Step 5 of 6" in screen_text(app)
    await pilot.press("4")
    await type_text(pilot, "Easy evening.")
    await pilot.press("enter")
    await settle(pilot)
    assert "Step 6 of 6" in screen_text(app)


def assert_one_days_worth(home: Path) -> None:
    logs = stored(home, PracticeLog)
    # Talking about the question (step 3) counts as a real conversation.
    assert sorted((log.practice, log.minutes) for log in logs) == [
        ("affection", None),
        ("compliments", None),
        ("conversation", None),
        ("quality-time", 90),
    ]
    moments = stored(home, Moment)
    assert sorted(m.positive for m in moments) == [False, True, True, True]
    (note,) = stored(home, Note)
    assert (note.kind, note.status, note.text) == (
        "gratitude",
        "drafted",
        "Thanks for the car",
    )
    (entry,) = stored(home, Entry)
    assert (entry.body, entry.closeness, entry.date) == ("Easy evening.", 4, "2026-11-25")
    (saved,) = stored(home, Review)
    assert saved.completed
    assert saved.answers["outcome"] == "talked"
    saved_today: list[PracticeLog | Moment | Note | Entry] = [*logs, *moments, note, entry]
    assert {r.date for r in saved_today} == {"2026-11-25"}


async def test_a_full_review_with_the_keyboard_only(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await full_review(pilot)
        text = screen_text(app)
        assert "Affection, Kind words, Time together (90 min)" in text
        assert "3 good moments, 1 hard" in text
        assert "Closeness 4 · close" in text
        assert "Streaks" in text and "1 day in a row" in text
        assert "For tomorrow" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "Done for today" in screen_text(app)
        assert "You talked about it today." in screen_text(app)
    assert_one_days_worth(welcomed)


async def test_leave_half_way_and_resume_at_the_same_step(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("h", "enter")  # practices
        await pilot.press("up", "up", "enter")  # two good moments
        assert "Step 3 of 6" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "You paused at step 3 of 6" in screen_text(app)
        assert "Affection" in screen_text(app)
    [saved] = stored(welcomed, Review)
    assert (saved.step, saved.completed) == (2, False)
    assert [log.practice for log in stored(welcomed, PracticeLog)] == ["affection"]
    assert len(stored(welcomed, Moment)) == 2

    again = make()
    async with again.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        assert "Step 3 of 6" in screen_text(again)
        assert screen.counts == {"positive": 2, "negative": 0}
        await pilot.press("l")  # keep the question for later
        await settle(pilot)
        assert "Step 4 of 6" in screen_text(again)
    [saved] = stored(welcomed, Review)
    assert (saved.step, saved.answers["outcome"]) == (3, "later")


async def test_leaving_keeps_what_the_current_step_holds(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("enter", "enter")  # skip practices and moments
        await pilot.press("enter")  # leave the question unanswered
        assert "Step 4 of 6" in screen_text(app)
        await type_text(pilot, "Thanks for the tea")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    [note] = stored(welcomed, Note)
    assert note.text == "Thanks for the tea"
    [saved] = stored(welcomed, Review)
    assert saved.step == 4 and saved.answers["outcome"] == ""


async def test_running_the_review_twice_edits_the_same_records(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await full_review(pilot)
        await pilot.press("enter")
        await settle(pilot)
        # Again: everything is prefilled; walk through it changing nothing.
        await open_review(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert "Step 1 of 6" in screen_text(app)
        assert screen.query_one("#review-minutes", Input).value == "90"
        await pilot.press("enter")  # practices and minutes
        await pilot.press("enter")  # moments
        await pilot.press("enter")  # question (already answered)
        assert screen.query_one("#review-gratitude", Input).value == "Thanks for the car"
        await pilot.press("enter")
        await pilot.press("enter")  # closeness and reflection
        await settle(pilot)
        assert "Step 6 of 6" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
    assert_one_days_worth(welcomed)


async def test_changing_an_answer_the_second_time_edits_in_place(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await full_review(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await open_review(pilot)
        await pilot.press("c", "d", "enter")  # untick kind words and time together
        await pilot.press("down", "enter")  # one good moment fewer
        await pilot.press("escape")
        await settle(pilot)
    logs = stored(welcomed, PracticeLog)
    assert sorted(log.practice for log in logs) == ["affection", "conversation"]
    assert sorted(m.positive for m in stored(welcomed, Moment)) == [False, True, True]
    [saved] = stored(welcomed, Review)
    assert (saved.answers["practices"], saved.answers["minutes"]) == (["affection"], None)


async def test_arrows_and_space_tick_practices_too(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("down", "space", "down", "down", "down", "space", "up", "enter")
        await settle(pilot)
        assert "Step 2 of 6" in screen_text(app)
    assert sorted(log.practice for log in stored(welcomed, PracticeLog)) == [
        "compliments",
        "surprise",
    ]


async def test_minutes_out_of_range_are_explained_and_kept(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("d", "0", "enter")
        await settle(pilot)
        assert "Step 1 of 6" in screen_text(app)
        assert "Minutes must be between 1 and 1440 (you gave 0)" in screen_text(app)
        box = app.screen.query_one("#review-minutes", Input)
        assert box.value == "0" and box.has_focus
        await pilot.press("backspace", "4", "5", "enter")
        await settle(pilot)
        assert "Step 2 of 6" in screen_text(app)
    [log] = stored(welcomed, PracticeLog)
    assert (log.practice, log.minutes) == ("quality-time", 45)


async def test_a_failed_save_brings_its_step_back_with_the_words(
    make: Make, welcomed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise HearthsideError("The disk is full.")

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("enter", "enter", "enter")  # to the thank-you
        monkeypatch.setattr(review, "save_gratitude", broken)
        await type_text(pilot, "Thanks")
        await pilot.press("enter")
        await settle(pilot)
        assert "Step 4 of 6" in screen_text(app)
        assert app.screen.query_one("#review-gratitude", Input).value == "Thanks"
        monkeypatch.undo()
        await pilot.press("enter")
        await settle(pilot)
        assert "Step 5 of 6" in screen_text(app)
    [note] = stored(welcomed, Note)
    assert note.text == "Thanks"


async def test_tomorrow_today_shows_yesterdays_review(
    make: Make, clock: Clock, welcomed: Path
) -> None:
    store = Store(welcomed)
    content = Content()
    state = review.start(store, content, today=TODAY)
    review.save_practices(store, content, state, ["hug"], minutes=None)
    review.save_closeness(store, state, 5, "Lovely.")
    review.finish(store, content, state)
    store.close()
    clock.today = TODAY + timedelta(days=1)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "How was today for you and Sam?" in text
        assert "Yesterday\n✓ Affection\n✓ Closeness 5 · very close" in text


async def test_todays_question_can_be_answered_from_today(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        question = review.start(app.store, app.content, today=TODAY).question
        assert question is not None and question.text in screen_text(app)
        await pilot.press("l")
        await settle(pilot)
        assert "Kept for later" in screen_text(app)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("escape")  # nothing to note in the love map this time
        assert "You talked about it today." in screen_text(app)
    [saved] = stored(welcomed, Review)
    assert saved.answers["question"] == question.id
    assert saved.answers["outcome"] == "talked"
    assert saved.step == 0  # the review itself still starts at the top


async def test_weekly_checkin_saved_and_compared(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    content = Content()
    checkins.save_checkin(
        store,
        content,
        {"1": 2, "2": 3, "3": 1, "4": 3, "5": 1},
        note="Busy week",
        today=TODAY - timedelta(days=9),
    )
    store.close()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "It's been a week since your last check-in" in screen_text(app)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, CheckinScreen)
        text = screen_text(app)
        assert "Once a week, take a minute" in text
        assert "last time (Mon 16 Nov)" in text
        assert "couples counselor" not in text
        # Each digit rates the focused sign and moves to the next.
        await pilot.press("1", "3", "3", "4", "0")
        text = screen_text(app)
        assert "couples counselor" in text  # several signs high: the content's gentle words
        await type_text(pilot, "Tired but kind")
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved. Beside last time (Mon 16 Nov): 2 lighter, 1 the same, 2 heavier." in (
            screen_text(app)
        )
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "Last check-in: today" in screen_text(app)
    store = Store(welcomed)
    comparison = checkins.compare(store, content, today=TODAY)
    assert len(store.all(Checkin)) == 2
    assert comparison.current is not None and comparison.current.note == "Tired but kind"
    assert [(r.now, r.before) for r in comparison.ratings] == [
        (1, 2),
        (3, 3),
        (3, 1),
        (4, 3),
        (0, 1),
    ]


async def test_leaving_a_checkin_with_ratings_asks_first(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("2", "escape")
        await pilot.pause()
        assert "changes that aren't saved yet" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    [saved] = stored(welcomed, Checkin)
    assert saved.ratings == {"frequent-friction": 2}


async def date_night(make: Make, clock: Clock, day: date, *, mark: bool = False) -> str | None:
    """How Today lists date night on ``day`` (None when it doesn't); ``mark`` presses d."""
    clock.today = day
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        shown = next((line for line in lines if line.startswith("Date night")), None)
        if shown and mark:
            await pilot.press("d")
            await settle(pilot)
            assert "Date night" not in screen_text(app)
    return shown


async def test_a_weekly_commitment_across_a_month_boundary(
    make: Make, clock: Clock, welcomed: Path
) -> None:
    store = Store(welcomed)
    plans.add_commitment(store, "Date night", due="2026-11-24", every="weekly", today=TODAY)
    store.close()
    # Listed from the week before (Today shows the coming week), and marked on the day.
    assert (
        await date_night(make, clock, date(2026, 11, 24), mark=True) == "Date night  today · weekly"
    )
    assert await date_night(make, clock, date(2026, 11, 27)) == "Date night  Tuesday · weekly"
    assert await date_night(make, clock, date(2026, 11, 30)) == "Date night  tomorrow · weekly"
    assert (
        await date_night(make, clock, date(2026, 12, 1), mark=True) == "Date night  today · weekly"
    )
    assert await date_night(make, clock, date(2026, 12, 2)) == "Date night  Tuesday · weekly"
    assert await date_night(make, clock, date(2026, 12, 8)) == "Date night  today · weekly"
    [commitment] = stored(welcomed, Commitment)
    assert commitment.done_dates == ["2026-11-24", "2026-12-01"]


async def test_a_missed_commitment_is_set_down_kindly(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    plans.add_commitment(store, "Call about the boiler", due="2026-11-20", today=TODAY)
    store.close()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Call about the boiler  from Friday" in screen_text(app)
        await pilot.press("m")
        await settle(pilot)
        assert "Call about the boiler" not in screen_text(app)
        assert "Nothing due this week" in screen_text(app)
    [commitment] = stored(welcomed, Commitment)
    assert (commitment.status, commitment.missed_dates) == ("missed", ["2026-11-20"])


async def test_a_milestone_tomorrow_brings_the_day_before_suggestion(
    make: Make, welcomed: Path
) -> None:
    store = Store(welcomed)
    content = Content()
    plans.add_milestone(
        store, content, "Sam's presentation", day="2026-11-26", kind="event", today=TODAY
    )
    plans.add_milestone(store, content, "our anniversary", day="2014-12-03", kind="anniversary")
    plans.add_milestone(store, content, "Far away", day="2026-12-25", kind="event", today=TODAY)
    store.close()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Sam's presentation" in text and "tomorrow, Thu 26 Nov" in text
        assert "Sam's presentation is tomorrow. Let them know you remember it" in text
        assert "Thu 3 Dec, in 8 days · 12 years" in text
        assert "is tomorrow" not in text.split("our anniversary", 1)[1]
        assert "Far away" not in text


async def test_a_leap_day_birthday_comes_on_28_february_in_other_years(
    make: Make, clock: Clock, welcomed: Path
) -> None:
    store = Store(welcomed)
    plans.add_milestone(
        store, Content(), "Sam's birthday", day="2024-02-29", kind="birthday", today=TODAY
    )
    store.close()
    clock.today = date(2027, 2, 27)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "tomorrow, Sun 28 Feb · 3 years" in text
        assert "Sam's birthday is tomorrow." in text


async def test_on_this_day_shows_only_when_there_is_something(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#today-memories").display
    add_entry(Store(welcomed), body="First snow together", day="2025-11-25", today=TODAY)
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.screen.query_one("#today-memories").display
        assert "1 year ago" in screen_text(again) and "First snow together" in screen_text(again)


async def test_markup_in_titles_and_moments_shows_literally(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    plans.add_commitment(store, f"Fix {MARKUP}", due="2026-11-25", today=TODAY)
    store.close()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f"Fix {MARKUP}" in screen_text(app)
        await full_review(pilot, moment_line=f"ha {MARKUP}")
        assert f"“ha {MARKUP}”" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert f"“ha {MARKUP}”" in screen_text(app)
        await pilot.press("d")  # its notice repeats the title, markup and all
        await settle(pilot)
        assert app.is_running
    texts = {m.text for m in stored(welcomed, Moment)}
    assert f"ha {MARKUP}" in texts


async def test_palette_starts_the_review_and_the_checkin(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Start the daily review", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p", *"Weekly check-in", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CheckinScreen)


async def test_room_keys_inside_the_review_are_answers(make: Make, welcomed: Path) -> None:
    """Digits 1–5 switch rooms elsewhere; on the closeness step they choose closeness."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("enter", "enter")  # practices and moments
        await pilot.press("enter")  # the question, left for now
        await pilot.press("enter")  # no thank-you today
        assert "Step 5 of 6" in screen_text(app)
        await pilot.press("2")
        assert isinstance(app.screen, ReviewScreen)
        assert app.current_mode == "today"
        await pilot.press("enter")
        await settle(pilot)
    [saved] = stored(welcomed, Review)
    assert saved.answers["closeness"] == 2


# -- snapshot -------------------------------------------------------------------------


@pytest.fixture
def today_home(welcomed: Path) -> Path:
    store = Store(welcomed)
    content = Content()
    plans.add_commitment(store, "Date night", due="2026-11-04", every="weekly", today=TODAY)
    plans.add_commitment(store, "Fix the shelf", due="2026-11-23", today=TODAY)
    plans.add_milestone(
        store, content, "Sam's presentation", day="2026-11-26", kind="event", today=TODAY
    )
    plans.add_milestone(store, content, "Our anniversary", day="2014-12-03", kind="anniversary")
    add_entry(store, title="River walk", body="We talked about moving.", day="2025-11-25")
    checkins.save_checkin(store, content, {"1": 2, "2": 1}, today=date(2026, 11, 16))
    store.close()
    return welcomed


def test_today_room_snapshot(snap_compare: SnapCompare, make: Make, today_home: Path) -> None:
    app = make()
    assert snap_compare(app, terminal_size=SIZE)


async def test_arrows_choose_the_promise_that_d_marks_and_u_undoes(
    make: Make, welcomed: Path
) -> None:

    store = Store(welcomed)
    plans.add_commitment(store, "Call about the boiler", due="2026-11-24", today=TODAY)
    plans.add_commitment(store, "Book the table", due="2026-11-25", today=TODAY)
    store.close()
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#today-commitments-list", OptionList)
        await pilot.press("down")  # the first press moves, with nothing else before it
        assert listing.highlighted == 1
        await pilot.press("d")
        await settle(pilot)
        assert "Book the table" not in screen_text(app)
        assert "Call about the boiler" in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        assert "Book the table" in screen_text(app)
    titles = {c.title: c for c in stored(welcomed, Commitment)}
    assert titles["Book the table"].status == "open"
    assert titles["Book the table"].done_dates == []
    assert titles["Call about the boiler"].done_dates == []
    assert any("Book the table" in n and "u to undo" in n for n in notices)
    assert any("Undone" in n and "Book the table" in n for n in notices)
