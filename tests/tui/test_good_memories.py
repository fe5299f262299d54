"""Good memories: starred entries and notes, close days and notes handed over, one at a
time, oldest first or at random; and a gentle word when there are none yet."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from hearthside.domain.records import Entry, Note
from hearthside.services.favourites import set_star
from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note, deliver_note
from hearthside.store.store import Store
from hearthside.texts.library import Content
from hearthside.tui.app import HearthsideApp
from hearthside.tui.rooms.editor import EntryEditor
from hearthside.tui.rooms.good_memories import GoodMemoriesScreen
from tests.conftest import TODAY, stored
from tests.tui.conftest import SIZE, Make, opened, settle

PALETTE = ["ctrl+p", *"Good memories", "enter"]


def fill(home: Path) -> None:
    """Four good memories, written out of order, and two records that aren't any."""
    store = Store(home)
    content = Content()
    try:
        add_entry(store, title="Pancakes in bed", day="2026-11-20", closeness=5)
        set_star(store, add_entry(store, title="The lake at dusk", day="2026-06-02"), True)
        add_entry(store, title="A grey Monday", day="2026-11-23", closeness=2)
        thanks = add_note(store, content, kind="gratitude", text="Thank you for the soup.")
        deliver_note(store, thanks.id, "aloud")
        add_note(store, content, kind="compliment", text="Still only a draft.", today=TODAY)
        secret = add_entry(store, title="Just for me", day="2025-12-24", private=True)
        set_star(store, secret, True)
    finally:
        store.close()


def shown(app: HearthsideApp) -> str:
    screen = app.screen
    return "\n".join(
        str(screen.query_one(f"#memory-{part}", Static).render())
        for part in ("where", "head", "why", "words")
    )


async def test_good_memories_come_one_at_a_time_oldest_first(make: Make, welcomed: Path) -> None:
    fill(welcomed)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await opened(pilot, PALETTE, GoodMemoriesScreen)
        seen = []
        for _ in range(4):
            assert screen.current is not None
            seen.append(screen.current.record)
            await pilot.press("right")
        titles = [r.title if isinstance(r, Entry) else r.text for r in seen]
        # Private ones too: this is the person's own screen.
        assert titles == [
            "Just for me",
            "The lake at dusk",
            "Pancakes in bed",
            "Thank you for the soup.",
        ]
        assert "1 of 4 · oldest first" in shown(app)  # round again to the first
        assert "starred" in shown(app) and "Just for me" in shown(app)
        await pilot.press("left")
        assert "4 of 4" in shown(app) and "a note you handed over" in shown(app)
        assert "Gratitude note" in shown(app)
        await pilot.press("left")
        assert "Pancakes in bed" in shown(app) and "felt close (5 of 5)" in shown(app)


async def test_r_shows_them_at_random_and_back_in_order(make: Make, welcomed: Path) -> None:
    fill(welcomed)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await opened(pilot, PALETTE, GoodMemoriesScreen)
        screen = app.screen
        assert isinstance(screen, GoodMemoriesScreen)
        await pilot.press("right")
        current = screen.current
        await pilot.press("r")
        assert "at random" in shown(app)
        assert screen.current == current  # the one in view stays in view
        ids = set()
        for _ in range(4):
            assert screen.current is not None
            ids.add(screen.current.record.id)
            await pilot.press("right")
        assert len(ids) == 4  # every one, each once
        await pilot.press("r")
        assert "oldest first" in shown(app)


async def test_o_opens_the_entry_to_read_or_change(make: Make, welcomed: Path) -> None:
    fill(welcomed)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await opened(pilot, PALETTE, GoodMemoriesScreen)
        editor = await opened(pilot, ["o"], EntryEditor)
        assert editor.entry is not None and editor.entry.title == "Just for me"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, GoodMemoriesScreen)


async def test_with_nothing_yet_a_gentle_word(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    add_entry(store, title="A grey Monday", day="2026-11-23", closeness=3)
    add_note(store, Content(), kind="compliment", text="Still only a draft.", today=TODAY)
    store.close()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await opened(pilot, PALETTE, GoodMemoriesScreen)
        assert screen.current is None
        text = shown(app)
        assert text.startswith("\nNothing here yet, and that's fine.")
        assert "Star an entry or a note with *" in text
        await pilot.press("right", "o", "r")  # nothing to move to, open or reorder
        assert isinstance(app.screen, GoodMemoriesScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, GoodMemoriesScreen)
    assert [e.title for e in stored(welcomed, Entry)] == ["A grey Monday"]
    assert not any(n.starred for n in stored(welcomed, Note))


async def test_words_that_look_like_markup_show_as_written(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    set_star(
        store, add_entry(store, title="[bold]x[/]", body="[/] and [red]y", day="2026-11-20"), True
    )
    store.close()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await opened(pilot, PALETTE, GoodMemoriesScreen)
        assert "[bold]x[/]\n[/] and [red]y" in shown(app)
