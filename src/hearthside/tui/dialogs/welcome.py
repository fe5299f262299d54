"""First-run welcome, and the offer to bring back a draft that was never saved."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Select, Static

from hearthside.domain.dates import WEEKDAYS
from hearthside.domain.settings import Settings
from hearthside.services.drafts import Draft
from hearthside.tui.dialogs.base import Dialog
from hearthside.tui.pending import after_pending_keys

WELCOME = (
    "Welcome to Hearthside.\n\n"
    "This is a quiet place for small, steady steps back toward each other. "
    "Everything you write stays on this computer.\n\n"
    "What is your spouse's name? (It only appears on your own screens.)"
)


class WelcomeScreen(Dialog):
    """Dismisses with the chosen Settings, or None when skipped with escape."""

    BINDINGS = [Binding("escape", "skip", "Skip")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="welcome"):
            yield Static(WELCOME, classes="dialog-question")
            yield Input(placeholder="Their first name", id="spouse-name", max_length=80)
            yield Static(
                "Which day does your week start on? (Tab to change it)", classes="dialog-label"
            )
            yield Select(
                [(Content(day.capitalize()), i) for i, day in enumerate(WEEKDAYS)],
                value=self.hearth.settings.week_start,
                allow_blank=False,
                id="week-start",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Begin", variant="primary", id="begin")
                yield Button("Skip for now", id="skip")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#spouse-name", Input))

    def route_key(self, event: events.Key) -> bool:
        """Enter in the name goes straight to Begin (the week's first day keeps its
        default unless Tab goes there). Done as the key arrives (see the app's
        on_event), so an Enter typed right behind it, however fast, presses Begin."""
        if event.key == "enter" and self.focused is self.query_one("#spouse-name", Input):
            self.set_focus(self.query_one("#begin", Button))
            return True
        return False

    @on(Select.Changed, "#week-start")
    def _week_chosen(self, event: Select.Changed) -> None:
        # Only a choice the person made moves them on, not the initial value.
        if event.select.has_focus:
            self.set_focus(self.query_one("#begin", Button))

    @on(Button.Pressed, "#begin")
    def action_begin(self) -> None:
        # Read the name once the letters typed just before Begin have reached it.
        after_pending_keys(self.query_one("#spouse-name", Input), self._begin)

    def _begin(self) -> None:
        week_start = self.query_one("#week-start", Select).value
        settings = Settings(
            **{
                **self.hearth.settings.to_doc(),
                "spouse_name": self.query_one("#spouse-name", Input).value.strip(),
                "week_start": week_start if isinstance(week_start, int) else 0,
                "welcomed": True,
            }
        )
        self.dismiss(settings)

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        self.dismiss(None)


class RestoreDraftScreen(Dialog):
    """Dismisses with the draft to reopen, or None to leave it for later."""

    BINDINGS = [Binding("escape", "later", "Later")]

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        when = self.draft.saved_at[:16].replace("T", " at ")
        question = Content.assemble(
            "You were writing something that wasn't saved yet:\n\n  “",
            Content(self.draft.headline[:60]),
            f"”\n\nlast kept on {when}. Would you like to pick it up again?",
        )
        with Vertical(classes="dialog"):
            yield Static(question, classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore it", variant="primary", id="restore")
                yield Button("Later", id="later")

    def on_mount(self) -> None:
        self.query_one("#restore", Button).focus()

    @on(Button.Pressed, "#restore")
    def _restore(self) -> None:
        self.dismiss(self.draft)

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        self.dismiss(None)
