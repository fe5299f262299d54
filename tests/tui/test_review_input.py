"""The daily review under real input: bursts, Tab where a person presses it, digits as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from hearthside.domain.records import Entry, Moment, Note, PracticeLog
from hearthside.services.crash_reports import REPORTS
from hearthside.services.review import session as review
from tests.conftest import stored
from tests.tui.conftest import SIZE, Make, burst, open_review, screen_text, settle


async def to_step(pilot: Pilot[None], step: int) -> None:
    """From step 1, Enter past each step with nothing filled in (the question: later)."""
    keys = {1: [], 2: ["enter"], 3: ["enter", "enter"], 4: ["enter", "enter", "l"]}[step]
    for key in keys:
        await pilot.press(key)


async def test_a_thank_you_pasted_with_its_newline_is_saved(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await to_step(pilot, 4)
        assert "Step 4 of 6" in screen_text(app)
        await burst(pilot, *"the flowers", "enter")
        assert "Step 5 of 6" in screen_text(app)
        await burst(pilot, "4", "tab", *"A calm evening.", "enter")
        assert "Step 6 of 6" in screen_text(app)
        text = screen_text(app)
        assert "the flowers" in text
    (note,) = stored(welcomed, Note)
    assert note.text == "the flowers"
    (entry,) = stored(welcomed, Entry)
    assert (entry.closeness, entry.body) == (4, "A calm evening.")


async def test_moment_lines_typed_fast_are_saved(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await to_step(pilot, 2)
        await burst(pilot, *"a long walk", "tab", *"late again", "enter")
        assert "Step 3 of 6" in screen_text(app)
    moments = stored(welcomed, Moment)
    assert sorted((m.positive, m.text) for m in moments) == [
        (False, "late again"),
        (True, "a long walk"),
    ]


async def test_enter_on_the_good_line_goes_to_the_next_step(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await to_step(pilot, 2)
        await pilot.press("enter")
        assert "Step 3 of 6" in screen_text(app)
    assert stored(welcomed, Moment) == []


async def test_tab_moves_between_fields_and_never_leaves_the_step(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await to_step(pilot, 4)
        await pilot.press("enter")
        assert "Step 5 of 6" in screen_text(app)
        await pilot.press("3", "tab", "tab", "tab")
        assert "Step 5 of 6" in screen_text(app)
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert "Step 5 of 6" in screen_text(app)
        # The scale has the focus again: Tab once reaches the reflection.
        await pilot.press("tab", *"Quiet day", "enter")
        await settle(pilot)
        assert "Step 6 of 6" in screen_text(app)
    (entry,) = stored(welcomed, Entry)
    assert (entry.closeness, entry.body) == (3, "Quiet day")


async def test_digits_in_the_reflection_are_text(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await to_step(pilot, 4)
        await pilot.press("enter")
        # A change of mind on the scale, then a reflection with digits in it.
        await pilot.press("1", "3", "tab", *"2 hours of talk", "enter")
        await settle(pilot)
    (entry,) = stored(welcomed, Entry)
    assert (entry.closeness, entry.body) == (3, "2 hours of talk")


async def test_typing_on_the_scale_goes_into_the_reflection(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await to_step(pilot, 4)
        await pilot.press("enter")
        await burst(pilot, "5", *"We laughed", "enter")
    (entry,) = stored(welcomed, Entry)
    assert (entry.closeness, entry.body) == (5, "We laughed")


async def test_a_stray_letter_in_a_count_row_records_nothing(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await to_step(pilot, 2)
        await pilot.press("tab", "x", "backspace", "enter")
        await settle(pilot)
        assert "Step 3 of 6" in screen_text(app)
    assert stored(welcomed, Moment) == []


async def test_a_practice_and_its_minutes_typed_in_one_go(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await burst(pilot, "h", "d", "4", "5", "enter")
        assert "Step 2 of 6" in screen_text(app)
    logs = stored(welcomed, PracticeLog)
    assert sorted((log.practice, log.minutes) for log in logs) == [
        ("affection", None),
        ("quality-time", 45),
    ]


async def test_an_unexpected_error_while_saving_ends_the_wait(
    make: Make, welcomed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every write the screen waits for ends in done or failed, never "Saving…" for ever."""

    def broken(*_args: object, **_kw: object) -> None:
        raise KeyError("a bug, not bad input")

    monkeypatch.setattr(review, "finish", broken)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("enter", "enter", "l", "enter", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Step 6 of 6" in text
        assert "Saving…" not in text
        assert "couldn't be saved" in text
        assert "a bug, not bad input" not in text
    reports = list((welcomed / REPORTS).glob("*"))
    assert len(reports) == 1


async def test_a_whole_review_typed_in_one_burst_lands_step_by_step(
    make: Make, welcomed: Path
) -> None:
    """Faster than any screen refreshes: every step's keys follow the Enter before them."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await burst(
            pilot,
            *"cd90",
            "enter",
            "up",
            "up",
            *"the lake",
            "enter",
            "t",
            *"the picnic",
            "enter",
            "5",
            *"Best day in a while",
            "enter",
        )
        await settle(pilot)
        assert "Step 6 of 6" in screen_text(app)
    logs = stored(welcomed, PracticeLog)
    assert sorted((log.practice, log.minutes) for log in logs) == [
        ("compliments", None),
        ("conversation", None),  # "t": they talked about the question
        ("quality-time", 90),
    ]
    assert sorted((m.positive, m.text) for m in stored(welcomed, Moment)) == [
        (True, ""),
        (True, "the lake"),
    ]
    [note] = stored(welcomed, Note)
    assert note.text == "the picnic"
    [entry] = stored(welcomed, Entry)
    assert (entry.closeness, entry.body) == (5, "Best day in a while")
