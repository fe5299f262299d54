"""Stories of "we talked about it": today's question answered from Today logs a real
conversation for today, once, and u takes it back. Each talk first offers to note what
was learned in the love map (tests/tui/test_lovemap.py); escape passes it by."""

from __future__ import annotations

from pathlib import Path

from hearthside.domain.records import PracticeLog, Review
from tests.conftest import run, stored
from tests.tui.conftest import SIZE, Make, record_notices, screen_text, settle

LOGGED = (
    ": Noted: you talked about today's question, and a real conversation is logged "
    "for today. Press u to undo."
)


async def test_we_talked_about_it_logs_a_real_conversation_once(make: Make, welcomed: Path) -> None:
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await settle(pilot)
        assert notices[-1] == LOGGED
        await pilot.press("escape")
        assert "You talked about it today." in screen_text(app)
        await pilot.press("t")
        await settle(pilot)
        assert notices[-1] == (
            ": You'd already talked about today's question; "
            "a real conversation is logged for today, once."
        )
    (log,) = stored(welcomed, PracticeLog)
    assert (log.practice, log.date) == ("conversation", "2026-11-25")
    shown = run("question").output
    assert "You talked about it today." in shown


async def test_talked_about_then_undone_leaves_no_log(make: Make, welcomed: Path) -> None:
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")  # kept for later first
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("escape", "u")
        await settle(pilot)
        assert notices[-1] == ": Undone: today's question is kept for later again."
        assert "Kept for later" in screen_text(app)
    assert stored(welcomed, PracticeLog) == []
    (saved,) = stored(welcomed, Review)
    assert saved.answers["outcome"] == "later"
    assert "Kept for later" in run("question").output


async def test_a_conversation_logged_earlier_is_not_logged_twice(
    make: Make, welcomed: Path
) -> None:
    assert run("log", "talk", "--date", "2026-11-25").exit_code == 0
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await settle(pilot)
        assert notices[-1] == (
            ": Noted: you talked about today's question. A real conversation was logged "
            "today already, so it counts once. Press u to undo."
        )
        await pilot.press("escape", "u")
        await settle(pilot)
    # Undo takes back only the answer: the log made in another place stays.
    assert [log.practice for log in stored(welcomed, PracticeLog)] == ["conversation"]


async def test_skipping_after_talking_takes_the_conversation_back(
    make: Make, welcomed: Path
) -> None:
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("escape", "s")
        await settle(pilot)
        await pilot.press("u")  # the skip was the last answer: u has nothing of its own
        await settle(pilot)
        assert notices[-1] == ": There's nothing to undo."
    assert stored(welcomed, PracticeLog) == []
    assert stored(welcomed, Review)[0].answers["outcome"] == "skip"
