"""Stories of the shell, the Journal and the Guide, told through the keyboard."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from hearthside.domain.records import Commitment, Entry
from hearthside.services.drafts import pending_drafts
from hearthside.store.encryption.keys import Keyring
from hearthside.store.store import Store
from hearthside.tui.dialogs.welcome import RestoreDraftScreen, WelcomeScreen
from hearthside.tui.rooms.editor import EntryEditor
from hearthside.tui.rooms.guide import GuideScreen
from hearthside.tui.rooms.journal import JournalScreen
from hearthside.tui.widgets.entry_list import EntryList
from tests.conftest import stored
from tests.tui.conftest import SIZE, Make, burst, open_editor, screen_text, settle


async def write_entry(
    pilot: Pilot[None], body: str, *, title: str = "", tags: str = "", day: str = ""
) -> None:
    """Press n in the Journal, fill the fields with the keyboard, ctrl+s, escape."""
    await open_editor(pilot)
    app = pilot.app
    assert isinstance(app.screen, EntryEditor)
    if title:
        app.screen.query_one("#title", Input).focus()
        await pilot.press(*title)
    if day:
        date_box = app.screen.query_one("#date", Input)
        date_box.focus()
        date_box.value = ""
        await pilot.press(*day)
    if tags:
        app.screen.query_one("#tags", Input).focus()
        await pilot.press(*tags)
    app.screen.query_one("#body", TextArea).focus()
    await pilot.press(*body)
    await pilot.press("ctrl+s")
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


async def test_first_run_welcome_asks_for_the_spouse_and_week_start(
    make: Make, private_home: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press(*"Alex", "enter")
        week = app.screen.query_one("#week-start", Select)
        week.value = 6
        await pilot.click("#begin")
        await settle(pilot)
        assert not isinstance(app.screen, WelcomeScreen)
        assert "with Alex" in app.sub_title
    settings = Store(private_home).settings()
    assert (settings.spouse_name, settings.week_start, settings.welcomed) == ("Alex", 6, True)


async def test_a_name_typed_fast_with_enter_twice_begins(make: Make, private_home: Path) -> None:
    """A name and two Enters, as fast as a terminal sends them: the second Enter must
    find Begin, not the name field it just left."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, *"Robin", "enter", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, WelcomeScreen)
        assert "with Robin" in app.sub_title
    settings = Store(private_home).settings()
    assert (settings.spouse_name, settings.welcomed) == ("Robin", True)


async def test_welcome_can_be_skipped_and_is_not_asked_again(
    make: Make, private_home: Path
) -> None:
    async with make().run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
    async with make().run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(pilot.app.screen, WelcomeScreen)


