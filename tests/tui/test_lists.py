"""Stories of the Journal's and Notes' lists: what a row shows, filtering, deleting, the trash."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from hearthside.domain.records import Entry
from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note
from hearthside.store.store import Store
from hearthside.texts.library import Content
from hearthside.tui.app import HearthsideApp
from hearthside.tui.rooms.notes import NoteList
from hearthside.tui.widgets.entry_list import EntryList
from tests.conftest import TODAY, stored
from tests.tui.conftest import SIZE, Make, open_editor, screen_text, settle


def rows_on_screen(app: HearthsideApp) -> list[str]:
    """The list's rows as drawn, cut at the list's real width."""
    listing = app.screen.query_one(EntryList)
    drawn = [listing.render_line(y).text.rstrip() for y in range(listing.size.height)]
    return [row for row in drawn if row]


async def test_at_80_columns_a_row_shows_the_date_and_the_title_before_the_tags(
    make: Make, welcomed: Path
) -> None:
    add_entry(
        Store(welcomed),
        title="Sunday walk by the lake",
        body="We walked.",
        tags=["walk", "outdoors", "weekend", "family-time", "slow-days"],
        day="2026-11-22",
    )
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        [row] = rows_on_screen(app)
        assert row.startswith("2026-11-22  Sunday walk by the lake")
        # The tags come after the title and give way first.
        assert row.index("Sunday walk") < row.find("#walk") or "#walk" not in row
        assert "1 entry" in screen_text(app) and "1 entries" not in screen_text(app)
        await pilot.press("slash", *"walk")
        await pilot.pause()
        assert "1 of 1 entry" in screen_text(app)
    wide = make()
    async with wide.run_test(size=(160, 45)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        [row] = rows_on_screen(wide)
        assert row.startswith("2026-11-22  Sunday walk by the lake  #walk #outdoors #weekend")


def three_entries(home: Path) -> None:
    store = Store(home)
    add_entry(store, body="In November last year", day="2025-11-10")
    add_entry(store, body="An October evening", day="2026-10-01")
    add_entry(store, body="Early November", day="2026-11-10")
    add_entry(store, body="Friday dinner", day="2026-11-20")
    store.close()


async def test_months_by_name_and_on_a_day_filter_by_date(make: Make, welcomed: Path) -> None:
    three_entries(welcomed)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "slash", *"november")
        await pilot.pause()
        listing = app.screen.query_one(EntryList)
        assert [line.split("  ")[1] for line in listing.lines()] == [
            "Friday dinner",
            "Early November",
        ]
        assert "2 of 4 entries" in screen_text(app)
        box = app.screen.query_one("#filter", Input)
        box.value = "november 2025"
        await pilot.pause()
        assert [line.split("  ")[1] for line in listing.lines()] == ["In November last year"]
        box.value = ""
        await pilot.press(*"on friday")
        await pilot.pause()
        assert [line.split("  ")[1] for line in listing.lines()] == ["Friday dinner"]


async def test_a_filter_that_cannot_be_read_says_so_and_keeps_what_was_shown(
    make: Make, welcomed: Path
) -> None:
    three_entries(welcomed)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "slash", *"on friday")
        await pilot.pause()
        listing = app.screen.query_one(EntryList)
        before = listing.lines()
        assert len(before) == 1
        box = app.screen.query_one("#filter", Input)
        box.value = "on flurb"
        await pilot.pause()
        text = screen_text(app)
        assert 'Couldn\'t read "on flurb"' in text
        assert listing.lines() == before, "an unreadable filter must not list everything"
        assert "1 of 4 entries" in text
        await pilot.press("ctrl+u", *"dinner")
        await pilot.pause()
        assert "Couldn't read" not in screen_text(app)
        assert len(listing.lines()) == 1


async def test_after_a_delete_the_next_entry_is_highlighted(make: Make, welcomed: Path) -> None:
    three_entries(welcomed)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "down", "x")
        await settle(pilot)
        listing = app.screen.query_one(EntryList)
        assert "Early November" not in {e.body for e in stored(welcomed, Entry)}
        assert listing.current is not None and listing.current.body == "An October evening"
        assert listing.highlighted == 1
        await pilot.press("end", "x")  # the last row: the one above takes its place
        await settle(pilot)
        assert listing.current is not None and listing.current.body == "An October evening"
        await pilot.press("u")
        await settle(pilot)
        assert listing.current is not None and listing.current.body == "An October evening"


async def test_an_empty_trash_says_so_kindly(make: Make, welcomed: Path) -> None:
    add_entry(Store(welcomed), body="Keep me", day="2026-11-20")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "T")
        await pilot.pause()
        assert "The trash is empty" in screen_text(app)
        await pilot.press("escape", "x")
        await settle(pilot)
        await pilot.press("T")
        await pilot.pause()
        assert "The trash is empty" not in screen_text(app)
        assert "Keep me" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert "The trash is empty" in screen_text(app)


async def test_tags_written_in_the_text_are_tags(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(pilot)
        app.screen.query_one("#body", TextArea).focus()
        await pilot.press(*"Made soup together #cooking. Then a walk #us")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.query_one("#tags", Input).value == "#cooking #us"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash", *"#cooking")
        await pilot.pause()
        assert len(app.screen.query_one(EntryList).lines()) == 1
    [entry] = stored(welcomed, Entry)
    assert entry.tags == ["cooking", "us"]


async def test_the_notes_list_counts_in_the_singular_and_keeps_its_place_after_a_delete(
    make: Make, welcomed: Path
) -> None:
    store, content = Store(welcomed), Content()
    for day, words in [("2026-11-20", "first"), ("2026-11-21", "second"), ("2026-11-22", "third")]:
        add_note(store, content, kind="gratitude", text=f"Thanks, {words}", day=day, today=TODAY)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "down", "x")
        await settle(pilot)
        listing = app.screen.query_one(NoteList)
        assert listing.current is not None and listing.current.text == "Thanks, first"
        await pilot.press("slash", *"first", "enter")
        await pilot.pause()
        assert "1 of 2 notes" in screen_text(app)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert "1 of 1 note ·" in screen_text(app)
