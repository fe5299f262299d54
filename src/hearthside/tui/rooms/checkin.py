"""The weekly check-in: five signs of drift rated 0–4, a note, and last time beside them."""

from __future__ import annotations

from datetime import date

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from hearthside.domain import date_words
from hearthside.errors import HearthsideError
from hearthside.services import checkins
from hearthside.services.checkins import Comparison
from hearthside.tui.dialogs.choice import ask_before_leaving
from hearthside.tui.hearth import KeepsWork
from hearthside.tui.widgets.keys_footer import KeysFooter
from hearthside.tui.widgets.scale import RatingScale, Scale

RATING_WORDS = ("not at all", "a little", "somewhat", "quite a bit", "very much")
# Several signs at least this high bring in the content's words about outside support.
HIGH, SEVERAL = 3, 2


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def comparison_words(comparison: Comparison) -> str:
    """Beside last time, in plain words: lower numbers mean the sign showed less."""
    previous = comparison.previous
    if previous is None:
        return "Saved. This is your first check-in; next week you'll see the two side by side."
    pairs = [(r.now, r.before) for r in comparison.ratings]
    both = [(now, before) for now, before in pairs if now is not None and before is not None]
    lighter = sum(now < before for now, before in both)
    heavier = sum(now > before for now, before in both)
    same = len(both) - lighter - heavier
    when = date_words.short_day(date.fromisoformat(previous.date))
    return (
        f"Saved. Beside last time ({when}): {lighter} lighter, {same} the same, {heavier} heavier."
    )


class CheckinScreen(KeepsWork, Screen[None]):
    """Pushed over Today with ``checkins.compare`` for today."""

    room_name = "the weekly check-in"
    CSS_PATH = "checkin.tcss"
    BINDINGS = [
        Binding("up", "move(-1)", "", group=Binding.Group("Move", compact=True)),
        Binding("down", "move(1)", "", group=Binding.Group("Move", compact=True)),
        Binding("enter", "move(1)", "Next", show=False),
        # Not a priority key: it must come after the note typed just before it.
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison
        self._saved = self._values_of(comparison)
        self._saving = False

    @staticmethod
    def _values_of(comparison: Comparison) -> tuple[object, ...]:
        note = comparison.current.note if comparison.current else ""
        return (*(r.now for r in comparison.ratings), note)

    # -- layout --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        content = self.hearth.content
        intro = paragraphs(content.signs_intro)
        before = self.comparison.previous
        when = date_words.short_day(date.fromisoformat(before.date)) if before else ""
        yield Header()
        with VerticalScroll(id="checkin"):
            yield Static(
                f"Weekly check-in · {date_words.long_day(self.hearth.today())}",
                classes="room-title",
            )
            yield Static(Content(intro[0] if intro else ""), id="checkin-intro")
            with Horizontal(classes="sign-row sign-head"):
                yield Static("", classes="sign-label")
                yield Static("this week", classes="sign-scale-head")
                yield Static(f"last time{f' ({when})' if when else ''}", classes="sign-before")
            for i, rating in enumerate(self.comparison.ratings):
                with Horizontal(classes="sign-row"):
                    yield Static(Content(rating.sign.label), classes="sign-label")
                    yield RatingScale(words=RATING_WORDS, value=rating.now, id=f"checkin-sign-{i}")
                    yield Static(self._before_text(rating.before), classes="sign-before")
            yield Static("", id="checkin-question")
            yield Input(
                self.comparison.current.note if self.comparison.current else "",
                placeholder="A note about the week (optional)",
                id="checkin-note",
            )
            yield Static(Content("\n\n".join(intro[1:])), id="checkin-care")
            yield Static("", id="checkin-result")
        yield KeysFooter()

    @staticmethod
    def _before_text(before: int | None) -> Content:
        if before is None:
            return Content.styled("–", "dim")
        return Content.assemble((str(before), "bold"), (f"  {RATING_WORDS[before]}", "dim"))

    def on_mount(self) -> None:
        self.set_focus(self._scales()[0])  # at once: the first digit rates the first sign
        self._show_care()

    def _scales(self) -> list[Scale]:
        return list(self.query(Scale))

    def _ratings(self) -> dict[str, int]:
        signs = self.hearth.content.signs
        return {
            sign.id: scale.value
            for sign, scale in zip(signs, self._scales(), strict=False)
            if scale.value is not None
        }

    def _values(self) -> tuple[object, ...]:
        note = self.query_one("#checkin-note", Input).value.strip()
        return (*(s.value for s in self._scales()), note)

    # -- reacting ---------------------------------------------------------------------

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        question = self.query_one("#checkin-question", Static)
        scales = self._scales()
        if isinstance(event.widget, Scale) and event.widget in scales:
            sign = self.comparison.ratings[scales.index(event.widget)].sign
            question.update(Content(sign.question))
        else:
            question.update(Content("Anything else about the week? Then ctrl+s saves."))

    @on(Scale.Changed)
    def _rated(self) -> None:
        self._show_care()

    def route_key(self, event: events.Key) -> bool:
        """As the key arrives (see ``HearthsideApp.on_event``): a digit rates the sign in
        hand and moves on at once, so the next digit, however fast, rates the next sign;
        a letter on a sign starts the note."""
        focused = self.focused
        char = event.character if event.is_printable else None
        if not isinstance(focused, Scale) or not char:
            return False
        if not char.isdigit():
            self.set_focus(self.query_one("#checkin-note", Input))
            return False
        if focused.low <= int(char) <= focused.high:
            focused.value = int(char)
            self.action_move(1)
        return True

    def _show_care(self) -> None:
        high = sum(1 for s in self._scales() if s.value is not None and s.value >= HIGH)
        care = self.query_one("#checkin-care", Static)
        care.display = high >= SEVERAL and bool(str(care.render()).strip())

    @on(Input.Submitted, "#checkin-note")
    def _note_done(self) -> None:
        self.action_save()

    # -- keys ------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        order = [*self._scales(), self.query_one("#checkin-note", Input)]
        at = order.index(self.focused) if self.focused in order else -1
        self.set_focus(order[max(0, min(len(order) - 1, at + step))])

    def keep_before_quit(self) -> str | None:
        if not self.is_mounted or self._values() == self._saved:
            return None
        if not self._ratings() and not self.query_one("#checkin-note", Input).value.strip():
            return None
        self.action_save()
        return "This week's check-in is saved."

    def action_save(self, then_leave: bool = False) -> None:
        if self._saving:
            return
        ratings = self._ratings()
        note = self.query_one("#checkin-note", Input).value
        if not ratings and not note.strip():
            self.notify("Rate at least one sign, or write a note, and then save.", markup=False)
            return
        h = self.hearth
        store, content, day = h.store, h.content, h.today()
        values = self._values()
        self._saving = True

        def job() -> Comparison:
            checkins.save_checkin(store, content, ratings, note=note, today=day)
            return checkins.compare(store, content, today=day)

        def done(comparison: Comparison) -> None:
            self._saving = False
            self.comparison = comparison
            self._saved = values
            if then_leave:
                self.dismiss(None)
                return
            self.query_one("#checkin-result", Static).update(
                Content(comparison_words(comparison) + " Press escape to go back to Today.")
            )

        def failed(_exc: HearthsideError) -> None:
            self._saving = False  # the ratings and the note stay as they are

        h.write(job, done=done, failed=failed)

    def action_leave(self) -> None:
        if self._values() == self._saved:
            self.dismiss(None)
            return

        ask_before_leaving(
            self,
            "This check-in",
            save=lambda: self.action_save(then_leave=True),
            discard=lambda: self.dismiss(None),
        )
