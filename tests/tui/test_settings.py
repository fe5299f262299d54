"""Settings in the app: opened from any room, every field changed by keyboard, applied at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from hearthside.domain.settings import Settings
from hearthside.store.store import Store
from hearthside.tui.dialogs.choice import ChoiceDialog
from hearthside.tui.dialogs.help import HelpScreen
from hearthside.tui.dialogs.settings import SettingsDialog
from tests.conftest import stored_settings
from tests.tui.conftest import (
    FRESH_TERMINAL,
    SIZE,
    Make,
    burst,
    buttons_on_screen,
    record_notices,
    screen_text,
    settle,
)

ROOM_KEYS = {"today": "1", "journal": "2", "notes": "3", "dashboard": "4", "guide": "5"}


def problem_beside(dialog: SettingsDialog, field_id: str) -> str:
    box = dialog.query_one(f"#{field_id}-problem", Static)
    return str(box.render()) if box.display else ""


async def open_settings(pilot: Pilot[None], key: str = "ctrl+o") -> SettingsDialog:
    await pilot.press(key)
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, SettingsDialog)
    return dialog


@pytest.mark.parametrize("room", list(ROOM_KEYS))
async def test_ctrl_o_opens_settings_from_every_room_and_help_lists_it(
    make: Make, welcomed: Path, room: str
) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.press(ROOM_KEYS[room])
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        listing = str(app.screen.query_one("#help-keys", Static).render())
        assert any(line.split() == ["ctrl+o", "Settings"] for line in listing.splitlines())
        await pilot.press("escape")
        await pilot.pause()
        dialog = await open_settings(pilot)
        # The whole box fits an 80x24 terminal, its buttons and its keys in words too.
        assert dialog.query_one("#settings").region.bottom <= 24
        assert buttons_on_screen(app) == ["Save", "Back"]
        assert "ctrl+s saves · escape goes back" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == room and not isinstance(app.screen, SettingsDialog)


async def test_f2_opens_settings_from_the_editor_where_letters_are_text(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        await open_settings(pilot, "f2")


async def test_the_palette_opens_settings(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Settings", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)


async def test_every_field_changed_by_keyboard_is_applied_at_once_and_stored(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")  # the Dashboard: its week starts on Monday
        await settle(pilot)
        assert "23–29 November 2026" in screen_text(app)
        dialog = await open_settings(pilot)
        assert dialog.query_one("#spouse-name", Input).value == "Sam"
        # Straight from the keyboard, as fast as a person types and tabs; each field's
        # words are selected as it gets the focus, so typing replaces them.
        await burst(pilot, *"Robin", "tab", *"Alex", "tab")
        assert app.focused is dialog.query_one("#week-start", Select)
        await pilot.press("enter", "end", "enter")  # the list opens; Sunday is last
        await pilot.press("tab", "enter", "down", "enter")  # DMY, after MDY
        await pilot.press("tab", "enter", "down", "enter")  # the next theme
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsDialog)  # ctrl+s saves and stays
        await pilot.press("escape")  # nothing unsaved: no question
        await pilot.pause()
        assert not isinstance(app.screen, SettingsDialog)
        # Applied at once: the header, the week's first day, the dates, the looks.
        assert app.sub_title.startswith("with Robin · ")
        assert "22–28 November 2026" in screen_text(app)
        assert app.settings.date_order == "DMY"
        assert app.theme != "hearth"
        chosen_theme = app.theme
    settings = stored_settings(welcomed)
    assert (settings.spouse_name, settings.my_name) == ("Robin", "Alex")
    assert (settings.week_start, settings.date_order, settings.theme) == (6, "DMY", chosen_theme)
    assert settings.welcomed


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("spouse-name", "Sam\x1b[31m", "That name holds control characters"),
        ("my-name", "Al\x07ex", "That name holds control characters"),
        ("my-name", "A" * 81, "That name is longer than 80 characters"),
    ],
)
async def test_a_bad_name_is_refused_beside_its_field_and_nothing_is_saved(
    make: Make, welcomed: Path, field: str, typed: str, message: str
) -> None:
    before = stored_settings(welcomed)
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_settings(pilot)
        # A good change first: Sunday starts the week. It waits with the bad one.
        await pilot.press("tab", "tab", "enter", "end", "enter")
        await pilot.press(*["shift+tab"] * (2 if field == "spouse-name" else 1))
        name = dialog.query_one(f"#{field}", Input)
        assert app.focused is name
        # As a paste brings it (a keyboard can't type control characters); the field's
        # words were selected as it got the focus, so the paste replaces them.
        name.post_message(events.Paste(typed))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsDialog)
        assert message in problem_beside(dialog, field)
        assert app.focused is name  # where the fixing is to be done
        assert app.sub_title.startswith("with Sam · ")
        assert not [n for n in notices if "Saved" in n]
        assert stored_settings(welcomed) == before

        # Mended, it saves, and the message goes.
        await pilot.press("ctrl+u", *"Jo", "ctrl+s")
        await settle(pilot)
        assert problem_beside(dialog, field) == ""
    after = stored_settings(welcomed)
    assert (getattr(after, field.replace("-", "_")), after.week_start) == ("Jo", 6)


async def test_escape_with_unsaved_changes_asks_first(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_settings(pilot)
        await burst(pilot, *"Robin", "escape")
        assert isinstance(app.screen, ChoiceDialog)
        assert "Settings has changes that aren't saved yet" in screen_text(app)
        await pilot.press("k")  # keep going
        await pilot.pause()
        assert pilot.app.screen is dialog  # (not app.screen: mypy still thinks it a ChoiceDialog)
        assert dialog.query_one("#spouse-name", Input).value == "Robin"

        await pilot.press("escape", "d")  # discard them
        await settle(pilot)
        assert not isinstance(app.screen, SettingsDialog)
        assert app.sub_title.startswith("with Sam · ")
    assert stored_settings(welcomed).spouse_name == "Sam"


async def test_escape_then_save_keeps_the_changes_and_leaves(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        await burst(pilot, *"Robin", "escape")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("s")
        await settle(pilot)
        assert not isinstance(app.screen, (SettingsDialog, ChoiceDialog))
        assert app.sub_title.startswith("with Robin · ")
    assert stored_settings(welcomed).spouse_name == "Robin"


async def test_a_change_made_elsewhere_to_another_field_is_kept(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        # Meanwhile, in another terminal: `hearthside settings --me Alex`.
        other = Store(welcomed)
        other.save_settings(Settings(spouse_name="Sam", my_name="Alex", welcomed=True))
        other.close()
        await burst(pilot, *"Robin", "ctrl+s")
    settings = stored_settings(welcomed)
    assert (settings.spouse_name, settings.my_name) == ("Robin", "Alex")


async def test_the_encryption_is_described_with_the_commands_that_change_it(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        shown = screen_text(app)
        assert "isn't encrypted" in shown and "hearthside encrypt" in shown


async def test_names_are_shown_as_typed_never_as_markup(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        await pilot.press(*"[b]Sam[/]", "ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.sub_title.startswith("with [b]Sam[/] · ")
        await pilot.press("1")
        await settle(pilot)
        assert "you and [b]Sam[/]" in screen_text(app)


async def test_the_welcome_name_shows_on_today_at_once(make: Make, private_home: Path) -> None:
    """The rooms reload after the settings are in place, not before, with the old ones."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Robin", "enter", "enter")
        await settle(pilot)
        assert "you and Robin" in screen_text(app)
