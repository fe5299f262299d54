"""Stories of the Notes room: compose from a template, hand it over, see it counted."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from textual.widgets import Select, TextArea

from hearthside.domain.records import Note
from hearthside.services.notes import add_note
from hearthside.store.store import Store
from hearthside.texts.library import Content
from hearthside.tui.dialogs.choice import ChoiceDialog
from hearthside.tui.rooms.notes import NoteList, NotesScreen
from tests.conftest import TODAY, Clock, run, stored
from tests.tui.conftest import (
    SIZE,
    Make,
    SnapCompare,
    open_composer,
    record_notices,
    screen_text,
    settle,
)


def stats_on_the_day_it_was_delivered(clock: Clock, note: Note) -> str:
    """`hearthside stats` for the day the note was marked delivered. That stamp is the
    wall clock's (dates.now_iso), not the app's fixed day, so the clock goes there."""
    assert note.delivered_at is not None
    with clock.on(date.fromisoformat(note.delivered_at[:10])):
        return run("stats").output


async def test_a_gratitude_note_from_a_template_copied_delivered_and_counted(
    make: Make, clock: Clock, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_composer(pilot)
        text = screen_text(app)
        assert "Writing gratitude note" in text.lower() or "gratitude" in text.lower()
        await pilot.press("down", "enter")  # the first template
        await pilot.pause()
        body = app.screen.query_one("#note-text", TextArea)
        assert "Sam" in body.text and "{spouse}" not in body.text
        await pilot.press(*"the soup")  # fills the first ___ gap
        await pilot.press("ctrl+g", *"evening")  # and the next one
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        [note] = stored(welcomed, Note)
        assert note.kind == "gratitude" and "the soup" in note.text and note.status == "drafted"
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == note.text
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("s")  # said aloud
        await settle(pilot)
        assert "delivered" in screen_text(app) and "said aloud" in screen_text(app)
    [note] = stored(welcomed, Note)
    assert note.status == "delivered" and note.delivered_how == "said aloud"
    stats = stats_on_the_day_it_was_delivered(clock, note)
    compliments = next(
        line for line in stats.splitlines() if "Kind words" in line or "ompliment" in line
    )
    assert "1/" in compliments


async def test_the_guidance_follows_the_kind_and_hints_are_gentle(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_composer(pilot)
        app.screen.query_one("#kind", Select).value = "apology"
        await pilot.pause()
        assert "Name the specific thing you did" in screen_text(app)
        area = app.screen.query_one("#note-text", TextArea)
        area.focus()
        await pilot.press(*"I'm sorry I was short with you, but I was tired")
        await pilot.pause()
        assert "A thought before you save" in screen_text(app)
        assert '"but"' in screen_text(app)
        await pilot.press("ctrl+s")  # a hint, never a block
        await settle(pilot)
    assert [n.kind for n in stored(welcomed, Note)] == ["apology"]


@pytest.mark.parametrize("fmt_key", ["t", "m", "w"])
async def test_export_a_card_in_each_format(make: Make, welcomed: Path, fmt_key: str) -> None:
    content = Content()
    add_note(
        Store(welcomed),
        content,
        kind="compliment",
        text="You were <script>alert(1)</script> so [bold]patient[/] tonight",
        today=TODAY,
    )
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "p")
        await pilot.pause()
        await pilot.press(fmt_key)
        await settle(pilot)
    [card] = list((welcomed / "exports").glob("compliment-*"))
    text = card.read_text()
    assert "[bold]patient[/]" in text
    if card.suffix == ".html":
        assert "<script>" not in text and "&lt;script&gt;" in text
        HTMLParser().feed(text)
    assert oct(card.stat().st_mode & 0o777) == "0o600"


async def test_on_this_day_shows_notes_from_earlier_years(make: Make, welcomed: Path) -> None:
    add_note(
        Store(welcomed),
        Content(),
        kind="gratitude",
        text="Thank you for the picnic last fall",
        day="2025-11-25",
        today=TODAY,
    )
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(app)
        assert "On this day" in text and "1 year ago" in text and "picnic" in text


async def test_filter_by_kind_status_and_words(make: Make, welcomed: Path) -> None:
    store, content = Store(welcomed), Content()
    add_note(
        store, content, kind="gratitude", text="Thanks for walking the dog in the rain", today=TODAY
    )
    add_note(
        store, content, kind="apology", text="Sorry I forgot to call your mother back", today=TODAY
    )
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "k")  # gratitude
        await pilot.pause()
        listing = app.screen.query_one("#note-list", NoteList)
        assert len(listing.lines()) == 1 and "dog" in listing.lines()[0]
        await pilot.press("escape", "slash", *"mother")
        await pilot.pause()
        assert len(listing.lines()) == 1 and "mother" in listing.lines()[0]


MARKUP = ["[bold]x[/]", "[/ then", "[@click=app.quit]y[/]", "[sad]"]


@pytest.mark.parametrize("text", MARKUP)
async def test_markup_in_notes_is_shown_literally(make: Make, welcomed: Path, text: str) -> None:
    add_note(
        Store(welcomed),
        Content(),
        kind="gratitude",
        text=f"Thank you {text} truly",
        occasion=text,
        today=TODAY,
    )
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        shown = screen_text(app)
        assert f"Thank you {text} truly" in shown
        assert text in shown
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#note-text", TextArea).text == f"Thank you {text} truly"
        assert app.is_running


def test_notes_room_snapshot(snap_compare: SnapCompare, make: Make, welcomed: Path) -> None:
    store, content = Store(welcomed), Content()
    add_note(
        store,
        content,
        kind="gratitude",
        text="Thank you for the tea you left by my desk.",
        today=TODAY,
        day="2026-11-24",
    )
    add_note(
        store,
        content,
        kind="encouragement",
        text="You've prepared so well. I'll be thinking of you at 10.",
        occasion="her presentation",
        today=TODAY,
    )

    assert snap_compare(make(room="notes"), terminal_size=SIZE)


@pytest.mark.parametrize(
    ("kind", "counted"), [("apology", None), ("gratitude", "Kind words")], ids=["apology", "thanks"]
)
async def test_marking_delivered_says_only_what_counts(
    make: Make, clock: Clock, welcomed: Path, kind: str, counted: str | None
) -> None:

    store = Store(welcomed)
    add_note(store, Content(), kind=kind, text="I'm sorry I snapped.", today=TODAY)
    store.close()
    app = make(room="notes")
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("s")  # said aloud
        await settle(pilot)
    [said] = [n for n in notices if "Marked delivered" in n]
    [note] = stored(welcomed, Note)
    stats = stats_on_the_day_it_was_delivered(clock, note)
    if counted is None:
        assert "counts" not in said
        assert "0/" in next(line for line in stats.splitlines() if "Kind words" in line)
    else:
        assert f"That counts toward {counted.lower()} today." in said


async def test_arrows_move_between_a_dialogs_buttons(make: Make, welcomed: Path) -> None:
    add_note(Store(welcomed), Content(), kind="compliment", text="You were kind", today=TODAY)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "p")
        await pilot.pause()
        await pilot.press("right", "right", "enter")  # text, markdown, then the web page
        await settle(pilot)
        await pilot.pause()
    [card] = list((welcomed / "exports").glob("compliment-*"))
    assert card.suffix == ".html"


async def test_the_notes_list_shows_the_text_first_and_the_status_as_a_mark(
    make: Make, welcomed: Path
) -> None:
    from hearthside.services.notes import deliver_note

    store = Store(welcomed)
    note = add_note(store, Content(), kind="gratitude", text="Thank you for the soup", today=TODAY)
    deliver_note(store, note.id, "aloud", when="2026-11-25T20:00:00+00:00")
    add_note(store, Content(), kind="compliment", text="You were patient", today=TODAY)
    store.close()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        lines = app.screen.query_one(NoteList).lines()
    delivered = next(line for line in lines if "soup" in line)
    drafted = next(line for line in lines if "patient" in line)
    assert "Thank you for the soup" in delivered and "✓" in delivered
    assert "delivered 2026" not in delivered
    assert "✓" not in drafted and "drafted" not in drafted


async def test_sharing_a_note_again_asks_before_writing_over_the_first_share(
    make: Make, welcomed: Path
) -> None:
    add_note(Store(welcomed), Content(), kind="gratitude", text="Thank you for the tea.")
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "S")
        await settle(pilot)
        [folder] = (welcomed / "exports").glob("hearthside-share-*")
        assert "Status: drafted; shared 20" in screen_text(app)
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert str(folder.resolve()) in screen_text(app).replace("\n", "")
        await pilot.press("escape")  # leave them: nothing new is written
        await settle(pilot)
        assert list((welcomed / "exports").glob("hearthside-share-*")) == [folder]
        (folder / "notes.html").write_text("stale", encoding="utf-8")
        await pilot.press("S", "w")  # write them afresh
        await settle(pilot)
        assert notices[-1].startswith(": Shared afresh in ")
    assert list((welcomed / "exports").glob("hearthside-share-*")) == [folder]
    assert "Thank you for the tea." in (folder / "notes.html").read_text(encoding="utf-8")


async def test_a_need_note_composed_from_its_template_by_keys_alone(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        composer = await open_composer(pilot)
        composer.query_one("#kind", Select).focus()
        await pilot.press("enter", "end", "enter")  # the last kind in the list: a need
        await pilot.pause()
        text = screen_text(app)
        assert "Writing need" in text and "Say what you need" in text
        await pilot.press("ctrl+t", "down", "enter")  # its first template: the simple shape
        await pilot.pause()
        await pilot.press(*"lonely")
        await pilot.press("ctrl+g", *"our evenings")
        await pilot.press("ctrl+g", *"a walk after dinner")
        await pilot.press("end", *" You never ask")
        await pilot.pause()
        assert "A thought before you save" in screen_text(app)
        assert '"You never"' in screen_text(app)
        await pilot.press(*" how I am, and I miss that.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
    [note] = stored(welcomed, Note)
    assert note.kind == "need"
    assert note.text.startswith("Sam, I've been feeling lonely about our evenings.")
    assert "What I'd love is a walk after dinner." in note.text
