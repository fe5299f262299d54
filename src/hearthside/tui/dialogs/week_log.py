"""What was logged in the week in view: every practice log and moment, each deletable."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from hearthside.domain import date_words
from hearthside.domain.printable import one_line
from hearthside.domain.records import Moment, PracticeLog
from hearthside.services.practices import describe, logged_between
from hearthside.tui.dialogs.base import Dialog


class WeekLogDialog(Dialog):
    """Over the Dashboard: x moves the highlighted record to the trash, u brings it back."""

    BINDINGS = [
        Binding("x,delete", "trash", "Delete"),
        Binding("u", "undo", "Undo"),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, start: date, end: date) -> None:
        super().__init__()
        self.start, self.end = start, end
        self._shown: list[PracticeLog | Moment] = []
        self._deleted: list[PracticeLog | Moment] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="week-log"):
            yield Static(
                Content(
                    f"Logged {date_words.short_day(self.start)} to {date_words.short_day(self.end)}"
                ),
                classes="dialog-title",
            )
            yield OptionList(id="week-log-list")
            yield Static(
                Content("x deletes (it goes to the trash) · u undoes · escape closes"),
                classes="dialog-label",
            )

    def on_mount(self) -> None:
        self._refresh()
        self.query_one(OptionList).focus()

    def _refresh(self) -> None:
        self._shown = logged_between(self.hearth.store, self.start, self.end)
        listing = self.query_one(OptionList)
        at = listing.highlighted
        listing.clear_options()
        content = self.hearth.content
        listing.add_options(
            [
                Option(
                    Content.assemble(
                        (f"{date_words.short_day(date.fromisoformat(r.date)):<11}", "bold"),
                        Content(one_line(describe(self.hearth.store, content, r), 70)),
                    ),
                    id=r.id,
                )
                for r in self._shown
            ]
        )
        if not self._shown:
            listing.add_option(Option(Content("Nothing logged in this week yet."), disabled=True))
        else:
            listing.highlighted = min(at or 0, len(self._shown) - 1)

    def _current(self) -> PracticeLog | Moment | None:
        at = self.query_one(OptionList).highlighted
        return self._shown[at] if at is not None and at < len(self._shown) else None

    def action_trash(self) -> None:
        record = self._current()
        if record is None:
            return
        store, what = self.hearth.store, describe(self.hearth.store, self.hearth.content, record)

        def done(deleted: PracticeLog | Moment) -> None:
            self._deleted.append(deleted)
            self._refresh()
            self.notify(f"Deleted: {what}. Press u to undo.", markup=False)

        self.hearth.write(lambda: store.delete(record), done=done)

    def action_undo(self) -> None:
        if not self._deleted:
            self.notify("There's nothing to undo.", markup=False)
            return
        record = self._deleted.pop()
        store, what = self.hearth.store, describe(self.hearth.store, self.hearth.content, record)

        def done(_restored: PracticeLog | Moment) -> None:
            self._refresh()
            self.notify(f"Restored: {what}.", markup=False)

        self.hearth.write(lambda: store.restore(record), done=done)

    def action_close(self) -> None:
        self.dismiss(None)
