"""The Dashboard room: how often the practices happen against their targets.

The records are counted once, in a thread, into a ``StatsIndex``; every key that
moves between weeks then reads only that index, so it is instant with a decade
of data. Any change to the data (a log from here, a save in another room or
another terminal) counts again from scratch: simple, and always right.

Logs made from here go to today while this week is in view, and to the last day
of the week in view while looking back (the notice names the day). The view
never moves past this week, so nothing can be logged for a day to come.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static
from textual.worker import Worker, WorkerState

from hearthside.domain.records import Bid
from hearthside.services import practice_book
from hearthside.services.bids import bid_week, bid_words
from hearthside.services.plans import FollowThrough, follow_through
from hearthside.services.practices import name_of
from hearthside.services.stats import DashboardView, StatsIndex, dashboard_view, load_index
from hearthside.tui.presenters.dashboard import (
    DIM,
    closeness_line,
    day_phrase,
    drift_line,
    minutes_line,
    minutes_marks,
    minutes_spark,
    promises_line,
    week_heading,
)
from hearthside.tui.rooms.dashboard_moments import MomentKeys
from hearthside.tui.rooms.dashboard_panes import BidsPane, MomentsPane
from hearthside.tui.widgets.gauge import Gauge
from hearthside.tui.widgets.heatmap import PracticeRow, legend, weeks_for_row
from hearthside.tui.widgets.keys_footer import KeysFooter
from hearthside.tui.widgets.six_hours import SixHoursPane

WEEK = Binding.Group("Week")
ROOMY_SPARK_ROWS = 3  # the trends' height in a tall window
MOMENT = Binding.Group("Note")


@dataclass(frozen=True)
class Counted:  # what the counting thread hands back
    index: StatsIndex
    kept: FollowThrough
    bids: list[Bid]


class DashboardScreen(MomentKeys):
    room_name = "the Dashboard"
    practice_letters = True
    help_notes = (
        "Each cell of a row is a day, the newest at the right. The bar and number at the "
        "end are the practice's strength, from 0 to 100: it grows each time the target is "
        "met and fades slowly when it isn't, so one quiet day after a long run barely "
        "moves it, and days away (pauses) leave it as it was."
    )
    CSS_PATH = "dashboard.tcss"
    BINDINGS = [
        Binding("left,left_square_bracket", "previous_week", "Previous week", group=WEEK),
        Binding("right,right_square_bracket", "next_week", "Next week", group=WEEK),
        # Not t: that is real conversation's letter, here as in the daily review. Listed in
        # ? and the palette; the footer's ←→ already say the weeks move.
        Binding("home", "this_week", "This week", group=WEEK, show=False),
        # Listed in ? and named in the notices; the footer is full of practice keys.
        Binding("L", "week_log", "Logged this week", key_display="L", show=False),
        Binding("u", "undo", "Undo the last log", show=False),
        Binding("up", "scroll(-1)", "Scroll up", show=False),
        Binding("down", "scroll(1)", "Scroll down", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._index: StatsIndex | None = None
        self._kept = FollowThrough(0, 0)
        self._day: date | None = None  # a day of the week in view; None: this week
        self._view: DashboardView | None = None
        self._stale = False
        self._counting: Worker[Counted] | None = None
        self._busy = False  # counting in the thread
        self._bids: list[Bid] = []

    # -- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        hearth = self.hearth
        if self._index is None:
            self.use_practices(practice_book.practices(hearth.store, hearth.content))
        practices = self._practices
        yield Header()
        yield Static(Content("Counting…"), id="dash-first-count")
        with VerticalScroll(id="dashboard", can_focus=False):
            with Horizontal(id="dash-head"):
                yield Static("", id="dash-week")
                yield Static("", id="dash-counting")
            with Horizontal(classes="dash-section-head"):
                yield Static(Content("Practices"), classes="pane-title")
                yield Static(legend(), id="dash-legend")
            for p in practices:
                yield PracticeRow(self._keys.get(p.id, ""))
            with Horizontal(id="dash-middle"):
                with Vertical(id="dash-time", classes="dash-pane"):
                    yield Static("", id="dash-time-title", classes="pane-title")
                    yield Static("", id="dash-time-line")
                    yield Gauge(id="dash-gauge")
                    yield Static("", id="dash-time-spark")
                yield MomentsPane(id="dash-ratio", classes="dash-pane")
            yield BidsPane(id="dash-bids")
            yield SixHoursPane()
            with Vertical(id="dash-trends"):
                yield Static("", id="dash-trends-title", classes="pane-title")
                yield Static("", id="dash-closeness")
                yield Static("", id="dash-drift")
                yield Static("", id="dash-promises")
        yield KeysFooter(id="dash-footer")

    def on_mount(self) -> None:
        self.refresh_bindings()
        self.query_one("#dashboard").display = False

    def more_keys(self) -> list[Binding]:
        return [
            Binding("plus", "moment(True)", "A good moment", key_display="+", group=MOMENT),
            Binding("minus", "moment(False)", "A hard moment", key_display="-", group=MOMENT),
            Binding(
                "exclamation_mark",
                "conflict",
                "During a disagreement",
                key_display="!",
                group=MOMENT,
            ),
            Binding("b", "bid", "A bid for connection", group=MOMENT),
        ]

    # -- counting, off the UI thread ---------------------------------------------

    def reload(self) -> None:
        if self._index is not None and not self.is_active:
            self._stale = True  # counted again when the room is shown
            return
        self._stale = False
        hearth = self.hearth
        store, content, today = hearth.store, hearth.content, hearth.today()
        week_start = hearth.settings.week_start

        def count() -> Counted:
            index = load_index(store, content)
            # Worked out once here, the strength histories make every later view cheap.
            dashboard_view(index, content, today, today=today, week_start=week_start)
            return Counted(index, follow_through(store, today=today), store.all(Bid))

        self._busy = True
        self._show_log_day()
        self._counting = self.run_worker(
            count, name="count", group="dashboard", thread=True, exclusive=True, exit_on_error=False
        )

    def on_screen_resume(self) -> None:
        if self._stale:
            self.reload()

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self._counting or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        self._busy = False
        self._show_log_day()
        counted = event.worker.result
        if event.state == WorkerState.ERROR or not isinstance(counted, Counted):
            self.notify(
                f"The dashboard couldn't count: {event.worker.error}",
                severity="error",
                markup=False,
            )
            return
        self._index, self._kept, self._bids = counted.index, counted.kept, counted.bids
        if counted.index.practices != self._practices:
            # A practice was made, changed or put away since the rows were laid out.
            self.use_practices(counted.index.practices)
            await self.recompose()
        self.query_one("#dash-first-count").display = False
        self.query_one("#dashboard").display = True
        self.show()

    # -- what is shown ---------------------------------------------------------------

    def show(self) -> None:
        """Work out the week in view from the counted index (no store access) and show it."""
        if self._index is None:
            return
        hearth = self.hearth
        today, week_start = hearth.today(), hearth.settings.week_start
        view = dashboard_view(
            self._index,
            hearth.content,
            self._day or today,
            today=today,
            week_start=week_start,
            weeks_shown=weeks_for_row(self.size.width - 1),  # less the scrollbar
        )
        self._view = view
        head = Content.styled(week_heading(view, today, week_start), "bold $primary")
        if view.paused_days:
            paused = f" · {view.paused_days} days paused, streaks wait"
            head += Content.styled(paused, "$secondary")
        self.query_one("#dash-week", Static).update(head)
        self._show_log_day()
        room = self.size.width - 3  # the row's padding, a scrollbar, and a cell to spare
        for row, p in zip(self.query(PracticeRow), view.practices, strict=True):
            row.show(p, names=view.practices, room=room)
        rows = ROOMY_SPARK_ROWS if self.has_class("-roomy") else 1  # the app's breakpoint
        self._show_minutes(view, rows)
        self.query_one(MomentsPane).show(view)
        bids = bid_week(self._bids, view.start, week_start=week_start)
        self.query_one(BidsPane).show(bids, view.which_week)
        self.query_one(SixHoursPane).show(view.six_hours)
        self._show_trends(view, rows)
        self.refresh_bindings()

    def on_resize(self) -> None:
        self.show()

    def _show_log_day(self) -> None:
        if self._busy:
            note = "Counting…"
        else:
            note = f"logging for {day_phrase(self.log_day(), self.hearth.today(), short=True)}"
        self.query_one("#dash-counting", Static).update(Content.styled(note, DIM))

    def _show_minutes(self, view: DashboardView, rows: int) -> None:
        pane = self.query_one("#dash-time")
        m = view.minutes
        pane.display = m is not None
        if m is None:
            return
        timed = self.hearth.content.timed_practice
        assert timed is not None  # view.minutes is set only when one tracks minutes
        self.query_one("#dash-time-title", Static).update(Content(timed.name))
        self.query_one("#dash-time-line", Static).update(minutes_line(m, view.which_week))
        gauge = self.query_one(Gauge)
        gauge.value = m.total
        gauge.marks = minutes_marks(m)
        self.query_one("#dash-time-spark", Static).update(minutes_spark(m, rows))

    def _show_trends(self, view: DashboardView, rows: int) -> None:
        title = self.query_one("#dash-trends-title", Static)
        title.update(Content(f"The last {len(view.weeks)} weeks"))
        lines = {"closeness": closeness_line(view, rows), "drift": drift_line(view, rows)}
        for name, line in [*lines.items(), ("promises", promises_line(self._kept))]:
            shown = self.query_one(f"#dash-{name}", Static)
            shown.display = line is not None
            if line is not None:
                shown.update(line)

    # -- moving between weeks ------------------------------------------------------

    def _at_this_week(self) -> bool:
        return self._view is None or self._view.is_current

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_week", "this_week") and self._at_this_week():
            return None  # shown dimmed: there is nothing ahead to look at
        return True

    def action_previous_week(self) -> None:
        if self._view is not None:
            self._day = self._view.previous_week
            self.show()

    def action_next_week(self) -> None:
        if self._view is not None and not self._view.is_current:
            following = self._view.next_week
            self._day = None if following > self.hearth.today() else following
            self.show()

    def action_this_week(self) -> None:
        self._day = None
        self.show()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#dashboard", VerticalScroll).scroll_relative(y=lines, animate=False)

    # -- logging -------------------------------------------------------------------

    def log_day(self) -> date:
        """Today for this week; the last day of an earlier week in view."""
        today = self.hearth.today()
        if self._view is None or self._view.is_current:
            return today
        return min(self._view.end, today)

    def action_undo(self) -> None:
        """Take back the last log, moment or bid made here: it goes to the trash."""
        if not self._made:
            self.notify("There's nothing to undo.", markup=False)
            return
        record = self._made.pop()
        hearth = self.hearth
        store, today = hearth.store, hearth.today()
        when = f" for {day_phrase(date.fromisoformat(record.date), today)}"
        if isinstance(record, Bid):
            what = bid_words(record, when)
        else:
            what = name_of(store, hearth.content, record).lower() + when
        hearth.write(
            lambda: store.delete(record),
            done=lambda _r: self.notify(f"Took back {what}.", title="Took back", markup=False),
        )

    def action_week_log(self) -> None:
        from hearthside.tui.dialogs.week_log import WeekLogDialog

        view = self._view
        if view is not None:
            self.app.push_screen(WeekLogDialog(view.start, min(view.end, self.hearth.today())))

    # -- the command palette --------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Previous week", "Show the week before", self.action_previous_week)
        yield SystemCommand("Next week", "Show the week after", self.action_next_week)
        yield SystemCommand("This week", "Back to this week", self.action_this_week)
        yield SystemCommand("Log a practice…", "Choose a practice to log", self.choose_practice)
        yield SystemCommand(
            "Logged this week",
            "Every log and moment of the week, to check or delete",
            self.action_week_log,
        )

    def choose_practice(self) -> None:
        choices = [(p.name, partial(self.action_log, p.id), p.why) for p in self._practices]
        choices += [
            ("A good moment", partial(self.action_moment, True), "Note a good moment between you"),
            ("A hard moment", partial(self.action_moment, False), "Note a hard moment"),
            ("A bid for connection", partial(self.action_bid), "Theirs or yours, how it was met"),
        ]
        self.app.search_commands(choices, placeholder="Log which practice?")
