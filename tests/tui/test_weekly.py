"""Stories of the weekly talk in the app: opened from the palette, an issue chosen from
the week, the closing answer typed, and the talk held; escape writes nothing; quitting
keeps what was typed."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from hearthside.domain.records import Commitment, PracticeLog, WeeklyTalk
from hearthside.services.journal import add_entry
from hearthside.services.practices import add_moment, log_practice
from hearthside.store.store import Store
from hearthside.texts.library import Content
from hearthside.tui.rooms.today import TodayScreen
from hearthside.tui.rooms.weekly import WeeklyTalkScreen
from tests.conftest import TODAY, disk_state, stored
from tests.tui.conftest import (
    FRESH_TERMINAL,
    Make,
    burst,
    opened,
    record_notices,
    screen_text,
    settle,
)

PALETTE = ["ctrl+p", *"Weekly talk", "enter"]


def a_week(home: Path) -> None:
    store, content = Store(home), Content()
    add_moment(store, False, "Snapped about the [bold]bins[/]", day="2026-11-24", today=TODAY)
    add_moment(store, True, "Laughed over dinner", day="2026-11-23", today=TODAY)
    log_practice(store, content, "compliments", note="Said the garden looks lovely", today=TODAY)
    add_entry(store, title="Sunday walk", body="By the lake.", closeness=5, day="2026-11-23")
    store.close()


async def test_an_issue_chosen_an_answer_typed_and_the_talk_held(
    make: Make, welcomed: Path
) -> None:
    a_week(welcomed)
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        screen = await opened(pilot, PALETTE, WeeklyTalkScreen)
        text = screen_text(app)
        assert "The week of 23–29 November 2026" in text
        assert "Kind words: Said the garden looks lovely" in text
        assert "A good moment: Laughed over dinner" in text
        assert "A close day (5 of 5): Sunday walk" in text
        assert "A hard moment: Snapped about the [bold]bins[/]" in text  # shown as typed
        assert "What would make you feel loved in the coming week?" in text
        # The first thing to raise is in hand: Enter puts it in the issue, Tab moves on.
        await pilot.press("enter")
        issue = screen.query_one("#weekly-issue", Input)
        assert issue.value == "Snapped about the [bold]bins[/]" and app.focused is issue
        await burst(pilot, "tab", *"A slow breakfast together")
        assert screen.query_one("#weekly-answer", Input).value == "A slow breakfast together"
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "Held on Wednesday 25 November" in text
        assert "counts as this week's real conversation" in text
        # Held again after a change: still one talk, one log, one promise, in new words.
        await burst(pilot, *" on Sunday", "enter")
        await opened(pilot, ["escape"], TodayScreen)
    (talk,) = stored(welcomed, WeeklyTalk)
    assert (talk.date, talk.held) == ("2026-11-23", "2026-11-25")
    assert talk.issue == "Snapped about the [bold]bins[/]"
    (promise,) = stored(welcomed, Commitment)
    assert promise.title == talk.answer == "A slow breakfast together on Sunday"
    assert (promise.id, promise.due) == (talk.promise, "2026-12-02")
    talks = [log for log in stored(welcomed, PracticeLog) if log.practice == "conversation"]
    assert [(log.id, log.date) for log in talks] == [(talk.logged, "2026-11-25")]


async def test_escape_leaves_without_writing(make: Make, welcomed: Path) -> None:
    before = disk_state(welcomed)
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, PALETTE, WeeklyTalkScreen)
        # An empty week says so kindly, and offers to type the issue.
        text = screen_text(app)
        assert "Nothing noted this week yet, and that's fine." in text
        assert "Nothing hard was noted this week." in text
        await burst(pilot, *"Money", "tab", *"A walk")
        await opened(pilot, ["escape"], TodayScreen)
    assert disk_state(welcomed) == before


async def test_quitting_keeps_what_was_typed_without_holding_it(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, PALETTE, WeeklyTalkScreen)
        await burst(pilot, *"Money", "tab", *"A walk", "ctrl+q")
    (talk,) = stored(welcomed, WeeklyTalk)
    assert (talk.issue, talk.answer, talk.held) == ("Money", "A walk", None)
    assert stored(welcomed, PracticeLog) == [] and stored(welcomed, Commitment) == []

    again = make()
    async with again.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        screen = await opened(pilot, PALETTE, WeeklyTalkScreen)
        assert screen.query_one("#weekly-issue", Input).value == "Money"
        assert screen.query_one("#weekly-answer", Input).value == "A walk"


async def test_the_agenda_is_saved_to_print_from_the_palette(make: Make, welcomed: Path) -> None:
    a_week(welcomed)
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, PALETTE, WeeklyTalkScreen)
        await opened(pilot, ["ctrl+p", *"Save the agenda to print", "enter"], WeeklyTalkScreen)
    (page,) = (welcomed / "exports").glob("weekly-talk-2026-11-23*.html")
    assert f"Saved the agenda to {page}" in " ".join(notices)
    text = page.read_text(encoding="utf-8")
    assert "Snapped about the [bold]bins[/]" in text and "The week of 23–29 November" in text


async def test_a_broken_weekly_talk_file_is_named_in_the_room(
    make: Make, welcomed: Path, own_copy: Path
) -> None:
    path = own_copy / "weekly-talk.md"
    path.write_text(path.read_text(encoding="utf-8").replace("minutes: 60", "minutes: soon"))
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, PALETTE, WeeklyTalkScreen)
        assert "weekly-talk.md, line 9: front matter: 'minutes'" in screen_text(app)
        await pilot.press("ctrl+s")
        await opened(pilot, ["escape"], TodayScreen)
    assert stored(welcomed, WeeklyTalk) == []


async def test_quitting_after_holding_puts_the_new_words_in_the_same_promise(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, PALETTE, WeeklyTalkScreen)
        await burst(pilot, "tab", *"A walk", "enter")
        assert "Held on Wednesday 25 November" in screen_text(app)
        await burst(pilot, *" by the river", "ctrl+q")
    (talk,) = stored(welcomed, WeeklyTalk)
    assert (talk.answer, talk.held) == ("A walk by the river", "2026-11-25")
    assert [c.title for c in stored(welcomed, Commitment)] == ["A walk by the river"]
    assert len(stored(welcomed, PracticeLog)) == 1
