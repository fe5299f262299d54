"""Writing a note: a kind, a template to start from, guidance beside, gentle hints."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Checkbox, Header, Input, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.text_area import Selection

from hearthside.domain.records import Note
from hearthside.errors import HearthsideError
from hearthside.services.notes import GAP, fill_template, gaps_phrase, gentle_hints, save_note
from hearthside.texts.items import NoteKind
from hearthside.tui.dialogs.choice import ChoiceDialog, ask_before_leaving
from hearthside.tui.hearth import KeepsWork
from hearthside.tui.widgets.keys_footer import KeysFooter
from hearthside.tui.widgets.ticks import Tick

BLANK = "blank"


class NoteText(TextArea):
    """The note's words, with ___ gaps to reach by key.

    ctrl+g is handled here, in turn with the typing around it: a screen binding runs
    only after the letters behind it have already been typed at the old place.
    """

    def select_gap(self, *, after: tuple[int, int] = (0, 0)) -> bool:
        """Select the first gap at or after ``after`` (row, column), so typing fills it;
        from the top again when there is none below. False when no gaps are left."""
        spans = [
            ((row, found.start()), (row, found.end()))
            for row, line in enumerate(self.document.lines)
            for found in GAP.finditer(line)
        ]
        if not spans:
            return False
        start, end = next((span for span in spans if span[0] >= after), spans[0])
        self.selection = Selection(start, end)
        self.screen.set_focus(self)
        return True

    def action_next_gap(self) -> None:
        if not self.select_gap(after=self.selection.end):
            self.notify("No gaps left to fill: the note is all your own words.", markup=False)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "ctrl+g":
            event.stop()
            event.prevent_default()
            self.action_next_gap()
            return
        await super()._on_key(event)


class NoteComposer(KeepsWork, Screen[Note | None]):
    """Pushed over the Notes room; dismisses with the saved note, or None."""

    room_name = "the note composer"

    CSS_PATH = "notes.tcss"
    BINDINGS = [
        # Not a priority key: it must come after the words typed just before it.
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+t", "templates", "Templates"),
        Binding("ctrl+g", "next_gap", "Next gap"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, note: Note | None = None, *, kind: str | None = None) -> None:
        super().__init__()
        self.note = note
        self._kind = note.kind if note else kind
        self._clean: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        kinds = self.hearth.content.note_kinds
        kind = self._kind if self._kind in {k.id for k in kinds} else kinds[0].id
        note = self.note
        yield Header()
        with Horizontal(id="composer-top"):
            yield Select(
                [(Content(k.label), k.id) for k in kinds],
                value=kind,
                allow_blank=False,
                id="kind",
            )
            yield Input(
                note.occasion if note else "", placeholder="Occasion (optional)", id="occasion"
            )
            yield Tick("Private", note.private if note else False, id="private")
        with Horizontal(id="composer-main"):
            with Vertical(id="composer-writing"):
                yield Static("Start from", classes="pane-title")
                yield OptionList(id="templates")
                yield NoteText(note.text if note else "", soft_wrap=True, id="note-text")
            with VerticalScroll(id="composer-guide"):
                yield Static("", id="guidance")
                yield Static("", id="hints")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show_kind()
        self._clean = self._snapshot()
        # set_focus, not focus(): at once, so the first keys typed land here.
        if self.note is None:
            self.set_focus(self.query_one("#templates", OptionList))
        elif not self.query_one(NoteText).select_gap():
            self.set_focus(self.query_one(NoteText))

    # -- the form -------------------------------------------------------------------

    def _kind_now(self) -> NoteKind:
        value = self.query_one("#kind", Select).value
        return self.hearth.content.note_kind(str(value))

    def _snapshot(self) -> tuple[object, ...]:
        return (
            self.query_one("#kind", Select).value,
            self.query_one("#occasion", Input).value,
            self.query_one("#private", Checkbox).value,
            self.query_one("#note-text", TextArea).text,
        )

    @property
    def dirty(self) -> bool:
        return self._snapshot() != self._clean

    def _show_kind(self) -> None:
        kind = self._kind_now()
        templates = self.query_one("#templates", OptionList)
        templates.clear_options()
        templates.add_option(Option(Content("Start blank"), id=BLANK))
        templates.add_options(
            [Option(Content(t.name), id=str(i)) for i, t in enumerate(kind.templates)]
        )
        templates.highlighted = 0
        lines = [Content.styled(f"Writing {kind.label.lower()}", "bold")]
        if kind.step is not None:
            step = self.hearth.content.step(kind.step)
            lines.append(Content.styled(f"From strategy {step.number}: {step.title}", "italic"))
        lines.append(Content(""))
        lines += [Content(f"• {tip}") for tip in kind.guidance]
        self.query_one("#guidance", Static).update(Content("\n").join(lines))
        self._show_hints()

    def _show_hints(self) -> None:
        text = self.query_one("#note-text", TextArea).text
        hints = gentle_hints(self._kind_now(), text) if text.strip() else []
        box = self.query_one("#hints", Static)
        if not hints:
            box.update("")
            box.display = False
            return
        lines = [Content.styled("A thought before you save", "bold")]
        lines += [Content(f"• {hint}") for hint in hints]
        box.update(Content("\n").join(lines))
        box.display = True

    @on(Select.Changed, "#kind")
    def _kind_changed(self) -> None:
        self._show_kind()

    @on(TextArea.Changed, "#note-text")
    def _text_changed(self) -> None:
        self._show_hints()

    @on(OptionList.OptionSelected, "#templates")
    def _template_chosen(self, event: OptionList.OptionSelected) -> None:
        text_area = self.query_one(NoteText)
        if event.option.id != BLANK and event.option.id is not None:
            template = self._kind_now().templates[int(event.option.id)]
            filled = fill_template(template.text, self.hearth.settings, today=self.hearth.today())
            text_area.load_text(filled)
            text_area.select_gap()
        text_area.focus()

    def action_templates(self) -> None:
        self.query_one("#templates", OptionList).focus()

    def action_next_gap(self) -> None:
        self.query_one(NoteText).action_next_gap()

    # -- saving and leaving ------------------------------------------------------------

    def keep_before_quit(self) -> str | None:
        if not self.is_mounted or not self.dirty:
            return None
        if not self.query_one("#note-text", TextArea).text.strip():
            return None
        self._write_note(then_leave=False)
        return "Your note is saved as a draft; it waits for you in the Notes room."

    def action_save(self, then_leave: bool = True) -> None:
        text = self.query_one("#note-text", TextArea).text
        if not text.strip():
            self.notify("There's nothing to save yet; write a few words first.", markup=False)
            return
        if GAP.search(text):
            self._ask_about_gaps(text, then_leave=then_leave)
            return
        self._write_note(then_leave=then_leave)

    def _ask_about_gaps(self, text: str, *, then_leave: bool) -> None:
        def answered(choice: str | None) -> None:
            if choice == "save":
                self._write_note(then_leave=then_leave)
            elif choice == "gap":
                self.query_one(NoteText).select_gap()

        self.app.push_screen(
            ChoiceDialog(
                f"This note still has {gaps_phrase(text)}",
                [("Save anyway", "save"), ("Go back to the gap", "gap")],
            ),
            answered,
        )

    def _write_note(self, *, then_leave: bool) -> None:
        text = self.query_one("#note-text", TextArea).text
        store, content, today = self.hearth.store, self.hearth.content, self.hearth.today()
        kind = self._kind_now()
        occasion = self.query_one("#occasion", Input).value
        private = self.query_one("#private", Checkbox).value
        existing = self.note

        def job() -> Note:
            return save_note(
                store,
                content,
                existing,
                kind=kind.id,
                text=text,
                occasion=occasion,
                step=existing.step if existing else None,
                private=private,
                day=existing.date if existing else None,
                today=today,
            )

        def done(saved: Note) -> None:
            self.note = saved
            self._clean = self._snapshot()
            hints = gentle_hints(kind, saved.text)
            message = f"Saved your {kind.label.lower()} as a draft."
            if hints:
                message += f" A thought: {hints[0]}"
            self.notify(message, markup=False, timeout=8 if hints else 4)
            if then_leave:
                self.dismiss(saved)

        def failed(_exc: HearthsideError) -> bool:
            return False  # the text stays in the composer; the app shows what went wrong

        self.hearth.write(job, done=done, failed=failed)

    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss(self.note)
            return

        ask_before_leaving(
            self, "This note", save=self.action_save, discard=lambda: self.dismiss(self.note)
        )
