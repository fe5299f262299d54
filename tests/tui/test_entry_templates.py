"""The palette's "New entry from template": the editor opens with the template's title and
prompts, the cursor under the first, and nothing is kept until something is written."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from hearthside.domain.records import Entry
from hearthside.services.drafts import pending_drafts
from hearthside.store.encryption.keys import Keyring
from hearthside.tui.rooms.editor import EntryEditor
from hearthside.tui.rooms.journal import JournalScreen
from tests.conftest import stored
from tests.tui.conftest import SIZE, Make, opened, settle

PALETTE = ["ctrl+p", *"New entry from template", "enter"]


async def test_a_template_opens_in_the_editor_and_is_saved_as_written(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*PALETTE)
        await settle(pilot)
        editor = await opened(pilot, [*"hard moment", "enter"], EntryEditor)
        assert editor.query_one("#title", Input).value == "After a hard moment"
        body = editor.query_one("#body", TextArea)
        assert body.text.startswith("## What happened\n_Just what a camera")
        assert "## The bid I missed" in body.text
        assert body.has_focus and body.cursor_location == (2, 0)
        assert stored(welcomed, Entry) == []  # nothing is saved by opening it
        await pilot.press(*"I cut them off mid-story.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
    [entry] = stored(welcomed, Entry)
    assert entry.title == "After a hard moment"
    assert entry.body.splitlines()[:3] == [
        "## What happened",
        "_Just what a camera would have seen and heard, as plainly as I can put it._",
        "I cut them off mid-story.",
    ]


async def test_a_template_left_untouched_keeps_nothing(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*PALETTE)
        await settle(pilot)
        await opened(pilot, [*"A good day", "enter"], EntryEditor)
        await pilot.press("ctrl+s")  # only the prompts: there is nothing to save yet
        await settle(pilot)
        assert isinstance(app.screen, EntryEditor)
        await pilot.press("escape")  # nothing was written: no question, no draft
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
    assert stored(welcomed, Entry) == []
    assert pending_drafts(welcomed, Keyring()) == []


async def test_words_written_in_a_template_are_kept_as_a_draft(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*PALETTE)
        await settle(pilot)
        editor = await opened(pilot, [*"Before a hard talk", "enter"], EntryEditor)
        await pilot.press(*"The holidays")
        editor.keep_draft_now()
    [draft] = pending_drafts(welcomed, Keyring())
    assert draft.title == "Before we talk" and "The holidays" in draft.body
    assert stored(welcomed, Entry) == []


async def test_a_new_entry_left_at_once_asks_nothing_and_keeps_no_draft(
    make: Make, welcomed: Path
) -> None:
    # The date box shows today for a new entry; that alone is not a change to keep.
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        editor = await opened(pilot, ["2", "n"], EntryEditor)
        assert not editor.dirty
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
    assert pending_drafts(welcomed, Keyring()) == []