async def test_write_an_entry_with_the_keyboard_and_find_it(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await write_entry(pilot, "We walked to the lake.", title="Sunday walk", tags="#walk #us")
        assert isinstance(app.screen, JournalScreen)
        assert "Sunday walk" in screen_text(app)
        assert "#walk #us" in screen_text(app)
    [entry] = stored(welcomed, Entry)
    assert (entry.title, entry.body, entry.tags, entry.date) == (
        "Sunday walk",
        "We walked to the lake.",
        ["walk", "us"],
        "2026-11-25",
    )


async def test_the_date_field_reads_words_and_shows_iso_back(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        box = app.screen.query_one("#date", Input)
        box.focus()
        box.value = ""
        await pilot.press(*"3 days ago")
        await pilot.pause()
        assert "2026-11-22" in screen_text(app)
        box.value = "blurf"
        await pilot.pause()
        assert 'Couldn\'t read "blurf" as a date' in screen_text(app)


async def test_filter_by_tag_words_and_dates(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    from hearthside.services.journal import add_entry

    add_entry(store, body="Coffee on the porch", tags=["morning"], day="2026-11-24")
    add_entry(store, body="Long talk after dinner", tags=["talk"], day="2026-11-10")
    add_entry(store, body="Old memory", tags=["talk"], day="2026-10-01")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "slash", *"#talk")
        await pilot.pause()
        shown = app.screen.query_one(EntryList).lines()
        assert len(shown) == 2 and all("#talk" in s for s in shown)
        app.screen.query_one("#filter", Input).value = "since last monday"
        await pilot.pause()
        shown = app.screen.query_one(EntryList).lines()
        assert len(shown) == 1 and "Coffee on the porch" in shown[0]
        app.screen.query_one("#filter", Input).value = "#talk 2026-11"
        await pilot.pause()
        shown = app.screen.query_one(EntryList).lines()
        assert len(shown) == 1 and "Long talk" in shown[0]
        assert "1 of 3 entries" in screen_text(app)


async def test_a_filter_typed_in_one_burst_lands_in_the_filter(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    store.add(Entry(date="2026-11-24", body="A walk by the river"))
    store.add(Entry(date="2026-11-10", body="Coffee on the porch"))
    store.close()
    app = make(room="journal")
    async with app.run_test(size=SIZE) as pilot:
        # "/" and the words behind it, faster than the screen refreshes.
        await burst(pilot, "slash", *"walk")
        assert app.screen.query_one("#filter", Input).value == "walk"
        shown = app.screen.query_one(EntryList).lines()
        assert len(shown) == 1 and "A walk by the river" in shown[0]


async def test_a_new_entry_typed_in_one_burst_lands_in_the_editor(
    make: Make, welcomed: Path
) -> None:
    app = make(room="journal")
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "n", *"We walked after dinner.", "enter", *"Slowly.")
        assert isinstance(app.screen, EntryEditor)
        body = app.screen.query_one("#body", TextArea)
        assert body.text == "We walked after dinner.\nSlowly."
        await burst(pilot, "ctrl+s")
    assert [e.body for e in stored(welcomed, Entry)] == ["We walked after dinner.\nSlowly."]


async def test_autosave_then_crash_then_restore(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        await pilot.press(*"Half a thought about us")
        await pilot.pause(2.3)  # the autosave fires two seconds after the last key
        await settle(pilot)
        drafts = pending_drafts(welcomed, Keyring())
        assert [d.body for d in drafts] == ["Half a thought about us"]
        # A crash: the app goes away without saving or asking.
        app._writer.shutdown(wait=True)
    assert stored(welcomed, Entry) == []
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, RestoreDraftScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(again.screen, EntryEditor)
        assert again.screen.query_one("#body", TextArea).text == "Half a thought about us"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [e.body for e in stored(welcomed, Entry)] == ["Half a thought about us"]
    assert pending_drafts(welcomed, Keyring()) == []


async def test_leaving_with_unsaved_changes_asks_first(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        await pilot.press(*"Not yet saved", "escape")
        await pilot.pause()
        assert "changes that aren't saved" in screen_text(app)
        await pilot.press("k")  # keep going
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        await pilot.press("escape", "s")  # save and leave
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
    assert [e.body for e in stored(welcomed, Entry)] == ["Not yet saved"]


async def test_delete_then_undo_then_trash_restore(make: Make, welcomed: Path) -> None:
    from hearthside.services.journal import add_entry

    add_entry(Store(welcomed), body="Keep me", day="2026-11-20")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "x")
        await settle(pilot)
        assert stored(welcomed, Entry) == []
        assert "No entries yet" in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        assert [e.body for e in stored(welcomed, Entry)] == ["Keep me"]
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("T")
        await pilot.pause()
        assert "Keep me" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
    assert [e.body for e in stored(welcomed, Entry)] == ["Keep me"]


async def test_open_a_strategy_and_start_a_linked_entry(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        await pilot.press("down", "down")
        await pilot.pause()
        text = screen_text(app)
        assert "3. Say the good things you see" in text
        assert "Practices it feeds" in text
        await pilot.press("w")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        await pilot.press(*"Told her the soup was wonderful", "ctrl+s")
        await settle(pilot)
    [entry] = stored(welcomed, Entry)
    assert entry.steps == [3]


async def test_the_faq_renders_as_its_own_page(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "f")
        await pilot.pause()
        assert "Questions people ask" in screen_text(app)


async def test_switch_theme_is_remembered(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Switch theme", "enter")
        await pilot.pause()
        await pilot.press(*"Linen", "enter")
        await settle(pilot)
        assert app.theme == "linen"
    assert Store(welcomed).settings().theme == "linen"
    reopened = make()
    async with reopened.run_test(size=SIZE) as pilot:
        assert reopened.theme == "linen"


async def test_palette_reaches_every_room_by_name(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        for name, mode in [
            ("Journal", "journal"),
            ("Guide", "guide"),
            ("Dashboard", "dashboard"),
            ("Notes", "notes"),
            ("Today", "today"),
        ]:
            await pilot.press("ctrl+p", *name, "enter")
            await pilot.pause()
            assert app.current_mode == mode
        await pilot.press("ctrl+p", *"New journal entry", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)


async def test_question_mark_shows_the_rooms_keys(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "New" in text and "Filter" in text and "Guide" in text
        await pilot.press("escape")


async def test_an_entry_added_from_the_cli_shows_up(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "hearthside",
                "--home",
                str(welcomed),
                "add",
                "From the other terminal",
            ],
            check=True,
        )
        await pilot.pause(2.5)
        await settle(pilot)
        assert "From the other terminal" in screen_text(app)
        await write_entry(pilot, "And one from here")
    assert {e.body for e in stored(welcomed, Entry)} == {
        "From the other terminal",
        "And one from here",
    }


MARKUP = ["[bold]x[/]", "[/ then", "[@click=app.quit]y[/]", "[sad]"]


@pytest.mark.parametrize("text", MARKUP)
async def test_markup_in_user_text_is_shown_literally(
    make: Make, welcomed: Path, text: str
) -> None:
    from hearthside.services.journal import add_entry

    add_entry(Store(welcomed), title=f"T {text}", body=f"B {text}", tags=["x"], day="2026-11-24")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        listing = app.screen.query_one(EntryList).lines()[0]
        assert f"T {text}" in listing
        assert f"T {text}" in screen_text(app)  # the read view's heading
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#title", Input).value == f"T {text}"
        assert app.screen.query_one("#body", TextArea).text == f"B {text}"
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_tab_follows_the_screen_and_editing_starts_at_the_end(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        editor = app.screen
        assert isinstance(editor, EntryEditor)
        order = []
        for _ in range(7):
            await pilot.press("tab")
            order.append(app.focused.id if app.focused else None)
        assert order == ["steps", "title", "date", "tags", "closeness", "private", "body"]
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert app.focused is not None and app.focused.id == "tags"
        await pilot.press(*"#walks", "shift+tab", "shift+tab")
        await pilot.press(*"By the lake", "tab", "tab", "tab", "tab", "tab")
        await pilot.press(*"We walked.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        [entry] = stored(welcomed, Entry)
        assert (entry.title, entry.tags, entry.body) == ("By the lake", ["walks"], "We walked.")
        await pilot.press("enter")  # open it again to edit
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        await pilot.press(*" Then home.", "ctrl+s")
        await settle(pilot)
    [entry] = stored(welcomed, Entry)
    assert entry.body == "We walked. Then home."


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_strategy_names_show_whole(make: Make, welcomed: Path, size: tuple[int, int]) -> None:
    app = make()
    async with app.run_test(size=size) as pilot:
        await open_editor(pilot)
        steps = app.screen.query_one("#steps")
        app.screen.set_focus(steps)
        await pilot.press(*["down"] * 10)  # to strategy 11
        await pilot.pause()
        title = "11. Put time together first"
        current = str(app.screen.query_one("#steps-current").render())
        assert current == title
        if size[0] >= 150:
            lines = [steps.render_line(y).text for y in range(steps.size.height)]
            assert any(title in line for line in lines), lines


async def test_digits_typed_outside_a_text_field_never_leave_the_editor(
    make: Make, welcomed: Path
) -> None:
    """Typing on after a Tab lands on the strategies list: a digit there once switched
    to Today, and the letters after it acted there (a new promise, a question kept)."""
    app = make(room="journal")
    async with app.run_test() as pilot:
        editor = await open_editor(pilot)
        await pilot.press(*"Tea", "tab", *"Line 1 of a long evening")
        await settle(pilot)
        assert app.screen is editor
        assert editor.query_one("#body", TextArea).text == "Tea"
        assert stored(welcomed, Commitment) == []
