"""Export from the app: choose with the keyboard, and the notice gives the written path."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Select, Static

from hearthside.errors import HearthsideError
from hearthside.services.exchange.exporting.exporter import ExportResult, export
from hearthside.services.exchange.exporting.files import OutputExists
from hearthside.services.exchange.exporting.selection import Selection
from hearthside.tui.dialogs.base import Dialog
from hearthside.tui.dialogs.choice import ChoiceDialog
from hearthside.tui.widgets.ticks import Tick

FORMAT_CHOICES = [
    ("A printable web page (HTML)", "html"),
    ("Markdown", "md"),
    ("Plain text, for a phone", "txt"),
    ("Everything, for moving (JSON)", "json"),
    ("Dates for a calendar (ICS)", "ics"),
]
KIND_CHOICES = [("Journal and notes", "all"), ("Journal entries", "entries"), ("Notes", "notes")]


class ExportDialog(Dialog):
    """Dismisses with the ExportResult once written, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "export", "Export", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export"):
            yield Static("Export", classes="dialog-title")
            yield Static(
                "A plain, readable file saved in your Hearthside folder (ctrl+s to export).",
                classes="dialog-question",
            )
            with Horizontal(classes="export-row"):
                yield Select(
                    [(Content(label), value) for label, value in FORMAT_CHOICES],
                    value="html",
                    allow_blank=False,
                    id="format",
                )
                yield Select(
                    [(Content(label), value) for label, value in KIND_CHOICES],
                    value="all",
                    allow_blank=False,
                    id="kind",
                )
            with Horizontal(classes="export-row"):
                yield Input(placeholder="Since (e.g. 2026-11, last month)", id="since")
                yield Input(placeholder="Until (optional)", id="until")
            with Horizontal(classes="export-row"):
                yield Input(placeholder="Only #tag (optional)", id="tag")
                yield Select(
                    [
                        (Content(f"{s.number}. {s.title}"), s.number)
                        for s in self.hearth.content.steps
                    ],
                    prompt="Any strategy",
                    id="step",
                )
            yield Static("", id="export-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Tick("Include private ones", id="private")
                yield Button("Export", variant="primary", id="do-export")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#format", Select).focus()

    def _selection(self) -> Selection:
        step = self.query_one("#step", Select).value
        kind = self.query_one("#kind", Select).value
        return Selection.from_text(
            since=self.query_one("#since", Input).value.strip() or None,
            until=self.query_one("#until", Input).value.strip() or None,
            tag=self.query_one("#tag", Input).value.strip().lstrip("#") or None,
            kind=str(kind),
            step=step if isinstance(step, int) else None,
            include_private=self.query_one("#private", Checkbox).value,
            settings=self.hearth.settings,
            today=self.hearth.today(),
        )

    def _problem(self, message: str) -> None:
        box = self.query_one("#export-problem", Static)
        box.update(Content(message))
        box.display = bool(message)

    @on(Button.Pressed, "#do-export")
    def action_export(self, force: bool = False) -> None:
        try:
            selection = self._selection()
        except HearthsideError as exc:
            self._problem(str(exc))
            return
        self._problem("")
        fmt = str(self.query_one("#format", Select).value)
        store, content, today = self.hearth.store, self.hearth.content, self.hearth.today()

        def failed(exc: HearthsideError) -> bool:
            if isinstance(exc, OutputExists):
                self.app.push_screen(
                    ChoiceDialog(
                        f"{exc.path} is already there. Replace it?",
                        [("Replace it", "yes"), ("Keep it", "no")],
                    ),
                    lambda answer: self.action_export(force=True) if answer == "yes" else None,
                )
            else:
                self._problem(str(exc))
            return True

        self.hearth.write(
            lambda: export(store, content, fmt, selection, force=force, today=today),
            done=self._written,
            failed=failed,
            changes_data=False,
        )

    def _written(self, result: ExportResult) -> None:
        note = f"{result.summary()} It is a plain, unencrypted file."
        if result.private_left_out:
            note += f" {result.private_left_out} private record(s) were left out."
        self.notify(note, title="Exported", markup=False, timeout=12)
        self.dismiss(result)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
