"""The Today room: the day at a glance, and the doors to the daily review and check-in."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import partial
from typing import Any, TypeVar

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from hearthside.domain import date_words
from hearthside.domain.printable import one_line
from hearthside.domain.records import Answers, Commitment
from hearthside.errors import HearthsideError
from hearthside.services import checkins, decks, plans, prompts
from hearthside.services.good_memories import worth_offering
from hearthside.services.memories import on_this_day
from hearthside.services.review import session as review
from hearthside.services.stats import day_tally
from hearthside.tui.dialogs.lovemap import offer_learned
from hearthside.tui.presenters.question_card import question_card
from hearthside.tui.rooms.base import Room
from hearthside.tui.rooms.checkin import CheckinScreen
from hearthside.tui.rooms.draw import star
from hearthside.tui.rooms.review import ReviewScreen
from hearthside.tui.widgets.day_lines import (
    ahead_words,
    checkin_offer,
    commitment_line,
    memory_line,
    recorded_lines,
)
from hearthside.tui.widgets.keys_footer import KeysFooter

T = TypeVar("T")

# In a week that feels harder (see good_memories.worth_offering): one quiet line.
GOOD_MEMORIES_OFFER = "A few good memories are here, if you'd like to look back: press g."


class TodayScreen(Room):
    room_name = "Today"
    CSS_PATH = "today.tcss"
    BINDINGS = [
        Binding("r", "review", "Review"),
        Binding("w", "checkin", "Check-in"),
        Binding("d", "mark('done')", "Done"),
        Binding("m", "mark('missed')", "Missed"),
        Binding("n", "new_promise", "New promise"),
        Binding("u", "undo", "Undo"),
        Binding("t", "question('talked')", "We talked about it", show=False),
        Binding("s", "question('skip')", "Skip the question", show=False),
        Binding("l", "question('later')", "Keep it for later", show=False),
        Binding("f", "star_question", "Star the question as a favourite", show=False),
        Binding("g", "good_memories", "Good memories", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._dues: list[plans.Due] = []
        self._state: review.ReviewState | None = None
        self._last_mark: tuple[str, date, str] | None = None  # id, day, title: for u
        # Today's answer before "we talked about it" ("" for none), while u can restore it.
        self._answer_before: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="today"):
            # Only the promises take keys here: arrows move among them from the first press.
            with VerticalScroll(id="today-main", can_focus=False):
                yield Static("", id="today-greeting", classes="room-title")
                with Vertical(id="today-review", classes="card") as card:
                    card.border_title = "Today's review"
                    yield Static("", id="today-review-status")
                with Vertical(id="today-question", classes="card") as card:
                    card.border_title = "Today's question"
                    yield Static("", id="today-question-text")
                    yield Static("", id="today-question-status", classes="card-note")
                with Vertical(id="today-memories", classes="card") as card:
                    card.border_title = "On this day"
                    yield Static("", id="today-memories-list")
            with VerticalScroll(id="today-side", can_focus=False):
                with Vertical(id="today-commitments", classes="card") as card:
                    card.border_title = "Promises to keep"
                    yield OptionList(id="today-commitments-list")
                    yield Static("", id="today-commitments-note", classes="card-note")
                # Under the promises; beside them in a wide window (today.tcss).
                with Vertical(id="today-ahead"):
                    with Vertical(id="today-milestones", classes="card") as card:
                        card.border_title = "Coming up"
                        yield Static("", id="today-milestones-list")
                    with Vertical(id="today-checkin", classes="card") as card:
                        card.border_title = "Weekly check-in"
                        yield Static("", id="today-checkin-offer")
                        yield Static("", id="today-good-memories", classes="card-note")
        yield KeysFooter()

    # -- what is shown --------------------------------------------------------------

    def reload(self) -> None:
        day = self.hearth.today()
        spouse = self.hearth.settings.spouse(unnamed="")
        greeting = date_words.long_day(day) + (f" · you and {spouse}" if spouse else "")
        self.query_one("#today-greeting", Static).update(Content(greeting))
        self._guarded("#today-review-status", self._show_review)
        self._guarded("#today-commitments-note", self._show_commitments)
        self._guarded("#today-milestones-list", self._show_milestones)
        self._guarded("#today-memories-list", self._show_memories)
        self._guarded("#today-checkin-offer", self._show_checkin)
        self._guarded("#today-good-memories", self._show_good_memories)
        self.refresh_bindings()

    def _guarded(self, where: str, show: Callable[[], None]) -> None:
        """One broken part (a malformed content file, say) never hides the rest."""
        try:
            show()
        except HearthsideError as exc:
            self.query_one(where, Static).update(Content(str(exc)))

    def _show_review(self) -> None:
        h = self.hearth
        day = h.today()
        state = self._state = review.start(h.store, h.content, today=day)
        name = h.settings.spouse(unnamed="")
        together = f"you and {name}" if name else "the two of you"
        lines: list[Content] = []
        if state.completed:
            lines.append(Content("Done for today. Thank you for taking the time."))
        elif state.started and state.step > 0:
            lines.append(
                Content(
                    f"You paused at step {state.step + 1} of {len(review.STEPS)}. "
                    "Press r to pick up where you left off."
                )
            )
        else:
            lines.append(
                Content(
                    f"How was today for {together}? Press r for a two-minute look "
                    "back: what you did, a question to share, one thing to thank them for."
                )
            )
        recorded = recorded_lines(h.content, state.answers, day_tally(h.store, h.content, day))
        if recorded:
            lines.append(Content(""))
            lines.extend(recorded)
        elif not state.started:
            yesterday = review.day_review(h.store, day - timedelta(days=1))
            if yesterday is not None:
                answers = Answers.from_doc(yesterday.answers)
                figures = day_tally(h.store, h.content, day - timedelta(days=1))
                past = recorded_lines(h.content, answers, figures, brief=True)
                if past:
                    lines.append(Content(""))
                    lines.append(Content.styled("Yesterday", "bold"))
                    lines.extend(past)
        if state.completed:
            lines.append(Content.styled("\nPress r to look again or change anything.", "dim"))
        self.query_one("#today-review-status", Static).update(Content("\n").join(lines))
        self._show_question(state)

    def _show_question(self, state: review.ReviewState) -> None:
        h = self.hearth
        kept = prompts.kept_for_later(h.store, h.content)
        text, status = question_card(state, decks.favourite_ids(h.store), kept)
        self.query_one("#today-question-text", Static).update(text)
        self.query_one("#today-question-status", Static).update(status)

    def _show_commitments(self) -> None:
        day = self.hearth.today()
        # The coming week too, as `hearthside upcoming --days 6` lists it.
        self._dues = plans.due_commitments(
            self.hearth.store, today=day, within=plans.WEEK_AHEAD_DAYS
        )
        listing = self.query_one("#today-commitments-list", OptionList)
        keep = listing.highlighted
        kept_id = listing.get_option_at_index(keep).id if keep is not None else None
        listing.clear_options()
        listing.add_options(
            [Option(commitment_line(d, day), id=d.commitment.id) for d in self._dues]
        )
        listing.display = bool(self._dues)
        if self._dues:
            ids = [d.commitment.id for d in self._dues]
            # The same promise stays chosen; when it is gone, the one now in its place.
            at = ids.index(kept_id) if kept_id in ids else min(keep or 0, len(ids) - 1)
            listing.highlighted = at
            if self.focused is None:
                self.set_focus(listing)
        note = self.query_one("#today-commitments-note", Static)
        if self._dues:
            note.update(Content("d done · m didn't happen · n a new promise"))
        else:
            note.update(Content("Nothing due this week. Press n to make a promise."))

    def _show_milestones(self) -> None:
        h = self.hearth
        day = h.today()
        found = plans.upcoming_milestones(h.store, h.content, today=day)
        lines: list[Content] = []
        for up in found:
            years = f" · {up.years} years" if up.years else ""
            lines.append(
                Content.assemble(("• ", "bold"), Content(one_line(up.milestone.title, 38)))
            )
            lines.append(Content.styled(f"  {ahead_words(up.on, day)}{years}", "dim"))
            if up.suggestion:
                lines.append(Content.styled(up.suggestion, "italic"))
        if not lines:
            lines.append(Content("Nothing in the next two weeks."))
            lines.append(
                Content.styled("Press 6 for Plans to add an anniversary or a birthday.", "dim")
            )
        self.query_one("#today-milestones-list", Static).update(Content("\n").join(lines))

    def _show_memories(self) -> None:
        found = on_this_day(self.hearth.store, today=self.hearth.today())
        self.query_one("#today-memories").display = bool(found)
        self.query_one("#today-memories-list", Static).update(
            Content("\n").join(memory_line(m) for m in found[:5])
        )

    def _show_checkin(self) -> None:
        store, today = self.hearth.store, self.hearth.today()
        offer = checkin_offer(checkins.history(store), checkins.is_due(store, today=today), today)
        self.query_one("#today-checkin-offer", Static).update(Content(offer))

    def _show_good_memories(self) -> None:
        h = self.hearth
        offer = worth_offering(
            h.store, h.content, today=h.today(), week_start=h.settings.week_start
        )
        line = self.query_one("#today-good-memories", Static)
        line.display = offer
        line.update(Content(GOOD_MEMORIES_OFFER if offer else ""))

    # -- keys -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mark":
            return bool(self._dues)
        if action in ("question", "star_question"):
            return self._state is not None and self._state.question is not None
        return True

    def _current_due(self) -> plans.Due | None:
        listing = self.query_one("#today-commitments-list", OptionList)
        if listing.highlighted is None or not self._dues:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id
        return next((d for d in self._dues if d.commitment.id == option_id), None)

    def action_mark(self, how: str) -> None:
        due = self._current_due()
        if due is None:
            return
        store, day, ref = self.hearth.store, self.hearth.today(), due.commitment.id
        mark = plans.mark_done if how == "done" else plans.mark_missed

        def done(result: tuple[Commitment, date]) -> None:
            commitment, on = result
            title = one_line(commitment.title, 40)
            self._last_mark, self._answer_before = (commitment.id, on, title), None
            if how == "done":
                message = (
                    f"“{title}” done for {date_words.short_day(on)}. Promises kept build trust."
                )
            else:
                message = f"“{title}” set down as not happening. There's always a next time."
            self.notify(f"{message} Press u to undo.", markup=False)

        self.hearth.write(lambda: mark(store, ref, today=day), done=done)

    def action_new_promise(self) -> None:
        from hearthside.tui.dialogs.plans import PromiseDialog

        self.app.push_screen(PromiseDialog())

    def action_undo(self) -> None:
        if self._answer_before is not None:
            self._undo_talked(self._answer_before)
            return
        last, self._last_mark = self._last_mark, None
        if last is None:
            self.notify("There's nothing to undo.", markup=False)
            return
        ref, on, title = last
        store = self.hearth.store
        self.hearth.write(
            lambda: plans.unmark(store, ref, on),
            done=lambda _c: self.notify(f"Undone: “{title}” is open again.", markup=False),
        )

    def _undo_talked(self, before: str) -> None:
        h = self.hearth
        store, content, day = h.store, h.content, h.today()
        self._answer_before = None
        again = prompts.OUTCOME_DONE.get(before, "open")
        words = f"today's question is {again} again."
        h.write(
            lambda: review.answer_again(store, content, before, today=day),
            done=lambda _s: self.notify(f"Undone: {words}", markup=False),
        )

    def action_question(self, outcome: str) -> None:
        h = self.hearth
        store, content, day = h.store, h.content, h.today()
        if outcome == prompts.TALKED:
            h.write(lambda: review.talked_about(store, content, today=day), done=self._talked)
            return
        self._answer_before = None  # answered again: the talk it would restore is gone

        def job() -> review.ReviewState:
            state = review.start(store, content, today=day)
            return review.save_question(store, content, state, outcome)

        h.write(job)

    def action_star_question(self) -> None:
        if self._state is not None and self._state.question is not None:
            star(self, self._state.question)

    def _talked(self, talked: review.Talked) -> None:
        if talked.before == prompts.TALKED:
            self.notify(talked.message, markup=False)
            return
        self._last_mark, self._answer_before = None, talked.before
        self.notify(f"{talked.message} Press u to undo.", markup=False)
        if self._state is not None and self._state.question is not None:
            offer_learned(self.app, self.hearth, self._state.question.topic)

    def action_review(self) -> None:
        self._open(review.start, ReviewScreen)

    def action_checkin(self) -> None:
        self._open(checkins.compare, CheckinScreen)

    def action_good_memories(self) -> None:
        from hearthside.tui.rooms.good_memories import GoodMemoriesScreen

        self.app.push_screen(GoodMemoriesScreen())

    def _open(self, load: Callable[..., T], screen: Callable[[T], Screen[Any]]) -> None:
        """Read what a screen needs on the writer thread (after any pending write), then show it."""
        h = self.hearth
        store, content, day = h.store, h.content, h.today()

        def show(loaded: T) -> None:
            if self.app.screen is self:
                self.app.push_screen(screen(loaded))

        h.write(lambda: load(store, content, today=day), done=show, changes_data=False)

    # -- palette ------------------------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        started = self._state is not None and self._state.started
        yield SystemCommand(
            "Continue the daily review" if started else "Start the daily review",
            "Two minutes, keyboard only: how today went",
            self.action_review,
        )
        yield SystemCommand(
            "Weekly check-in", "Five gentle questions about the week", self.action_checkin
        )
        if self._state is not None and self._state.question is not None:
            for title, outcome in (
                ("We talked about today's question", prompts.TALKED),
                ("Keep today's question for later", prompts.LATER),
                ("Skip today's question", prompts.SKIPPED),
            ):
                yield SystemCommand(
                    title, "Today's question", partial(self.action_question, outcome)
                )
        if self._current_due() is not None:
            yield SystemCommand(
                "Mark the highlighted commitment done",
                "Promises to keep",
                partial(self.action_mark, "done"),
            )
