"""The Plans room: promises to keep, the days that matter, and days away.

Everything here is saved by the services behind ``hearthside commit``, ``done``,
``missed``, ``milestone`` and ``pause``, so the app and the command line agree.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from hearthside.domain import date_words, recurrence
from hearthside.domain.printable import one_line
from hearthside.domain.records import Commitment, CommitmentStatus, Milestone, Pause, Record
from hearthside.domain.wording import plural
from hearthside.services import pauses, plans
from hearthside.tui.dialogs.plans import DaysAwayDialog, MilestoneDialog, PromiseDialog
from hearthside.tui.rooms.base import UndoLast
from hearthside.tui.widgets.day_lines import soon_words
from hearthside.tui.widgets.keys_footer import KeysFooter

# Each list's id, its title, and what to say when it is empty.
SECTIONS = {
    "promises": ("Promises", "No promises yet. Press n to make one."),
    "milestones": ("Milestones", "No milestones yet. Tab here, then n to add one."),
    "away": ("Days away", "No days away. Tab here, then n to set some aside."),
}


def promise_words(commitment: Commitment, today: date) -> str:
    """Where a promise stands: due when, done, or how it repeats."""
    on = plans.current_occurrence(commitment, today)
    if commitment.every is None:
        day = date_words.short_day(date.fromisoformat(commitment.due))
        if commitment.status is CommitmentStatus.DONE:
            return f"✓ done · {day}"
        if commitment.status is CommitmentStatus.MISSED:
            return f"didn't happen · {day}"
        if on is not None and on < today:
            return "waiting since " + date_words.short_day(on)
        return "due " + soon_words(on, today)
    every = commitment.every
    words = [every if every in recurrence.WORDS else "repeats"]
    if commitment.done_dates:
        words.append(
            "last done " + date_words.short_day(date.fromisoformat(max(commitment.done_dates)))
        )
    if on is None:
        words.append("every date marked")
    elif on < today:
        words.append("waiting since " + date_words.short_day(on))
    else:
        words.append("due " + soon_words(on, today))
    return " · ".join(words)


def milestone_words(milestone: Milestone, today: date, labels: dict[str, str]) -> str:
    first = date.fromisoformat(milestone.date)
    words = [labels.get(milestone.kind, milestone.kind), date_words.day_month_year(first)]
    if milestone.yearly:
        words.append("every year")
    coming = plans.next_occurrence(milestone, today)
    if coming is None:
        words.append("passed")
    elif milestone.yearly:
        words.append("next: " + soon_words(coming, today))
    return " · ".join(words)


def away_words(pause: Pause) -> str:
    try:
        span = date_words.long_span(date.fromisoformat(pause.start), date.fromisoformat(pause.end))
    except ValueError:
        span = f"{pause.start} to {pause.end}"
    return f"{span} · {plural('day', pauses.pause_days(pause))}"


def row(title: str, words: str) -> Content:
    return Content.assemble(Content(one_line(title, 40)), ("  " + words, "dim"))


class PlansScreen(UndoLast):
    room_name = "Plans"
    CSS_PATH = "plans.tcss"
    AUTO_FOCUS = "#plans-promises"
    help_notes = (
        "Tab moves between promises, milestones and days away; n adds to the one you are in."
    )
    BINDINGS = [
        Binding("n", "new", "New"),
        Binding("e", "edit", "Edit"),
        Binding("r", "reschedule", "Reschedule", show=False),
        Binding("d", "mark('done')", "Done"),
        Binding("m", "mark('missed')", "Missed"),
        Binding("x,delete", "delete", "Delete"),
        Binding("u", "undo", "Undo"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._records: dict[str, Record] = {}
        self._section = "promises"

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="plans"):
            for section, (title, _empty) in SECTIONS.items():
                yield Static(Content(title), classes="pane-title")
                yield OptionList(id=f"plans-{section}", classes="plans-list")
                yield Static("", id=f"plans-{section}-empty", classes="plans-empty")
        yield KeysFooter()

    # -- what is shown --------------------------------------------------------------

    def reload(self) -> None:
        h = self.hearth
        today = h.today()
        labels = {k.id: k.label for k in h.content.milestone_kinds}

        def promise_order(c: Commitment) -> tuple[bool, str, str]:
            on = plans.current_occurrence(c, today)
            return (on is None, on.isoformat() if on else "", c.title.casefold())

        promises = sorted(h.store.all(Commitment), key=promise_order)
        milestones = sorted(
            h.store.all(Milestone),
            key=lambda m: (plans.next_occurrence(m, today) or date.max, m.title.casefold()),
        )
        away = pauses.list_pauses(h.store)
        self._records = {r.id: r for r in [*promises, *milestones, *away]}
        self._fill("promises", [(c.id, row(c.title, promise_words(c, today))) for c in promises])
        self._fill(
            "milestones",
            [(m.id, row(m.title, milestone_words(m, today, labels))) for m in milestones],
        )
        self._fill("away", [(p.id, row(p.reason or "Days away", away_words(p))) for p in away])
        self._focus_id = None
        self.refresh_bindings()

    def _fill(self, section: str, rows: list[tuple[str, Content]]) -> None:
        listing = self.query_one(f"#plans-{section}", OptionList)
        at = listing.highlighted
        kept = listing.get_option_at_index(at).id if at is not None else None
        listing.clear_options()
        listing.add_options([Option(text, id=record_id) for record_id, text in rows])
        ids = [record_id for record_id, _ in rows]
        wanted = self._focus_id if self._focus_id in ids else kept
        if ids:
            # The same row stays chosen; when it is gone, the one now in its place.
            listing.highlighted = ids.index(wanted) if wanted in ids else min(at or 0, len(ids) - 1)
            if self._focus_id in ids:
                listing.focus()
        empty = self.query_one(f"#plans-{section}-empty", Static)
        empty.update(Content("" if ids else SECTIONS[section][1]))
        empty.display = not ids

    def on_descendant_focus(self) -> None:
        # Only the focused list says where keys go: a reload highlights a row in each.
        if isinstance(self.focused, OptionList):
            self._remember(self.focused)

    def _remember(self, listing: OptionList) -> None:
        section = (listing.id or "").removeprefix("plans-")
        if section in SECTIONS and section != self._section:
            self._section = section
            self.refresh_bindings()

    def current(self) -> Record | None:
        # Asked by the footer too, which may be before the lists are built.
        listing = next(iter(self.query(f"#plans-{self._section}").results(OptionList)), None)
        if listing is None or listing.highlighted is None or listing.option_count == 0:
            return None
        return self._records.get(listing.get_option_at_index(listing.highlighted).id or "")

    # -- keys -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        record = self.current()
        if action in ("mark", "reschedule"):
            return isinstance(record, Commitment)
        if action == "edit":
            return isinstance(record, Commitment | Milestone)
        if action == "delete":
            return record is not None
        return True

    def action_new(self) -> None:
        dialog = {"promises": PromiseDialog, "milestones": MilestoneDialog}
        self.open_form(dialog.get(self._section, DaysAwayDialog)(), "Saved.")

    @on(OptionList.OptionSelected)
    def action_edit(self) -> None:
        record = self.current()
        if isinstance(record, Commitment):
            self.open_form(PromiseDialog(record), "Saved the change.")
        elif isinstance(record, Milestone):
            self.open_form(MilestoneDialog(record), "Saved the change.")

    def action_reschedule(self) -> None:
        record = self.current()
        if isinstance(record, Commitment):
            self.open_form(PromiseDialog(record, first="promise-due"), "Saved the new date.")

    def action_mark(self, how: str) -> None:
        record = self.current()
        if not isinstance(record, Commitment):
            return
        store, today = self.hearth.store, self.hearth.today()
        mark = plans.mark_done if how == "done" else plans.mark_missed

        def marked(result: tuple[Commitment, date]) -> None:
            commitment, on = result
            title = one_line(commitment.title, 40)
            self.undo_with(
                f"Undone: “{title}” is open again.",
                lambda: plans.unmark(store, commitment.id, on),
            )
            if how == "done":
                said = f"“{title}” done for {date_words.short_day(on)}. Promises kept build trust."
            else:
                said = f"“{title}” set down as not happening. There's always a next time."
            self.notify(f"{said} Press u to undo.", markup=False)

        self._focus_id = record.id
        self.hearth.write(lambda: mark(store, record.id, today=today), done=marked)

    def action_delete(self) -> None:
        record = self.current()
        if record is not None:
            self.delete_for_undo(record)
