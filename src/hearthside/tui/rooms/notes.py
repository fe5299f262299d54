"""The Notes room: thanks, compliments, apologies, encouragement and needs, to hand over."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, Static

from hearthside.domain import dates
from hearthside.domain.marks import sender_words
from hearthside.domain.printable import one_line
from hearthside.domain.records import Entry, Note, NoteStatus
from hearthside.domain.wording import plural
from hearthside.errors import HearthsideError
from hearthside.services.exchange.exporting.cards import export_card
from hearthside.services.exchange.exporting.files import OutputExists
from hearthside.services.exchange.sharing import AlreadyShared, ShareResult, share_notes
from hearthside.services.memories import on_this_day
from hearthside.services.notes import (
    DELIVERY_WAYS,
    UnfilledGaps,
    deliver_note,
    delivered_words,
    gaps_phrase,
    list_notes,
    status_words,
)
from hearthside.tui.dialogs.choice import ChoiceDialog
from hearthside.tui.rooms.base import TrashAndUndo
from hearthside.tui.rooms.composer import NoteComposer
from hearthside.tui.widgets.day_lines import ago_words
from hearthside.tui.widgets.found import with_found
from hearthside.tui.widgets.keys_footer import KeysFooter
from hearthside.tui.widgets.record_list import RecordList, marks

STATUSES = (None, NoteStatus.DRAFTED, NoteStatus.DELIVERED)
# A character, not a colour, for each status: ✓ handed over, ← received, nothing: a draft.
STATUS_MARKS = {NoteStatus.DELIVERED: "✓", NoteStatus.RECEIVED: "←", NoteStatus.DRAFTED: " "}
CARD_CHOICES = [("Text file", "txt"), ("Markdown", "md"), ("Web page to print", "html")]


class NoteList(RecordList[Note]):
    def __init__(self, labels: dict[str, str], *, id: str | None = None) -> None:
        self.labels = labels
        super().__init__(self._note_line, id=id)

    def _note_line(self, note: Note) -> Content:
        # The words come first; the status is one mark (the read pane says the rest).
        return Content.assemble(
            (note.date, "dim"),
            " ",
            (STATUS_MARKS.get(note.status, " "), "bold $success"),
            " ",
            (self.labels.get(note.kind, note.kind), "bold"),
            (f" {sender_words(note)}" if note.sender else "", "dim"),
            "  ",
            marks(note),
            Content(one_line(note.text, 70)),
        )


class NotesScreen(TrashAndUndo):
    room_name = "the Notes room"
    # The list, never the filter box, takes the keys pressed as the room opens.
    AUTO_FOCUS = "#note-list"
    CSS_PATH = "notes.tcss"
    BINDINGS = [
        Binding("c", "compose", "Compose"),
        Binding("e", "edit", "Edit", show=False),
        Binding("d", "deliver", "Delivered"),
        Binding("y", "copy", "Copy"),
        Binding("p", "card", "Card"),
        Binding("S", "share", "Share", show=False),
        Binding("k", "next_kind", "Kind", show=False),
        Binding("s", "next_status", "Status", show=False),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("x,delete", "trash", "Delete", show=False),
        Binding("u", "undo", "Undo delete", show=False),
        Binding("asterisk", "star", "Star", key_display="*", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._notes: list[Note] = []
        self._kind: str | None = None
        self._status: str | None = None
        self._focus_id: str | None = None

    def compose(self) -> ComposeResult:
        labels = {k.id: k.label for k in self.hearth.content.note_kinds}
        yield Header()
        yield Static("", id="on-this-day")
        with Horizontal(id="notes"):
            with Vertical(id="notes-list-pane"):
                yield Input(placeholder="Filter notes by words", id="note-filter")
                yield Static("", id="notes-showing")
                yield NoteList(labels, id="note-list")
            with VerticalScroll(id="note-read-pane"):
                yield Static("", id="note-meta")
                yield Static("", id="note-body")
        yield KeysFooter()

    def palette_commands(self) -> list[SystemCommand]:
        return [
            SystemCommand(
                "Compose a note",
                "Gratitude, compliment, apology, encouragement or a need",
                self.action_compose,
            ),
            SystemCommand("Copy the note", "Copy the highlighted note's text", self.action_copy),
            SystemCommand(
                "Mark the note delivered", "Say how you handed it over", self.action_deliver
            ),
            SystemCommand(
                "Save the note as a card", "Text, Markdown or a printable page", self.action_card
            ),
            SystemCommand(
                "Share the note", "A page and a file your spouse can open", self.action_share
            ),
        ]

    # -- what is shown --------------------------------------------------------------

    def reload(self) -> None:
        self._notes = list_notes(self.hearth.store)
        self._show_memories()
        self._apply_filter()

    def _show_memories(self) -> None:
        memories = on_this_day(self.hearth.store, today=self.hearth.today())
        box = self.query_one("#on-this-day", Static)
        box.display = bool(memories)
        if not memories:
            return
        lines = [Content.styled("On this day", "bold")]
        for memory in memories[:3]:
            ago = ago_words(memory)
            record = memory.record
            text = record.headline if isinstance(record, Entry) else record.text
            kind = "journal" if isinstance(record, Entry) else "note"
            lines.append(
                Content.assemble(
                    (f"{ago}, {kind}: ", "dim"), marks(record), Content(one_line(text, 70))
                )
            )
        box.update(Content("\n").join(lines))

    def _apply_filter(self) -> None:
        words = self.query_one("#note-filter", Input).value.casefold().split()
        shown = [
            n
            for n in self._notes
            if (self._kind is None or n.kind == self._kind)
            and (self._status is None or n.status == self._status)
            and all(w in f"{n.text}\n{n.occasion}".casefold() for w in words)
        ]
        listing = self.query_one(NoteList)
        listing.show(shown, keep=self._focus_id or listing.current_id)
        self._focus_id = None
        kind = listing.labels.get(self._kind or "", "all kinds")
        status = self._status or "any status"
        summary = f"{len(shown)} of {plural('note', len(self._notes))} · {kind} · {status}"
        if not self._notes:
            summary = "No notes yet. Press c to write one."
        self.query_one("#notes-showing", Static).update(Content(summary))
        self._show_current()

    def _show_current(self) -> None:
        note = self.query_one(NoteList).current
        meta = self.query_one("#note-meta", Static)
        body = self.query_one("#note-body", Static)
        if note is None:
            meta.update("")
            body.update("")
            return
        label = self.query_one(NoteList).labels.get(note.kind, note.kind)
        lines = [Content.assemble((label, "bold"), f"  written {note.date}")]
        if note.occasion:
            lines.append(Content.assemble("For: ", Content(note.occasion)))
        lines.append(Content(f"Status: {status_words(note)}"))
        if note.private:
            lines.append(Content("Private: left out of exports unless you ask"))
        meta.update(Content("\n").join(lines))
        body.update(with_found(note.text, self.query_one("#note-filter", Input).value.split()))

    @on(Input.Changed, "#note-filter")
    def _filter_changed(self) -> None:
        self._apply_filter()

    @on(Input.Submitted, "#note-filter")
    def _filter_done(self) -> None:
        self.query_one(NoteList).focus()

    @on(NoteList.Highlighted)
    def _highlighted(self) -> None:
        self._show_current()

    @on(NoteList.Selected)
    def _selected(self) -> None:
        self.action_edit()

    def _current(self) -> Note | None:
        note = self.query_one(NoteList).current
        if note is None:
            self.notify("Choose a note first (or press c to write one).", markup=False)
        return note

    # -- writing ----------------------------------------------------------------------

    def action_compose(self) -> None:
        self.app.push_screen(NoteComposer(kind=self._kind), self._composer_closed)

    def action_edit(self) -> None:
        note = self._current()
        if note is not None:
            self.app.push_screen(NoteComposer(note), self._composer_closed)

    def _composer_closed(self, note: Note | None) -> None:
        self._focus_id = note.id if note else None
        self.reload()

    # -- handing it over -------------------------------------------------------------

    def action_copy(self) -> None:
        note = self._current()
        if note is not None:
            self.app.copy_to_clipboard(note.text)
            self.notify("Copied the note's text. Paste it wherever you like.", markup=False)

    def action_deliver(self) -> None:
        note = self._current()
        if note is None:
            return
        choices = [(label[0].upper() + label[1:], key) for key, label in DELIVERY_WAYS.items()]

        def chosen(how: str | None) -> None:
            if how is None:
                return
            store, content = self.hearth.store, self.hearth.content
            self._focus_id = note.id
            self.hearth.write(
                lambda: deliver_note(store, note.id, how, when=dates.now_iso()),
                done=lambda n: self.notify(delivered_words(content, n), markup=False),
            )

        self.app.push_screen(ChoiceDialog("How did you hand it over?", choices), chosen)

    def action_card(self) -> None:
        note = self._current()
        if note is None:
            return

        def chosen(fmt: str | None) -> None:
            if fmt is not None:
                self._write_card(note, fmt)

        self.app.push_screen(ChoiceDialog("Save this note as:", CARD_CHOICES), chosen)

    def _write_card(
        self, note: Note, fmt: str, *, force: bool = False, allow_gaps: bool = False
    ) -> None:
        store, content = self.hearth.store, self.hearth.content

        def failed(exc: HearthsideError) -> bool:
            if isinstance(exc, UnfilledGaps):
                self._ask_about_gaps(
                    note,
                    "Make the card anyway?",
                    lambda: self._write_card(note, fmt, force=force, allow_gaps=True),
                )
                return True
            if not isinstance(exc, OutputExists):
                return False
            self.app.push_screen(
                ChoiceDialog(
                    f"A card for this note is already at {exc.path}. Replace it?",
                    [("Replace it", "yes"), ("Keep the old one", "no")],
                ),
                lambda answer: (
                    self._write_card(note, fmt, force=True, allow_gaps=allow_gaps)
                    if answer == "yes"
                    else None
                ),
            )
            return True

        self.hearth.write(
            # Chosen here, one note at a time: as with sharing, private is allowed.
            lambda: export_card(
                store, content, note, fmt, force=force, allow_gaps=allow_gaps, include_private=True
            ),
            done=lambda path: self.notify(f"Saved the card to {path}", markup=False, timeout=10),
            failed=failed,
            changes_data=False,
        )

    def action_share(self) -> None:
        note = self._current()
        if note is not None:
            self._share(note)

    def _share(self, note: Note, *, allow_gaps: bool = False, replace: bool = False) -> None:
        store, today = self.hearth.store, self.hearth.today()

        def failed(exc: HearthsideError) -> bool:
            if isinstance(exc, UnfilledGaps):
                self._ask_about_gaps(
                    note, "Share it anyway?", lambda: self._share(note, allow_gaps=True)
                )
                return True
            if isinstance(exc, AlreadyShared):
                self._ask_to_share_again(note, exc, allow_gaps)
                return True
            return False

        def shared(result: ShareResult) -> None:
            again = "Shared afresh" if result.replaced else "Ready to share"
            self.notify(
                f"{again} in {result.folder}: open the page, or send the .json to a spouse "
                "who uses Hearthside.",
                markup=False,
                timeout=12,
            )

        self.hearth.write(
            lambda: share_notes(
                store,
                [note],
                include_private=True,
                allow_gaps=allow_gaps,
                replace=replace,
                today=today,
            ),
            done=shared,
            failed=failed,
        )

    def _ask_to_share_again(self, note: Note, exc: AlreadyShared, allow_gaps: bool) -> None:
        [folder] = exc.earlier

        def answered(choice: str | None) -> None:
            if choice == "replace":
                self._share(note, allow_gaps=allow_gaps, replace=True)

        self.app.push_screen(
            ChoiceDialog(
                f"You shared this note on {(note.shared_at or '')[:10]}; the page and the file "
                f"are still in {folder}. Write them afresh there?",
                [("Write them afresh", "replace"), ("Leave them", "keep")],
            ),
            answered,
        )

    def _ask_about_gaps(self, note: Note, question: str, anyway: Callable[[], None]) -> None:
        """Before a note with ___ gaps leaves the app: fill them first, or go ahead."""

        def answered(choice: str | None) -> None:
            if choice == "fill":
                self.app.push_screen(NoteComposer(note), self._composer_closed)
            elif choice == "anyway":
                anyway()

        self.app.push_screen(
            ChoiceDialog(
                f"This note still has {gaps_phrase(note.text)}. {question}",
                [("Fill it in first", "fill"), (question.removesuffix("?"), "anyway")],
            ),
            answered,
        )

    # -- list keys -------------------------------------------------------------------

    def action_next_kind(self) -> None:
        kinds = [None, *(k.id for k in self.hearth.content.note_kinds)]
        self._kind = kinds[(kinds.index(self._kind) + 1) % len(kinds)]
        self._apply_filter()

    def action_next_status(self) -> None:
        self._status = STATUSES[(STATUSES.index(self._status) + 1) % len(STATUSES)]
        self._apply_filter()

    def action_filter(self) -> None:
        self.query_one("#note-filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#note-filter", Input).value = ""
        self._kind = self._status = None
        self._apply_filter()
        self.query_one(NoteList).focus()

    def current_record(self) -> Note | None:
        return self._current()
