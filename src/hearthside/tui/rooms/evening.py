"""An evening of 36 questions: what it is, then one question at a time, then a warm close.

Each move is kept (``services.evening``), so leaving half way picks up there next time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from hearthside.errors import HearthsideError
from hearthside.services import evening
from hearthside.texts.thirty_six import EveningOfQuestions
from hearthside.tui.hearth import HearthMixin
from hearthside.tui.rooms.lovemap import LoveMapScreen
from hearthside.tui.widgets.keys_footer import KeysFooter

INTRO = -1  # the place before the first question: what the evening is

CSS = """
EveningScreen #evening {
    padding: 1 2;
    height: 1fr;
}
EveningScreen #evening-where {
    color: $foreground 60%;
}
EveningScreen #evening-text {
    padding: 1 0;
    text-style: bold;
}
EveningScreen.-short #evening-text {
    padding: 0;
}
EveningScreen #evening-hint {
    color: $foreground 60%;
}
"""


def evening_commands(app: App[Any]) -> Iterable[SystemCommand]:
    yield SystemCommand(
        "36 questions",
        "An evening of questions, one at a time",
        lambda: app.push_screen(EveningScreen()),
    )


class EveningScreen(HearthMixin, Screen[None]):
    room_name = "the evening of 36 questions"
    DEFAULT_CSS = CSS
    BINDINGS = [
        Binding("right,enter,space", "next", "Next"),
        Binding("left", "previous", "Previous"),
        Binding("r", "start_over", "Start over"),
        Binding("l", "love_map", "Love map"),
        Binding("escape", "back", "Leave (kept)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._evening: EveningOfQuestions | None = None
        self.at = INTRO
        self._finished = False  # reached the end here: looking back keeps nothing more

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="evening", can_focus=False):
            yield Static("", id="evening-title", classes="room-title")
            yield Static("", id="evening-where")
            yield Static("", id="evening-text")
            yield Static("", id="evening-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        try:
            self._evening = self.hearth.content.thirty_six
        except HearthsideError as exc:
            self.query_one("#evening-text", Static).update(Content(str(exc)))
            return
        self.query_one("#evening-title", Static).update(Content(self._evening.title))
        left = evening.in_progress(self.hearth.store)
        if left is not None and 0 < left.at < self.total:
            self.at = left.at
            self.notify("Picked up where you left off. Press r to start over.", markup=False)
        self.show()

    @property
    def total(self) -> int:
        return len(self._evening.questions) if self._evening else 0

    def show(self) -> None:
        found = self._evening
        if found is None:
            return
        where, text, hint = self.query("#evening-where, #evening-text, #evening-hint").results(
            Static
        )
        if self.at == INTRO:
            where.update(Content(found.length))
            text.update(Content(found.intro))
            hint.update(Content("Press Enter to begin · escape to leave"))
        elif self.at >= self.total:
            where.update(Content("The end of the evening"))
            text.update(Content(found.close))
            hint.update(
                Content(
                    "Press l to note what you learned about them in the love map · "
                    "← to look back · escape to leave"
                )
            )
        else:
            where.update(Content(found.where(self.at)))
            text.update(Content(found.questions[self.at]))
            hint.update(Content("→ or Enter next · ← previous · r start over · escape leaves"))
        self.refresh_bindings()

    def _go(self, at: int) -> None:
        self.at = at
        self.show()
        if self._finished:
            return
        self._finished = at >= self.total
        store, total, today = self.hearth.store, self.total, self.hearth.today()
        self.hearth.write(lambda: evening.keep_place(store, at, total=total, today=today))

    # -- keys -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._evening is None:
            return action == "back"
        if action == "next":
            return self.at < self.total
        if action == "previous":
            return self.at > INTRO
        if action == "start_over":
            return self.at > INTRO
        return True

    def action_next(self) -> None:
        if self._evening is not None and self.at < self.total:
            self._go(self.at + 1)

    def action_previous(self) -> None:
        if self.at == 0:
            self.at = INTRO
            self.show()
        elif self.at > 0:
            self._go(self.at - 1)

    def action_start_over(self) -> None:
        if self.at > INTRO:
            self._finished = False
            self._go(0)
            self.at = INTRO
            self.show()

    def action_love_map(self) -> None:
        self.app.push_screen(LoveMapScreen())

    def action_back(self) -> None:
        self.dismiss(None)
