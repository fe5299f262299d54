"""The daily review: six short steps, keyboard only, each saved as soon as it is answered.

Enter goes on to the next step, from any field; tab and shift+tab move between
the step's own fields and never leave it; page up goes back a step, escape leaves.
No other key here is a priority binding: a priority key is acted on before the keys
typed just ahead of it reach their field, so text pasted with its newline (or
typed faster than the screen refreshes) would be read before it arrived. Tab is
the app's, which moves the focus as the key arrives (see ``HearthsideApp``).

The services in ``hearthside.services.review.session`` persist every step, so leaving half way
keeps the answers and the review resumes where it stopped; running it again
edits the same records. This screen moves on at once
and saves behind; a save that fails brings its step back with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, Static

from hearthside.domain.records import MAX_MOMENTS, Answers
from hearthside.errors import HearthsideError
from hearthside.services.review import session as review
from hearthside.services.review.session import ReviewState
from hearthside.services.review.summary import ReviewSummary
from hearthside.tui.dialogs.lovemap import offer_learned
from hearthside.tui.hearth import KeepsWork
from hearthside.tui.pending import after_pending_keys
from hearthside.tui.rooms.review_saves import (
    Invalid,
    Job,
    closeness_save,
    gratitude_save,
    minutes_typed,
    moments_save,
    practices_save,
)
from hearthside.tui.rooms.review_steps import (
    OUTCOME_KEYS,
    STEP_FIELDS,
    compose_review,
    offers_learned,
    practice_items,
    question_lines,
    step_heading,
)
from hearthside.tui.widgets.checklist import LetterChecklist
from hearthside.tui.widgets.scale import Scale
from hearthside.tui.widgets.summary_view import SummaryView

LAST = len(review.STEPS) - 1
ANSWER_KEYS = {key: outcome for outcome, key in OUTCOME_KEYS.items()}
COUNT_KEYS = {"up": 1, "down": -1}
COUNT = Binding.Group("Count", compact=True)


class ReviewScreen(KeepsWork, Screen[None]):
    """Pushed over Today with the day's ``ReviewState`` (see ``review.start``)."""

    room_name = "the daily review"
    practice_letters = True
    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("enter", "next", "Next"),
        Binding("pageup", "back", "Back", key_display="PgUp"),
        Binding("escape", "leave", "Leave (kept)"),
        Binding("t", "answer('talked')", "Talked"),
        Binding("s", "answer('skip')", "Skip"),
        Binding("l", "answer('later')", "Later"),
        Binding("m", "learned", "Note what you learned"),
        Binding("up", "count(1)", "More", group=COUNT),
        Binding("down", "count(-1)", "Fewer", group=COUNT),
    ]

    def __init__(self, state: ReviewState) -> None:
        super().__init__()
        self.state = state
        # The answers as last saved, copied: the writer thread owns ``state``.
        self.saved = Answers.from_doc(state.answers.to_doc())
        self.step = state.step
        self.counts = {"positive": self.saved.positive, "negative": self.saved.negative}
        self.outcome = self.saved.outcome if self._question_answered() else ""

    def _question_answered(self) -> bool:
        q = self.state.question
        return q is not None and self.saved.question == q.id and bool(self.saved.outcome)

    # -- layout --------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        found, elsewhere = self.state.practices, self.state.logged_elsewhere
        yield from compose_review(
            self.step,
            self.saved,
            spouse=self.hearth.settings.spouse(),
            repair_hint=self.hearth.content.ratio.repair_hint,
            items=practice_items(found, self.saved.practices, elsewhere),
        )

    def on_mount(self) -> None:
        self._show_counts()
        self._show_question()
        self._show_minutes_row()
        self._show(self.step)
        if self.step == LAST:
            self._finish()

    # -- showing a step ----------------------------------------------------------------

    def _show(self, step: int) -> None:
        self.step = step
        self.query_one(ContentSwitcher).current = f"review-step-{step}"
        heading, dots, hint = step_heading(step, self.outcome)
        self.query_one("#review-step", Static).update(heading)
        self.query_one("#review-dots", Static).update(dots)
        self.query_one("#review-hint", Static).update(hint)
        fields = self._fields()
        # At once, not focus(): the keys typed next, however fast, go to this step.
        self.set_focus(fields[0] if fields else None)
        self.refresh_bindings()

    def _fields(self) -> list[Widget]:
        """The step's fields in the order tab visits them."""
        found = [self.query_one(i) for i in STEP_FIELDS.get(self.step, ())]
        return [w for w in found if w.display and (w.parent is None or w.parent.display)]

    def _line(self, role: str) -> str:
        return self.query_one(f"#review-{role}-line", Input).value.strip()

    def _count(self, role: str) -> int:
        """What the row's counter shows, and so what is saved: a line is one moment at least."""
        return max(self.counts[role], 1 if self._line(role) else 0)

    def _show_counts(self) -> None:
        for role in self.counts:
            self.query_one(f"#review-{role}-count", Static).update(
                Content(f" {self._count(role)} ")
            )
        self.query_one("#review-repair-hint").display = self._count("negative") > 0

    def _show_question(self) -> None:
        text, choices = question_lines(self.state.question, self.outcome)
        self.query_one("#review-question", Static).update(text)
        self.query_one("#review-choices", Static).update(choices)

    def _timed(self) -> str | None:
        timed = self.hearth.content.timed_practice
        return timed.id if timed is not None else None

    def _show_minutes_row(self) -> None:
        """Minutes are asked only while time together is ticked (unticking drops them)."""
        timed = self._timed()
        ticked = timed is not None and timed in self.query_one(LetterChecklist).selected
        self.query_one("#review-minutes-row").display = ticked

    # -- reading the fields -------------------------------------------------------------

    def _minutes(self) -> int | None:
        box = self.query_one("#review-minutes", Input)
        return minutes_typed(
            box.value.strip() if self.query_one("#review-minutes-row").display else ""
        )

    def _job_for(self, step: int) -> Job | None:
        """The save for what the step's fields now say; None when nothing changed."""
        hearth, state, saved = self.hearth, self.state, self.saved
        if step == 0:
            minutes = self._minutes()
            selected = self.query_one(LetterChecklist).selected
            return practices_save(
                hearth, state, saved, selected, minutes=minutes, timed=self._timed()
            )
        if step == 1:
            counts = (self._count("positive"), self._count("negative"))
            lines = (self._line("positive"), self._line("negative"))
            return moments_save(hearth, state, saved, counts=counts, lines=lines)
        if step == 3:
            line = self.query_one("#review-gratitude", Input).value.strip()
            return gratitude_save(hearth, state, saved, line)
        if step == 4:
            closeness = self.query_one("#review-closeness", Scale).value
            reflection = self.query_one("#review-reflection", Input).value.strip()
            return closeness_save(hearth, state, saved, closeness, reflection)
        return None

    # -- saving ----------------------------------------------------------------------

    def _commit(
        self, step: int, *, skip: bool = True, then: Callable[[], None] | None = None
    ) -> bool:
        """Save the step (or mark it skipped); False when a field needs fixing first."""
        problem = self.query_one("#review-minutes-note", Static)
        try:
            job = self._job_for(step)
        except Invalid as exc:
            self._show(step)  # the screen may have moved on already: back to the step
            problem.update(Content(str(exc)))
            problem.add_class("problem")
            self.set_focus(self.query_one("#review-minutes", Input))
            return False
        problem.update(Content("optional"))
        problem.remove_class("problem")
        if job is None and skip and step < LAST:
            store, state = self.hearth.store, self.state
            # Checked on the writer thread, in order with the saves before it.
            job = lambda: review.skip(store, state) if state.step == step else state  # noqa: E731
        if job is None:
            if then is not None:
                then()
            return True
        self._save(step, job, then)
        return True

    def _save(self, step: int, job: Callable[[], object], then: Callable[[], None] | None) -> None:
        state = self.state

        def run() -> Answers:
            job()
            return Answers.from_doc(state.answers.to_doc())

        def done(answers: Answers) -> None:
            self.saved = answers
            if then is not None:
                then()

        def failed(_exc: HearthsideError) -> None:
            # The fields still hold what was typed: show that step again.
            if self.is_attached and self.step != step:
                self._show(step)

        self.hearth.write(run, done=done, failed=failed)

    def _finish(self) -> None:
        store, content, state = self.hearth.store, self.hearth.content, self.state
        view = self.query_one(SummaryView)

        def done(summary: ReviewSummary) -> None:
            if view.is_attached:
                view.show(summary, content)

        def failed(exc: HearthsideError) -> None:
            if view.is_attached:
                view.show_problem(str(exc))

        self.hearth.write(lambda: review.finish(store, content, state), done=done, failed=failed)

    # -- keys ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer":
            return self.step == 2 and self.state.question is not None
        if action == "count":
            return self.step == 1
        if action == "learned":
            return offers_learned(self.step, self.outcome)
        if action == "back":
            return self.step > 0
        return True

    def action_next(self) -> None:
        if self.step == LAST:
            self.dismiss(None)
        else:
            self._move(self.step + 1, skip=True)

    def _move(self, to: int, *, skip: bool) -> None:
        """Show step ``to`` now; save the step being left once its last keys have landed.

        The screen moves as the key arrives, so the keys typed after it go to the new
        step; the step left is read only after the keys typed before it have reached
        its fields. A step that can't be saved (minutes out of range) comes back.
        """
        step, before = self.step, self.focused
        self._show(to)

        def save() -> None:
            if self._commit(step, skip=skip) and to == LAST:
                self._finish()

        after_pending_keys(before, save)

    def move_focus(self, step: int) -> None:
        """Tab and shift+tab go round the step's fields; only enter leaves the step."""
        fields = self._fields()
        if not fields:
            return
        at = fields.index(self.focused) if self.focused in fields else -step
        self.set_focus(fields[(at + step) % len(fields)])

    def action_back(self) -> None:
        if self.step > 0:
            self._move(self.step - 1, skip=False)

    def action_leave(self) -> None:
        """Leave now; what the current step holds is saved first, never thrown away."""
        if self.step == LAST:
            self.dismiss(None)
            return
        self._commit(self.step, skip=False, then=self._close)

    def _close(self) -> None:
        self.dismiss(None)

    def keep_before_quit(self) -> str | None:
        if not self.is_mounted or self.step == LAST:
            return None
        try:
            job = self._job_for(self.step)
        except Invalid as exc:
            return f"The minutes in today's review weren't saved: {exc}"
        if job is None:
            return None
        self._save(self.step, job, None)
        return "Today's review is saved as far as you got; it picks up there next time."

    def action_answer(self, outcome: str) -> None:
        self.outcome = outcome
        self._show_question()
        store, content, state = self.hearth.store, self.hearth.content, self.state
        self._save(2, lambda: review.save_question(store, content, state, outcome), None)
        self._show(3)

    def action_learned(self) -> None:
        if self.state.question is not None:
            offer_learned(self.app, self.hearth, self.state.question.topic)

    def action_count(self, step: int) -> None:
        role = "negative" if self.focused is self.query_one("#review-negative-line") else "positive"
        self.counts[role] = max(0, min(MAX_MOMENTS, self._count(role) + step))
        self._show_counts()

    # -- field events ----------------------------------------------------------------------

    @on(LetterChecklist.SelectedChanged)
    def _ticked(self) -> None:
        self._show_minutes_row()

    @on(LetterChecklist.Refused)
    def _refused(self) -> None:
        self.notify("That one is already logged today from another room.", markup=False)

    @on(events.DescendantFocus)
    def _focus_moved(self) -> None:
        """Light the counter of the row being typed in: ↑ and ↓ change that one."""
        for role in ("positive", "negative"):
            line = self.query_one(f"#review-{role}-line")
            self.query_one(f"#review-{role}-count").set_class(self.focused is line, "-active")

    @on(Input.Changed, "#review-positive-line, #review-negative-line")
    def _line_typed(self) -> None:
        self._show_counts()

    def route_key(self, event: events.Key) -> bool:
        """Before a key reaches the focused field, move the focus to where it belongs.

        Called by the app as the key arrives, so the keys after it follow it to the
        new field, in order, however fast they come: digits on the practices are the
        minutes together; letters on the closeness scale start the reflection. The key
        itself then goes on to the field (False: not handled here). Enter, page up and
        the question's answers change the step here too, and the arrows count moments on
        the row they were pressed on, for the same reason (True).
        """
        if event.key == "enter" and self.step < LAST:
            self.action_next()
            return True
        if event.key == "pageup" and self.check_action("back", ()):
            self.action_back()
            return True
        answer = ANSWER_KEYS.get(event.key)
        if answer and self.check_action("answer", (answer,)):
            self.action_answer(answer)
            return True
        more = COUNT_KEYS.get(event.key)
        if more and self.check_action("count", (more,)):
            # Now, while the focus still names the row the arrow was pressed on.
            self.action_count(more)
            return True
        char = event.character if event.is_printable else None
        if not char:
            return False
        focused = self.focused
        if isinstance(focused, LetterChecklist) and char.isdigit():
            timed = self._timed()
            if timed is None:
                return False
            # After the letters already on their way to the list (a "d" just before
            # would otherwise untick what this ticked): select, never toggle.
            focused.call_later(focused.select, timed)
            self.query_one("#review-minutes-row").display = True
            self.set_focus(self.query_one("#review-minutes", Input))
        elif isinstance(focused, Scale) and not char.isdigit():
            self.set_focus(self.query_one("#review-reflection", Input))
        return False
