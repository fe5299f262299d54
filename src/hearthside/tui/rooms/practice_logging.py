"""A room whose letters log practices: one letter for each practice in the book, the
minutes asked for where a practice counts them, and the logs kept for undo."""

from __future__ import annotations

from datetime import date
from functools import partial

from textual.binding import Binding, BindingsMap

from hearthside.domain.records import Bid, Moment, PracticeLog
from hearthside.services.practices import log_practice
from hearthside.texts.items import Practice
from hearthside.tui.dialogs.help import PRACTICE_LETTERS
from hearthside.tui.dialogs.minutes import MinutesAnswer, MinutesDialog
from hearthside.tui.presenters.dashboard import day_phrase, logged_notice, on_day
from hearthside.tui.presenters.practice_keys import practice_keys
from hearthside.tui.rooms.base import Room


class LogsPractices(Room):
    def __init__(self) -> None:
        super().__init__()
        self._practices: tuple[Practice, ...] = ()  # as the room last laid them out
        self._keys: dict[str, str] = {}
        self._room_keys: BindingsMap | None = None  # the class's, before the letters
        self._made: list[PracticeLog | Moment | Bid] = []  # from this room, newest last: for u

    def log_day(self) -> date:
        """The day a log made here is for."""
        return self.hearth.today()

    def more_keys(self) -> list[Binding]:
        """The room's own keys that come with the letters (they share the footer)."""
        return []

    def use_practices(self, practices: tuple[Practice, ...]) -> None:
        """Give each practice its letter; the room's own bindings stay as they were."""
        self._practices = practices
        self._keys = practice_keys(practices)
        if self._room_keys is None:
            self._room_keys = self._bindings
        named = {p.id: p.name.lower() for p in practices}
        letters = [
            Binding(key, f"log({pid!r})", f"Log {named[pid]}", group=PRACTICE_LETTERS)
            for pid, key in self._keys.items()
        ]
        extra = BindingsMap([*letters, *self.more_keys()])
        self._bindings = BindingsMap.merge([self._room_keys, extra])
        if self.is_mounted:
            self.refresh_bindings()

    def action_log(self, practice_id: str) -> None:
        practice = next((p for p in self._practices if p.id == practice_id), None)
        if practice is None:
            return  # put away in another window since this room last counted
        day = self.log_day()
        if practice.minutes:
            self.app.push_screen(
                MinutesDialog(
                    practice.name,
                    on_day(day, self.hearth.today()),
                    together=practice == self.hearth.content.timed_practice,
                ),
                partial(self._minutes_given, practice, day),
            )
        else:
            self._log(practice, day, None)

    def _minutes_given(self, practice: Practice, day: date, answer: MinutesAnswer | None) -> None:
        if answer is not None:
            self._log(practice, day, answer.minutes)

    def _log(self, practice: Practice, day: date, minutes: int | None) -> None:
        hearth = self.hearth
        store, content, today = hearth.store, hearth.content, hearth.today()

        def logged(log: PracticeLog) -> None:
            self._made.append(log)
            message = logged_notice(practice.name, day_phrase(day, today), log.minutes)
            self.notify(message, title="Logged", markup=False)

        hearth.write(
            lambda: log_practice(
                store, content, practice.id, minutes=minutes, day=day, today=today
            ),
            done=logged,
        )
