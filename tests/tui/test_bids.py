"""Stories of the Dashboard's bids and disagreements: b notes a bid for connection in a
small form, ! marks the last moment as during a disagreement, keyboard only."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from hearthside.domain.records import Bid, BidResponse, BidWhose, Moment
from hearthside.tui.dialogs.bid import BidDialog
from tests.conftest import TODAY, stored
from tests.tui.conftest import SIZE, Make, burst, counted, opened, record_notices, screen_text


def flat(text: str) -> str:
    return " ".join(text.split())


async def test_b_notes_their_bid_turned_toward_with_a_few_words(make: Make, welcomed: Path) -> None:
    app = make(room="dashboard")
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        assert "No bids noted this week" in screen_text(app)
        dialog = await opened(pilot, ["b"], BidDialog)
        # Whose, then how it was met, then the words: the order a person tells it.
        order = []
        for _ in range(3):
            order.append(app.focused)
            await pilot.press("tab")
        assert order == [
            dialog.query_one("#bid-whose", Select),
            dialog.query_one("#bid-met", Select),
            dialog.query_one("#bid-text", Input),
        ]
        await pilot.press("shift+tab")
        await pilot.press(*"asked about my day", "enter")
        await counted(pilot)
        text = flat(screen_text(app))
        assert "You turned toward 1 of their 1 bid this week (100%)" in text
        assert "None of your bids noted" in text
        assert "about 86% of the time; those who parted, about 33%" in text
    [bid] = stored(welcomed, Bid)
    assert (bid.date, bid.whose, bid.response, bid.text) == (
        TODAY.isoformat(),
        BidWhose.THEIRS,
        BidResponse.TOWARD,
        "asked about my day",
    )
    assert "Noted: Noted their bid for today, turned toward. u takes it back." in notices


async def test_your_own_bid_met_with_a_sharp_word_chosen_by_keyboard(
    make: Make, welcomed: Path
) -> None:
    app = make(room="dashboard")
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        await opened(pilot, ["b"], BidDialog)
        await pilot.press("enter", "down", "enter")  # whose: mine
        await pilot.pause()
        await pilot.press("tab", "enter", "down", "down", "enter")  # met: turned against
        await pilot.pause()
        await pilot.press("ctrl+s")
        await counted(pilot)
        text = flat(screen_text(app))
        assert "None of their bids noted this week" in text
        assert "They turned toward 0 of your 1 bid (0%)" in text
        await pilot.press("u")
        await counted(pilot)
        assert "No bids noted this week" in screen_text(app)
    assert stored(welcomed, Bid) == []


async def test_the_bid_form_fits_a_fresh_terminal(make: Make, welcomed: Path) -> None:
    app = make(room="dashboard")
    async with app.run_test(size=(80, 24)) as pilot:
        await counted(pilot)
        dialog = await opened(pilot, ["b"], BidDialog)
        for field in ("#bid-whose", "#bid-met", "#bid-text", "#form-save"):
            region = dialog.query_one(field).region
            assert region.width and 0 <= region.y < 24 and region.right <= 80, field
        await pilot.press("escape")
        await counted(pilot)
    assert stored(welcomed, Bid) == []


async def test_words_typed_in_the_bid_form_are_kept_on_quit(make: Make, welcomed: Path) -> None:
    app = make(room="dashboard")
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        await opened(pilot, ["b"], BidDialog)
        await pilot.press("tab", "tab")
        await burst(pilot, *"a hand on my shoulder", "ctrl+q")
    [bid] = stored(welcomed, Bid)
    assert bid.text == "a hand on my shoulder" and bid.response is BidResponse.TOWARD
    assert "was saved" in " ".join(app.kept_on_quit)


async def test_bang_marks_the_last_moment_as_during_a_disagreement_and_back(
    make: Make, welcomed: Path
) -> None:
    app = make(room="dashboard")
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await counted(pilot)
        await pilot.press("exclamation_mark")
        await counted(pilot)
        assert any("Note a moment with + or - first" in n for n in notices)
        await pilot.press("minus")
        await counted(pilot)
        assert "0 good to 1 hard · 0.0:1, aim 20:1" in screen_text(app)
        await pilot.press("exclamation_mark")
        await counted(pilot)
        text = screen_text(app)
        assert "0 good to 0 hard · aim 20:1" in text
        assert "0 good to 1 hard · 0.0:1, aim 5:1" in text
        assert [m.conflict for m in stored(welcomed, Moment)] == [True]
        assert any("counts as during a disagreement now" in n for n in notices)
        await pilot.press("exclamation_mark")  # pressed by mistake: it comes off again
        await counted(pilot)
        assert "0 good to 1 hard · 0.0:1, aim 20:1" in screen_text(app)
    assert [m.conflict for m in stored(welcomed, Moment)] == [False]
