"""Stories of the love map in the app: opened from the palette, things added under a
topic, marked still true, changed, deleted and brought back; and the offer after
"we talked about it" on today's question."""

from __future__ import annotations

import shutil
from pathlib import Path

from hearthside.domain.records import Learned, PracticeLog
from hearthside.paths import package_resource
from hearthside.services.review import session as review
from hearthside.tui.dialogs.lovemap import LearnedDialog
from hearthside.tui.rooms.lovemap import LoveMapScreen
from hearthside.tui.rooms.review import ReviewScreen
from hearthside.tui.rooms.today import TodayScreen
from tests.conftest import TODAY, run, stored
from tests.tui.conftest import (
    FRESH_TERMINAL,
    SIZE,
    Make,
    buttons_on_screen,
    opened,
    record_notices,
    screen_text,
    settle,
)

WIDE = (160, 45)


async def test_the_love_map_from_the_palette_add_confirm_edit_delete_undo(
    make: Make, welcomed: Path
) -> None:
    run("learned", "favourites", "Cardamom buns", "--date", "2026-11-01")
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"Love map", "enter"], LoveMapScreen)
        text = screen_text(app)
        assert "On their mind lately  · nothing yet" in text
        assert "Their favourites  · learned something 3 weeks ago" in text
        assert "Cardamom buns" in text
        assert "Listen for: What fills their days" in text  # the first topic's hint
        # n on the third topic (dreams): a markup-like line is kept as typed.
        await pilot.press("down", "down")
        dialog = await opened(pilot, ["n"], LearnedDialog)
        assert "Something you learned · Their dreams" in screen_text(app)
        await pilot.press(*"[bold]x[/] a boat")
        await opened(pilot, ["enter"], LoveMapScreen)
        assert dialog.is_attached is False
        assert "[bold]x[/] a boat" in screen_text(app)
        assert "Their dreams  · learned something this week" in screen_text(app)
        (new,) = [i for i in stored(welcomed, Learned) if i.topic == "dreams"]
        assert new.text == "[bold]x[/] a boat"
        # The cursor sits on what was just added: c marks it still true, e changes it.
        await pilot.press("c")
        await settle(pilot)
        assert stored(welcomed, Learned)[-1].confirmed is not None
        assert "still true Wed 25 Nov" in screen_text(app)
        await opened(pilot, ["e"], LearnedDialog)
        await pilot.press("ctrl+u")
        await pilot.press(*"A small sailing boat")
        await opened(pilot, ["enter"], LoveMapScreen)
        assert "A small sailing boat" in screen_text(app)
        # x to the trash, u back again.
        await pilot.press("x")
        await settle(pilot)
        assert notices[-1] == "Deleted: Moved it to the trash. Press u to undo."
        assert "A small sailing boat" not in screen_text(app)
        assert [i.text for i in stored(welcomed, Learned)] == ["Cardamom buns"]
        await pilot.press("u")
        await settle(pilot)
        assert "A small sailing boat" in screen_text(app)
        await opened(pilot, ["escape"], TodayScreen)
    assert "A small sailing boat" in run("lovemap", "dreams").output


async def test_escape_from_adding_writes_nothing_and_it_fits_a_wide_window(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"Love map", "enter"], LoveMapScreen)
        await opened(pilot, ["n"], LearnedDialog)
        await pilot.press(*"never mind")
        await opened(pilot, ["escape"], LoveMapScreen)
        assert "How they see us  · nothing yet" in screen_text(app)
    assert stored(welcomed, Learned) == []


async def test_after_we_talked_about_it_the_app_offers_to_note_what_was_learned(
    make: Make, welcomed: Path
) -> None:
    app = make()
    question = review.start(app.store, app.content, today=TODAY).question
    assert question is not None
    topic = app.content.lovemap_topic(question.topic)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await opened(pilot, ["t"], LearnedDialog)
        text = screen_text(app)
        assert "Did you learn something about them?" in text
        assert f"under “{topic.title}”" in text
        await pilot.press(*"Wants to learn the cello")
        await opened(pilot, ["enter"], TodayScreen)
        assert "You talked about it today." in screen_text(app)
    (item,) = stored(welcomed, Learned)
    assert (item.topic, item.text, item.date) == (
        topic.id,
        "Wants to learn the cello",
        "2026-11-25",
    )
    assert len(stored(welcomed, PracticeLog)) == 1


