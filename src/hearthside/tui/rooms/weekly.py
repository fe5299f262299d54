"""The weekly talk: the week's agenda in four parts, one issue chosen or typed, the
closing answer, and the talk marked held.

Saved through ``services.weekly_talk``, as ``hearthside weekly --held`` saves it.
Escape leaves without writing; quitting with words typed keeps them for the week.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from hearthside.domain import date_words
from hearthside.domain.printable import one_line
from hearthside.domain.records import WeeklyTalk
from hearthside.errors import HearthsideError
from hearthside.services import weekly_talk
from hearthside.services.exchange.exporting.weekly import export_agenda
from hearthside.services.weekly_talk import Agenda, AgendaItem
from hearthside.tui.hearth import KeepsWork
from hearthside.tui.widgets.keys_footer import KeysFooter

CSS = """
WeeklyTalkScreen #weekly {
    padding: 0 2;
    height: 1fr;
}
WeeklyTalkScreen .weekly-part {
    text-style: bold;
    margin-top: 1;
}
WeeklyTalkScreen .weekly-words, WeeklyTalkScreen #weekly-length {
    color: $foreground 60%;
}
WeeklyTalkScreen #weekly-issues {
    height: auto;
    max-height: 6;
    border: none;
    padding: 0;
}
WeeklyTalkScreen #weekly-question {
    text-style: bold;
}
WeeklyTalkScreen Input {
    margin: 1 0;
}
WeeklyTalkScreen #weekly-result {
    margin-top: 1;
}
"""


def weekly_commands(app: App[Any]) -> Iterable[SystemCommand]:
    yield SystemCommand(
        "Weekly talk",
        "An hour for the two of you, with an agenda from your week",
        lambda: app.push_screen(WeeklyTalkScreen()),
    )


def item_line(item: AgendaItem) -> Content:
    when = f"{date_words.short_day(item.day)} · {item.what}: "
    return Content.assemble((when, "dim"), Content(one_line(item.words, 200)))


class WeeklyTalkScreen(KeepsWork, Screen[None]):
    room_name = "the weekly talk"
    DEFAULT_CSS = CSS
    help_notes = (
        "Enter on a thing to raise puts it in the issue, to change as you like; "
        "Enter in the answer, or ctrl+s, marks the talk held."
    )
    BINDINGS = [
        # Not a priority key: it must come after the words typed just before it.
        Binding("ctrl+s", "hold", "Mark held"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._agenda: Agenda | None = None
        self._kept = ("", "")  # the issue and answer as last saved (or as they opened)
        self._saving = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="weekly", can_focus=False):
            yield Static("", id="weekly-title", classes="room-title")
            yield Static("", id="weekly-length")
            for part in ("appreciations", "went-well", "issue"):
                yield Static("", id=f"weekly-{part}-title", classes="weekly-part")
                yield Static("", id=f"weekly-{part}-words", classes="weekly-words")
                if part != "issue":
                    yield Static("", id=f"weekly-{part}-items")
            yield OptionList(id="weekly-issues")
            yield Input(
                placeholder="The one thing, in your own words", id="weekly-issue", compact=True
            )
            yield Static("", id="weekly-turns", classes="weekly-words")
            yield Static("", id="weekly-closing-title", classes="weekly-part")
            yield Static("", id="weekly-closing-words", classes="weekly-words")
            yield Static("", id="weekly-question")
            yield Input(placeholder="Their answer, or yours", id="weekly-answer", compact=True)
            yield Static("", id="weekly-result")
        yield KeysFooter()

    def on_mount(self) -> None:
        h = self.hearth
        try:
            found = weekly_talk.agenda(h.store, h.content, today=h.today())
        except HearthsideError as exc:  # a broken weekly-talk.md: say which line
            self.query_one("#weekly-title", Static).update(Content(str(exc)))
            for field in self.query(Input):
                field.display = False
            self.query_one("#weekly-issues").display = False
            return
        self._agenda = found
        self._show(found)
        talk = found.talk
        self._kept = (talk.issue, talk.answer) if talk else ("", "")
        self.query_one("#weekly-issue", Input).value = self._kept[0]
        self.query_one("#weekly-answer", Input).value = self._kept[1]
        choices = self.query_one("#weekly-issues", OptionList)
        choices.add_options(Option(item_line(i), str(n)) for n, i in enumerate(found.issues))
        choices.display = bool(found.issues)
        if found.issues:
            choices.highlighted = 0
        # The agenda reads from the top; the fields come into view as Tab reaches them.
        first = choices if found.issues else self.query_one("#weekly-issue", Input)
        self.set_focus(first, scroll_visible=False)

    def _show(self, found: Agenda) -> None:
        guide = found.guide

        def put(widget_id: str, text: str | Content) -> None:
            self.query_one(f"#{widget_id}", Static).update(
                text if isinstance(text, Content) else Content(text)
            )

        put("weekly-title", f"{guide.title} · {found.week_words}")
        put("weekly-length", " · ".join(w for w in (guide.length, found.held_words) if w))
        for number, (part, items) in enumerate(found.filled, 1):
            put(f"weekly-{part.id}-title", f"{number}. {part.title}")
            empty = () if items else ("\n", Content.styled(part.empty, "italic"))
            put(f"weekly-{part.id}-words", Content.assemble(part.words, *empty))
            if part.id != "issue":
                shown = self.query_one(f"#weekly-{part.id}-items", Static)
                shown.update(Content("\n").join(item_line(i) for i in items))
                shown.display = bool(items)
        turns = [
            "When you speak:",
            *(f"  • {line}" for line in guide.speaker),
            "When you listen:",
            *(f"  • {line}" for line in guide.listener),
        ]
        put("weekly-turns", "\n".join(turns))
        closing = guide.part("closing")
        put("weekly-closing-title", f"4. {closing.title}")
        put("weekly-closing-words", closing.words)
        put("weekly-question", guide.closing_question)

    def _typed(self) -> tuple[str, str]:
        issue = self.query_one("#weekly-issue", Input).value
        return issue, self.query_one("#weekly-answer", Input).value

    # -- reacting -----------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#weekly-issues")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if self._agenda is None or event.option.id is None:
            return
        item = self._agenda.issues[int(event.option.id)]
        field = self.query_one("#weekly-issue", Input)
        field.value = " ".join(item.words.split())
        self.set_focus(field)

    @on(Input.Submitted, "#weekly-issue")
    def _issue_done(self) -> None:
        self.set_focus(self.query_one("#weekly-answer", Input))

    @on(Input.Submitted, "#weekly-answer")
    def _answer_done(self) -> None:
        self.action_hold()

    def palette_commands(self) -> list[SystemCommand]:
        return [
            SystemCommand(
                "Save the agenda to print",
                "A page to print or keep beside you (HTML)",
                lambda: self.action_print("html"),
            ),
            SystemCommand(
                "Save the agenda as Markdown",
                "The same agenda, as text",
                lambda: self.action_print("md"),
            ),
        ]

    def action_print(self, fmt: str) -> None:
        h = self.hearth
        store, content, today = h.store, h.content, h.today()
        h.write(
            lambda: export_agenda(store, content, fmt, today=today),
            done=lambda path: self.notify(f"Saved the agenda to {path}", markup=False, timeout=10),
            changes_data=False,
        )

    # -- keys --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hold":
            return self._agenda is not None
        return True

    def _save(self, job: Callable[[], WeeklyTalk], done: Callable[[WeeklyTalk], None]) -> None:
        typed = self._typed()
        self._saving = True

        def saved(talk: WeeklyTalk) -> None:
            self._saving = False
            self._kept = typed
            done(talk)

        def failed(_exc: HearthsideError) -> None:
            self._saving = False  # the words stay in their fields

        self.hearth.write(job, done=saved, failed=failed)

    def action_hold(self) -> None:
        if self._agenda is None or self._saving:
            return
        h = self.hearth
        store, content, today = h.store, h.content, h.today()
        issue, answer = self._typed()
        self._save(
            lambda: weekly_talk.hold(store, content, issue=issue, answer=answer, today=today),
            self._held,
        )

    def _held(self, talk: WeeklyTalk) -> None:
        if self._agenda is None:
            return
        self._agenda = dataclasses.replace(self._agenda, talk=talk)
        self._show(self._agenda)
        when = date_words.long_day(date.fromisoformat(talk.held or ""))
        words = f"Held on {when}. It counts as this week's real conversation."
        if talk.promise and talk.answer:
            words += f" “{one_line(talk.answer, 50)}” is a promise for the coming week, in Plans."
        self.query_one("#weekly-result", Static).update(Content(words + " Escape to leave."))
        self.notify("The weekly talk is marked held.", markup=False)

    def keep_before_quit(self) -> str | None:
        if self._agenda is None or self._saving or self._typed() == self._kept:
            return None
        h = self.hearth
        store, content, today = h.store, h.content, h.today()
        issue, answer = self._typed()
        talk = self._agenda.talk
        if talk is not None and talk.held is not None:
            held = talk.held
            h.write(
                lambda: weekly_talk.hold(
                    store, content, issue=issue, answer=answer, day=held, today=today
                )
            )
            return "The changes to this week's talk were saved."
        h.write(lambda: weekly_talk.keep_prepared(store, issue=issue, answer=answer, today=today))
        return "What you typed for the weekly talk is kept for this week; it isn't marked held."

    def action_leave(self) -> None:
        self.dismiss(None)
