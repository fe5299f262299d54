"""Looking back: the check-ins of the last eight weeks side by side, and past daily
reviews day by day. Both read their words from the services the command line prints
(``checkins.sign_history`` and ``review.past``), so the two always agree."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from hearthside.domain import date_words, validation
from hearthside.errors import HearthsideError
from hearthside.services import checkins
from hearthside.services.review import past
from hearthside.tui.hearth import HearthMixin
from hearthside.tui.widgets.day_lines import marked
from hearthside.tui.widgets.keys_footer import KeysFooter

CSS = """
.history {
    padding: 0 2;
}
.history-lines {
    padding: 1 1 0 1;
}
.history-note {
    padding: 1 1 0 1;
    color: $foreground 60%;
}
#past-jump {
    margin: 1 1 0 1;
}
"""


def history_commands(app: App[Any]) -> Iterable[SystemCommand]:
    """The palette's ways back to the past, from every room."""
    yield SystemCommand(
        "Check-in history",
        "Each sign's last eight weeks, side by side",
        lambda: app.push_screen(CheckinHistoryScreen()),
    )
    yield SystemCommand(
        "Past reviews",
        "Daily reviews, day by day; ← → and g for any date",
        lambda: app.push_screen(PastReviewsScreen()),
    )


class CheckinHistoryScreen(HearthMixin, Screen[None]):
    """Each sign's last eight weeks: a sparkline, the ratings, and which way they go."""

    room_name = "the check-in history"
    DEFAULT_CSS = CSS
    BINDINGS = [Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        h = self.hearth
        found = checkins.sign_history(
            h.store, h.content, today=h.today(), week_start=h.settings.week_start
        )
        lines: list[Content] = []
        for sign in found.signs if found.count else ():
            lines.append(Content.styled(sign.sign.label, "bold"))
            lines.append(Content(f"    {sign.line}"))
        yield Header()
        with VerticalScroll(classes="history"):
            yield Static(Content("Check-ins, week by week"), classes="room-title")
            yield Static(Content(found.heading), classes="history-note")
            yield Static(Content("\n").join(lines), classes="history-lines")
        yield KeysFooter()

    def action_back(self) -> None:
        self.dismiss(None)


class PastReviewsScreen(HearthMixin, Screen[None]):
    """A past day's review; ← and → go to the reviewed days either side, g to any date."""

    room_name = "past reviews"
    DEFAULT_CSS = CSS
    BINDINGS = [
        Binding("left,left_square_bracket", "earlier", "Earlier"),
        Binding("right,right_square_bracket", "later", "Later"),
        Binding("g", "jump", "Go to a date"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._shown: past.PastDay | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(classes="history", id="past", can_focus=False):
            yield Static("", id="past-title", classes="room-title")
            yield Static("", id="past-lines", classes="history-lines")
            yield Static("", id="past-around", classes="history-note")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.show(past.latest_day(self.hearth.store, today=self.hearth.today()))

    def show(self, day: date) -> None:
        h = self.hearth
        shown = self._shown = past.past_day(h.store, h.content, day, today=h.today())
        self.query_one("#past-title", Static).update(Content(shown.title))
        self.query_one("#past-lines", Static).update(Content("\n").join(marked(shown.words)))
        around = [
            f"{key} {date_words.short_day(other)}"
            for key, other in (("←", shown.earlier), ("→", shown.later))
            if other is not None
        ]
        note = " · ".join(around) + " · g goes to any date" if around else ""
        self.query_one("#past-around", Static).update(Content(note))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        shown = self._shown
        if action == "earlier":
            return None if shown is None or shown.earlier is None else True
        if action == "later":
            return None if shown is None or shown.later is None else True
        return True

    def action_earlier(self) -> None:
        if self._shown is not None and self._shown.earlier is not None:
            self.show(self._shown.earlier)

    def action_later(self) -> None:
        if self._shown is not None and self._shown.later is not None:
            self.show(self._shown.later)

    def action_jump(self) -> None:
        """A field for the date, there only while it is wanted: the other keys stay free."""
        if not self.query("#past-jump"):
            jump = Input(placeholder="A date: 2026-11-20, 20 nov, yesterday…", id="past-jump")
            self.query_one("#past", VerticalScroll).mount(jump)
            jump.focus()

    @on(Input.Submitted, "#past-jump")
    def _jumped(self, event: Input.Submitted) -> None:
        h = self.hearth
        try:
            day = validation.user_date(event.value, h.settings, today=h.today())
        except HearthsideError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self._close_jump()
        self.show(day)

    def _close_jump(self) -> None:
        self.query("#past-jump").remove()

    def action_back(self) -> None:
        if self.query("#past-jump"):
            self._close_jump()
        else:
            self.dismiss(None)