async def test_escaping_the_offer_writes_nothing_and_u_still_undoes_the_talk(
    make: Make, welcomed: Path
) -> None:
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["t"], LearnedDialog)
        assert buttons_on_screen(app) == ["Save", "Cancel"]  # the whole box fits at 80x24
        await opened(pilot, ["escape"], TodayScreen)
        await pilot.press("u")
        await settle(pilot)
        assert notices[-1] == ": Undone: today's question is open again."
        assert stored(welcomed, PracticeLog) == []
        # Answering again when already talked offers nothing more.
        await pilot.press("t")
        await settle(pilot)
        await opened(pilot, ["escape"], TodayScreen)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert stored(welcomed, Learned) == []


async def test_the_guide_points_dreams_side_by_side_to_the_love_map(
    make: Make, welcomed: Path
) -> None:
    app = make(room="guide")
    line = app.content.lovemap_guide.line
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await settle(pilot)
        assert line not in screen_text(app)  # strategy 1
        await pilot.press("down", "down", "down")
        await settle(pilot)
        assert "4. Make room for both your dreams" in screen_text(app)
        assert line in screen_text(app)


async def test_a_broken_love_map_file_is_named_on_the_screen_not_a_crash(
    make: Make, welcomed: Path, tmp_path: Path
) -> None:
    root = tmp_path / "content"
    shutil.copytree(package_resource("content"), root)
    path = root / "lovemap.md"
    path.write_text(path.read_text(encoding="utf-8").replace("  - id: friends\n", "  - idd: x\n"))
    app = make(content_dir=root)
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        await opened(pilot, ["ctrl+p", *"Love map", "enter"], LoveMapScreen)
        assert "lovemap.md, line" in screen_text(app)
        await pilot.press("n")
        await opened(pilot, ["escape"], TodayScreen)


async def test_a_broken_guide_link_leaves_the_guide_readable(
    make: Make, welcomed: Path, tmp_path: Path
) -> None:
    root = tmp_path / "content"
    shutil.copytree(package_resource("content"), root)
    path = root / "lovemap.md"
    path.write_text(path.read_text(encoding="utf-8").replace("steps: [4, 9", "steps: [4, 99"))
    app = make(room="guide", content_dir=root)
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down")
        await settle(pilot)
        text = screen_text(app)
        assert "4. Make room for both your dreams" in text
        assert "names strategy 99, which doesn't exist" in text


async def test_a_review_that_talked_about_the_question_offers_the_love_map_at_its_end(
    make: Make, welcomed: Path
) -> None:
    """In the review the offer waits for the summary, so no step's keys are caught."""
    app = make()
    question = review.start(app.store, app.content, today=TODAY).question
    assert question is not None
    topic = app.content.lovemap_topic(question.topic)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, ["r"], ReviewScreen)
        await pilot.press("enter", "enter", "t", *"the picnic", "enter", "enter")
        await settle(pilot)
        assert "Step 6 of 6" in screen_text(app)
        assert "m notes what you learned" in screen_text(app)
        await opened(pilot, ["m"], LearnedDialog)
        assert f"under “{topic.title}”" in screen_text(app)
        await pilot.press(*"Misses her grandmother's garden")
        await opened(pilot, ["enter"], ReviewScreen)
    (item,) = stored(welcomed, Learned)
    assert (item.topic, item.text) == (topic.id, "Misses her grandmother's garden")


async def test_a_review_that_skipped_the_question_offers_nothing(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, ["r"], ReviewScreen)
        await pilot.press("enter", "enter", "s", "enter", "enter")
        await settle(pilot)
        assert "Step 6 of 6" in screen_text(app)
        assert "m notes what you learned" not in screen_text(app)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
    assert stored(welcomed, Learned) == []
