"""Quitting the moment a sentence is finished keeps the sentence: ctrl+q in every room."""

from __future__ import annotations

from pathlib import Path

from hearthside.domain.records import Checkin, Entry, Learned, Note
from hearthside.services.drafts import pending_drafts
from hearthside.store.encryption.keys import Keyring
from hearthside.tui.dialogs.welcome import RestoreDraftScreen
from tests.conftest import stored
from tests.tui.conftest import SIZE, Make, burst, open_composer, open_editor, open_review, settle


async def test_words_typed_then_ctrl_q_at_once_are_offered_back(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        await burst(pilot, *"We walked to the lake", "ctrl+q")
    assert app.return_code == 0
    assert stored(welcomed, Entry) == []
    assert [d.body for d in pending_drafts(welcomed, Keyring())] == ["We walked to the lake"]
    assert "kept as a draft" in " ".join(app.kept_on_quit)

    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, RestoreDraftScreen)


async def test_a_note_in_the_composer_is_saved_as_a_draft_on_quit(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_composer(pilot)
        await pilot.press("enter")  # start blank
        await burst(pilot, *"Thank you for the soup", "ctrl+q")
    [note] = stored(welcomed, Note)
    assert (note.text, note.status) == ("Thank you for the soup", "drafted")
    assert "Notes" in " ".join(app.kept_on_quit)


async def test_the_review_step_in_hand_is_saved_on_quit(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("enter", "enter", "l")
        await burst(pilot, *"Thanks for the tea", "ctrl+q")
    [note] = stored(welcomed, Note)
    assert note.text == "Thanks for the tea"


async def test_a_checkin_half_rated_is_saved_on_quit(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Weekly check-in", "enter")
        await settle(pilot)
        await burst(pilot, "2", "3", "ctrl+q")
    [checkin] = stored(welcomed, Checkin)
    assert list(checkin.ratings.values())[:2] == [2, 3]


async def test_ctrl_s_right_after_typing_saves_every_word(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        await burst(pilot, *"All of it", "ctrl+s")
        await settle(pilot)
    [entry] = stored(welcomed, Entry)
    assert entry.body == "All of it"


async def test_a_disk_watch_tick_after_the_writer_closed_is_no_crash(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        app._writer.shutdown(wait=True)  # as at the very end, or after a crash
        app._poll_disk()  # the interval timer's tick
        await pilot.pause()
        assert not app.crashed


async def test_words_in_a_small_form_are_saved_on_quit(make: Make, welcomed: Path) -> None:
    """Found as a new user: a love-map note typed, then ctrl+q at once, was lost."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Love map", "enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await burst(pilot, *"Her sister calls every Sunday", "ctrl+q")
    [item] = stored(welcomed, Learned)
    assert item.text == "Her sister calls every Sunday"
    assert "was saved" in " ".join(app.kept_on_quit)


async def test_a_form_opened_and_left_untouched_saves_nothing_on_quit(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Love map", "enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await burst(pilot, "ctrl+q")
    assert stored(welcomed, Learned) == []
