"""Making or changing a practice of one's own, by the rules ``hearthside practice`` keeps."""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget
from textual.widgets import Checkbox, Input

from hearthside.domain.records import OwnPractice
from hearthside.services import practice_book
from hearthside.tui.dialogs.form import FormDialog


class PracticeDialog(FormDialog):
    """A new practice, or a change to ``own``; dismisses with it saved, or None."""

    note_words = "How often: daily, weekly, every 2 weeks, monthly, or 3 per week, 2 per day…"

    def __init__(self, own: OwnPractice | None = None) -> None:
        super().__init__()
        self.own = own
        self.title_words = f"Change “{own.name}”" if own else "A practice of your own"

    def fields(self) -> list[tuple[str, Widget]]:
        was = practice_book.draft_of(self.own) if self.own else practice_book.OwnDraft("", "")
        return [
            ("Name", Input(was.name, placeholder="Evening walk", id="practice-name", compact=True)),
            (
                "How often",
                Input(was.target, placeholder="3 per week", id="practice-target", compact=True),
            ),
            (
                "Other names",
                Input(
                    ", ".join(was.aliases),
                    placeholder="walk, stroll (to log it by)",
                    id="practice-aliases",
                    compact=True,
                ),
            ),
            ("Why", Input(was.why, placeholder="Optional", id="practice-why", compact=True)),
            ("", Checkbox("Ask for minutes", was.minutes, id="practice-minutes", compact=True)),
        ]

    def job(self) -> Callable[[], OwnPractice]:
        store, content, own = self.hearth.store, self.hearth.content, self.own
        draft = practice_book.OwnDraft(
            self.value("practice-name"),
            self.value("practice-target"),
            self.query_one("#practice-minutes", Checkbox).value,
            (self.value("practice-aliases"),),
            self.value("practice-why"),
        )
        if own is None:
            return lambda: practice_book.add_own(store, content, draft)
        return lambda: practice_book.edit_own(store, content, own, draft)
