"""The Journal room: find an entry, read it, write a new one."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, Static

from hearthside.domain.records import Entry, Record
from hearthside.domain.wording import plural
from hearthside.services.drafts import Draft
from hearthside.services.journal import EntryQuery, list_entries, parse_filter, search_text
from hearthside.texts.entry_templates import EntryTemplate
from hearthside.tui.rooms.base import TrashAndUndo
from hearthside.tui.rooms.editor import EntryEditor
from hearthside.tui.rooms.trash import TrashScreen
from hearthside.tui.widgets.entry_list import EntryList
from hearthside.tui.widgets.found import with_found
from hearthside.tui.widgets.keys_footer import KeysFooter
from hearthside.tui.widgets.markdown_text import MarkdownText


def entry_meta(entry: Entry, step_titles: dict[int, str], found: Sequence[str] = ()) -> Content:
    """The entry's date, title and facts; the words of a search picked out in its title."""
    title = with_found(entry.title or entry.headline, found)
    lines = [Content.assemble((entry.date, "bold"), "  ", title)]
    if entry.tags:
        lines.append(Content("Tags: " + " ".join(f"#{t}" for t in entry.tags)))
    if entry.closeness:
        lines.append(Content(f"Closeness: {entry.closeness}/5"))
    if entry.private:
        lines.append(Content("Private: left out of exports unless you ask"))
    if entry.starred:
        lines.append(Content("Starred: one to come back to"))
    if entry.steps:
        named = ", ".join(f"{n}. {step_titles.get(n, '?')}" for n in entry.steps)
        lines.append(Content(f"Strategies: {named}"))
    return Content("\n").join(lines)


class JournalScreen(TrashAndUndo):
    room_name = "the Journal"
    # The list, never the filter: a key pressed as the room opens ("n" for a new entry)
    # must not land in the filter box.
    AUTO_FOCUS = "#entries"
    BINDINGS = [
        Binding("n", "new", "New"),
        Binding("e", "edit", "Edit"),
        Binding("x,delete", "trash", "Delete"),
        Binding("u", "undo", "Undo delete", show=False),
        Binding("asterisk", "star", "Star", key_display="*", show=False),
        Binding("T", "show_trash", "Trash"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[Entry] = []
        self._focus_id: str | None = None
        self._haystacks: dict[str, str] = {}
        # The last filter that could be read: while the box holds one that can't,
        # the list stays as it was instead of springing back to everything.
        self._query = EntryQuery()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="journal"):
            with Vertical(id="journal-list-pane"):
                yield Input(
                    placeholder="Filter: words, #tag, since monday",
                    id="filter",
                )
                yield Static("", id="filter-problem")
                yield EntryList(id="entries")
                yield Static("", id="entry-count")
            with VerticalScroll(id="journal-read-pane"):
                yield Static("", id="entry-meta")
                yield MarkdownText("", id="entry-body")
                # While a search has words, the entry shows as written, with them picked
                # out (Markdown can't show that), instead of rendered.
                yield Static("", id="entry-found")
        yield KeysFooter()

    # -- what is shown --------------------------------------------------------------

    def reload(self) -> None:
        self._entries = list_entries(self.hearth.store)
        # Folded once per reload, so each keystroke in the filter only compares.
        self._haystacks = {e.id: search_text(e) for e in self._entries}
        self._apply_filter()

    def _apply_filter(self) -> None:
        box = self.query_one("#filter", Input).value
        settings = self.hearth.settings
        parsed = parse_filter(
            box,
            today=self.hearth.today(),
            date_order=settings.date_order,
            week_start=settings.week_start,
        )
        problem = self.query_one("#filter-problem", Static)
        if parsed.problem is not None:
            problem.update(Content(f"{parsed.problem} Still showing what matched before."))
        problem.display = parsed.problem is not None
        if parsed.query is not None:
            self._query = parsed.query
        query = self._query
        shown = [e for e in self._entries if query.matches(e, self._haystacks.get(e.id))]
        listing = self.query_one(EntryList)
        listing.show(shown, keep=self._focus_id or listing.current_id)
        self._focus_id = None
        total = plural("entry", len(self._entries))
        count = f"{len(shown)} of {total}" if query != EntryQuery() else total
        if not self._entries:
            count = "No entries yet. Press n to write your first."
        self.query_one("#entry-count", Static).update(Content(count))
        self._show_current()

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._apply_filter()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(EntryList).focus()

    @on(EntryList.Highlighted)
    def _highlighted(self) -> None:
        self._show_current()

    @on(EntryList.Selected)
    def _selected(self) -> None:
        self.action_edit()

    def _current(self) -> Entry | None:
        return self.query_one(EntryList).current

    def _show_current(self) -> None:
        entry = self._current()
        meta = self.query_one("#entry-meta", Static)
        body = self.query_one("#entry-body", MarkdownText)
        found = self.query_one("#entry-found", Static)
        words = self._query.words
        body.display, found.display = not words, bool(words)
        if entry is None:
            meta.update("")
            body.show("")
            found.update("")
            return
        titles = {s.number: s.title for s in self.hearth.content.steps}
        meta.update(entry_meta(entry, titles, words))
        if words:
            found.update(with_found(entry.body, words))
        else:
            body.show(entry.body)

    # -- actions ----------------------------------------------------------------------

    def action_new(
        self, steps: tuple[int, ...] = (), template: EntryTemplate | None = None
    ) -> None:
        self.app.push_screen(EntryEditor(steps=steps, template=template), self._editor_closed)

    def action_edit(self) -> None:
        entry = self._current()
        if entry is not None:
            self.app.push_screen(EntryEditor(entry), self._editor_closed)

    def open_draft(self, draft: Draft) -> None:
        entry = None
        if draft.entry_id:
            entry = next((e for e in self._entries if e.id == draft.entry_id), None)
        self.app.push_screen(EntryEditor(entry, draft=draft), self._editor_closed)

    def _editor_closed(self, entry: Entry | None) -> None:
        self._focus_id = entry.id if entry else None
        self.reload()

    def current_record(self) -> Entry | None:
        return self._current()

    def describe_deleted(self, record: Record) -> str:
        headline = record.headline[:40] if isinstance(record, Entry) else ""
        return f"Moved “{headline}” to the trash. Press u to undo."

    def action_show_trash(self) -> None:
        self.app.push_screen(TrashScreen())

    def route_key(self, event: events.Key) -> bool:
        """The keys "/" and "n" act as they arrive (see HearthsideApp.on_event), not once
        the list has passed them back up to their bindings: the words typed right behind
        them are sent on as they arrive too, however fast, and must find the filter or
        the new entry waiting, not the list."""
        if self.focused is self.query_one("#filter", Input):
            return False  # in the filter, both are letters
        bound = [b.action for b in self._bindings.key_to_bindings.get(event.key, ())]
        if "filter" in bound:
            self.action_filter()
        elif "new" in bound:
            self.action_new()
            # Until the editor is shown it has no field to take them.
            self.hearth.hold_keys()
        else:
            return False
        return True

    def action_filter(self) -> None:
        # At once, not after the keys already queued (as focus() would).
        self.set_focus(self.query_one("#filter", Input))

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
        self.query_one(EntryList).focus()
