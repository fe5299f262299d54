"""Writing one journal entry: fields, a Markdown body, autosaved drafts; and the
palette's way to begin one from a template."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable
from functools import partial
from typing import Any, cast

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from hearthside.domain import date_parsing, date_words
from hearthside.domain.records import Entry
from hearthside.errors import HearthsideError
from hearthside.services.drafts import Draft, discard_draft, save_draft
from hearthside.services.journal import save_entry
from hearthside.texts.entry_templates import EntryTemplate
from hearthside.tui.dialogs.choice import ask_before_leaving
from hearthside.tui.hearth import Hearth, KeepsWork
from hearthside.tui.widgets.keys_footer import KeysFooter
from hearthside.tui.widgets.ticks import Tick, TickList

AUTOSAVE_SECONDS = 2.0
CLOSENESS = [
    (Content("1 · far apart"), 1),
    (Content("2 · a little distant"), 2),
    (Content("3 · steady"), 3),
    (Content("4 · close"), 4),
    (Content("5 · very close"), 5),
]


class EntryEditor(KeepsWork, Screen[Entry | None]):
    """Pushed over the Journal. ctrl+s saves and stays; escape goes back (asking first)."""

    room_name = "the journal editor"
    # The body from the first key: a focus() in on_mount would race the screen's own
    # auto focus, and words typed at once could land in the title.
    AUTO_FOCUS = "#body"

    BINDINGS = [
        # Not a priority key: it must come after the words typed just before it.
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(
        self,
        entry: Entry | None = None,
        *,
        draft: Draft | None = None,
        steps: tuple[int, ...] = (),
        template: EntryTemplate | None = None,
    ) -> None:
        """``template`` begins a new entry with its title and prompts; like an empty new
        entry, it is saved (and kept as a draft) only once something is written."""
        super().__init__()
        self.entry = entry
        self.template = template if entry is None and draft is None else None
        self.draft = draft or Draft(
            key=entry.id if entry else f"new-{uuid.uuid4().hex[:12]}",
            entry_id=entry.id if entry else None,
            title=entry.title if entry else template.title if template else "",
            date=entry.date if entry else "",
            tags=" ".join(f"#{t}" for t in entry.tags) if entry else "",
            closeness=entry.closeness if entry else None,
            steps=list(entry.steps) if entry else list(steps),
            body=entry.body if entry else template.body if template else "",
            private=entry.private if entry else False,
        )
        self._clean = self._snapshot_of(self.draft) if entry or not draft else None
        self._timer: Timer | None = None
        self._saving = False

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        today = self.hearth.today().isoformat()
        if not self.draft.date:
            # A new entry's date box shows today: that is the entry as it starts, not a
            # change (else leaving at once would ask, and keep an empty draft).
            self.draft = dataclasses.replace(self.draft, date=today)
            if self._clean:
                self._clean = self._snapshot_of(self.draft)
        d = self.draft
        yield Header()
        with Vertical(id="editor"):
            with Horizontal(id="editor-fields"):
                yield Input(d.title, placeholder="Title (optional)", id="title")
                yield Input(d.date, placeholder="Date: today, 3 days ago…", id="date")
                yield Select(
                    CLOSENESS, prompt="Closeness", value=d.closeness or Select.NULL, id="closeness"
                )
            with Horizontal(id="editor-tags-row"):
                yield Input(d.tags, placeholder="#tags #like-this", id="tags")
                # Private: left out of exports and shares unless asked for, marked in lists.
                yield Tick("Private", d.private, id="private")
                yield Label("", id="date-echo")
            with Horizontal(id="editor-main"):
                yield TextArea(
                    d.body,
                    language="markdown",
                    soft_wrap=True,
                    show_line_numbers=False,
                    id="body",
                )
                with Vertical(id="editor-steps-pane"):
                    yield Static("Linked strategies", classes="pane-title")
                    yield TickList[int](
                        *(
                            Selection(
                                Content(f"{s.number}. {s.title}"), s.number, s.number in d.steps
                            )
                            for s in self.hearth.content.steps
                        ),
                        id="steps",
                    )
                    yield Static("", id="steps-current")
        yield KeysFooter()

    def on_mount(self) -> None:
        body = self.query_one("#body", TextArea)
        # Opening an entry to add to it: the cursor waits where the writing stopped; a
        # template's, under its first prompt.
        body.move_cursor((self.template.first_place, 0) if self.template else body.document.end)
        if self._clean is None:
            self._clean = ()  # a restored draft is unsaved work from the start
        self._echo_date()

    # Tab follows the screen, top left to bottom right, whatever the layout's nesting.
    TAB_ORDER = ("#title", "#date", "#tags", "#closeness", "#private", "#body", "#steps")

    def move_focus(self, step: int) -> None:
        order = [self.query_one(selector) for selector in self.TAB_ORDER]
        # A Select's open list, say, counts as the Select itself.
        chain = (self.focused, *self.focused.ancestors) if self.focused else ()
        here = next((w for w in chain if w in order), None)
        at = order.index(here) if here is not None else -step
        self.set_focus(order[(at + step) % len(order)])

    def keep_draft_now(self) -> None:
        """Save the draft synchronously: the app is about to go (crash, signal)."""
        if self.is_mounted and self.dirty:
            save_draft(self.hearth.store.home, self._form(), self.hearth.store.keys)

    def keep_before_quit(self) -> str | None:
        if not self.is_mounted or not self.dirty:
            return None
        self._save_draft()
        return (
            "Your journal entry wasn't saved yet: it is kept as a draft, and Hearthside "
            "offers it back when you next open it."
        )

    # -- the form ------------------------------------------------------------------

    def _form(self) -> Draft:
        closeness = self.query_one("#closeness", Select).value
        return dataclasses.replace(
            self.draft,
            title=self.query_one("#title", Input).value,
            date=self.query_one("#date", Input).value,
            tags=self.query_one("#tags", Input).value,
            closeness=closeness if isinstance(closeness, int) else None,
            steps=sorted(self.query_one("#steps", SelectionList).selected),
            body=self.query_one("#body", TextArea).text,
            private=self.query_one("#private", Tick).value,
        )

    @staticmethod
    def _snapshot_of(d: Draft) -> tuple[object, ...]:
        return (d.title, d.date, d.tags, d.closeness, tuple(d.steps), d.body, d.private)

    @property
    def dirty(self) -> bool:
        return self._snapshot_of(self._form()) != self._clean

    def _echo_date(self) -> None:
        echo = self.query_one("#date-echo", Label)
        text = self.query_one("#date", Input).value
        try:
            day = date_parsing.parse_date(
                text or "today",
                today=self.hearth.today(),
                date_order=self.hearth.settings.date_order,
            )
        except HearthsideError as exc:
            echo.update(Content(str(exc)))
            echo.add_class("problem")
            return
        echo.remove_class("problem")
        echo.update(Content(f"Date: {date_words.weekday(day)} {day.isoformat()}"))

    @on(Input.Changed, "#date")
    def _date_changed(self) -> None:
        self._echo_date()
        self._schedule_draft()

    @on(SelectionList.SelectionHighlighted, "#steps")
    def _step_highlighted(self, event: SelectionList.SelectionHighlighted[int]) -> None:
        """The whole name of the strategy under the cursor, however narrow the list."""
        step = self.hearth.content.step(event.selection.value)
        self.query_one("#steps-current", Static).update(Content(f"{step.number}. {step.title}"))

    @on(Input.Changed, "#title, #tags")
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    @on(Tick.Changed)
    def _changed(self) -> None:
        self._schedule_draft()

    # -- autosave --------------------------------------------------------------------

    def _schedule_draft(self) -> None:
        if not self.is_mounted or not self.dirty:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(AUTOSAVE_SECONDS, self._save_draft)

    def _save_draft(self) -> None:
        draft = self._form()
        store = self.hearth.store
        self.hearth.write(lambda: save_draft(store.home, draft, store.keys), changes_data=False)

    # -- saving and leaving ----------------------------------------------------------

    def action_save(self, then_leave: bool = False) -> None:
        if self._saving:
            return
        form = self._form()
        untouched = self.template is not None and form.body.strip() == self.template.body.strip()
        if untouched or (not form.body.strip() and not form.title.strip()):
            self.notify("There's nothing to save yet; write a few words first.", markup=False)
            return
        store, today = self.hearth.store, self.hearth.today()
        existing = dataclasses.replace(self.entry) if self.entry else None
        if self._timer is not None:
            self._timer.stop()
        self._saving = True

        def job() -> Entry:
            saved = save_entry(
                store,
                existing,
                body=form.body,
                title=form.title,
                day=form.date or "today",
                tags=form.tags.split(),
                closeness=form.closeness,
                steps=form.steps,
                private=form.private,
                today=today,
            )
            discard_draft(store.home, form.key)
            return saved

        def done(saved: Entry) -> None:
            self._saving = False
            self.entry = saved
            self.draft = dataclasses.replace(form, entry_id=saved.id, date=saved.date)
            self._clean = self._snapshot_of(self.draft)
            self.query_one("#date", Input).value = saved.date
            # Tags written in the text joined the tags on saving; show them where tags go.
            self.query_one("#tags", Input).value = " ".join(f"#{t}" for t in saved.tags)
            self._clean = self._snapshot_of(self._form())
            self.notify(f"Saved for {saved.date}.", markup=False)
            if then_leave:
                self.dismiss(saved)

        def failed(_exc: HearthsideError) -> bool:
            # What was typed stays in the editor, and the draft keeps it on disk too.
            self._saving = False
            self._save_draft()
            return False

        self.hearth.write(job, done=done, failed=failed)

    def _drop_draft(self) -> None:
        key, home = self.draft.key, self.hearth.store.home
        self.hearth.write(lambda: discard_draft(home, key), changes_data=False)

    def action_leave(self) -> None:
        if not self.dirty:
            self._drop_draft()
            self.dismiss(self.entry)
            return

        def discard() -> None:
            self._drop_draft()
            self.dismiss(self.entry)

        ask_before_leaving(
            self, "This entry", save=lambda: self.action_save(then_leave=True), discard=discard
        )


def template_commands(app: App[Any]) -> Iterable[SystemCommand]:
    """The palette's "New entry from template", from every room."""
    yield SystemCommand(
        "New entry from template",
        "After a hard moment, a good day, before a hard talk…",
        partial(choose_template, app),
    )


def choose_template(app: App[Any]) -> None:
    hearth = cast(Hearth, app)
    try:
        templates = hearth.content.entry_templates
    except HearthsideError as exc:
        app.notify(str(exc), severity="warning", markup=False, timeout=10)
        return

    def begin(template: EntryTemplate) -> None:
        hearth.in_journal(lambda journal: journal.action_new(template=template))

    app.search_commands(
        [(t.name, partial(begin, t), t.about) for t in templates],
        placeholder="Choose a template…",
    )
