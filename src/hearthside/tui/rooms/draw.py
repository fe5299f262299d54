"""Drawing a question from the decks, and the favourite questions.

"Draw a question" shows one question at a time from a chosen deck (or any, or the
favourites) at a chosen depth (or any); space draws again and f stars the one shown.
"Favourite questions" lists the starred ones. Both open from the palette in any room.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from typing import Any, cast

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from hearthside.services import decks
from hearthside.texts.items import DEPTHS, Question
from hearthside.tui.hearth import Hearth, HearthMixin
from hearthside.tui.presenters.question_card import STAR
from hearthside.tui.widgets.keys_footer import KeysFooter

ANY = "any"
FAVOURITES = "favourites"

CSS = """
#draw {
    padding: 0 1;
}
#draw-decks {
    width: 30;
    height: auto;
    max-height: 1fr;
}
#draw-side {
    padding: 0 0 0 2;
}
#draw-depths {
    height: auto;
}
#draw-text {
    padding: 1 1 0 1;
    text-style: bold;
}
.draw-note {
    padding: 1 1 0 1;
    color: $foreground 60%;
}
#favourites-list {
    height: auto;
    max-height: 1fr;
}
"""


def draw_commands(app: App[Any]) -> Iterable[SystemCommand]:
    """The palette's ways to the question decks, from every room."""
    yield SystemCommand(
        "Draw a question",
        "From a deck of your choice, light, deeper or deep",
        lambda: app.push_screen(DrawScreen()),
    )
    yield SystemCommand(
        "Favourite questions",
        "The questions you starred, to come back to",
        lambda: app.push_screen(FavouritesScreen()),
    )


def star(
    screen: Screen[Any], question: Question, then: Callable[[bool], None] | None = None
) -> None:
    """Star the question, or unstar it; say which, then tell ``then`` (starred or not)."""
    h = cast(Hearth, screen.app)
    store, day = h.store, h.today()

    def done(starred: bool) -> None:
        if starred:
            screen.notify("Starred: it's among your favourite questions now.", markup=False)
        else:
            screen.notify("Unstarred: no longer among your favourites.", markup=False)
        if then is not None:
            then(starred)

    h.write(lambda: decks.toggle_favourite(store, question, today=day), done=done)


class DrawScreen(HearthMixin, Screen[None]):
    """One question at a time, drawn from the chosen deck at the chosen depth."""

    room_name = "Draw a question"
    DEFAULT_CSS = CSS
    BINDINGS = [
        Binding("space", "again", "Draw again"),
        Binding("f", "star", "Star or unstar"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, rng: random.Random | None = None) -> None:
        super().__init__()
        self._rng = rng or random.Random()
        self._shown: Question | None = None
        self._starred: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="draw"):
            yield OptionList(id="draw-decks")
            with VerticalScroll(id="draw-side", can_focus=False):
                yield OptionList(id="draw-depths")
                yield Static("", id="draw-text")
                yield Static("", id="draw-about", classes="draw-note")
                yield Static(
                    Content("tab moves between the decks and the depths"),
                    classes="draw-note",
                )
        yield KeysFooter()

    def on_mount(self) -> None:
        h = self.hearth
        self._starred = decks.favourite_ids(h.store)
        listing = self.query_one("#draw-decks", OptionList)
        listing.add_option(Option(Content("Any deck"), id=ANY))
        listing.add_option(Option(Content(f"{STAR} Your favourites"), id=FAVOURITES))
        listing.add_options([Option(Content(d.title), id=d.id) for d in h.content.decks])
        depths = self.query_one("#draw-depths", OptionList)
        depths.add_option(Option(Content("Any depth"), id=ANY))
        depths.add_options([Option(Content(d.capitalize()), id=d) for d in DEPTHS])
        depths.highlighted = 0
        listing.highlighted = 0
        listing.focus()

    def _chosen(self, where: str) -> str:
        listing = self.query_one(where, OptionList)
        at = listing.highlighted
        return ANY if at is None else listing.get_option_at_index(at).id or ANY

    def pool(self) -> list[Question]:
        """The questions of the chosen deck (or favourites) at the chosen depth."""
        deck, depth = self._chosen("#draw-decks"), self._chosen("#draw-depths")
        content = self.hearth.content
        if deck == FAVOURITES:
            found = decks.favourites(self.hearth.store, content)
        else:
            found = decks.matching(content, None if deck == ANY else deck)
        return [q for q in found if depth in (ANY, q.depth)]

    @on(OptionList.OptionHighlighted)
    @on(OptionList.OptionSelected)
    def _choice_changed(self) -> None:
        self.action_again()

    def action_again(self) -> None:
        pool = self.pool()
        after = self._shown.id if self._shown else None
        self._shown = decks.draw(pool, self._rng, after=after) if pool else None
        self._show()

    def _show(self) -> None:
        text = self.query_one("#draw-text", Static)
        about = self.query_one("#draw-about", Static)
        question = self._shown
        if question is None:
            if self._chosen("#draw-decks") == FAVOURITES:
                text.update(Content("No favourites here yet: press f on a question to star it."))
            else:
                text.update(Content("No question in this deck is at that depth."))
            about.update("")
            return
        text.update(Content.assemble("“", Content(question.text), "”"))
        starred = f" · {STAR} a favourite" if question.id in self._starred else ""
        about.update(Content(f"{question.theme} · {question.depth}{starred}"))

    def action_star(self) -> None:
        question = self._shown
        if question is None:
            return

        def then(starred: bool) -> None:
            (self._starred.add if starred else self._starred.discard)(question.id)
            if self._shown is question:
                self._show()

        star(self, question, then)

    def action_back(self) -> None:
        self.dismiss(None)


class FavouritesScreen(HearthMixin, Screen[None]):
    """The starred questions, most recently starred first; f unstars the highlighted one."""

    room_name = "Favourite questions"
    DEFAULT_CSS = CSS
    BINDINGS = [
        Binding("f", "unstar", "Unstar"),
        Binding("escape", "back", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="draw"):
            yield Static(Content(f"{STAR} Favourite questions"), classes="room-title")
            yield OptionList(id="favourites-list")
            yield Static("", id="favourites-note", classes="draw-note")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        h = self.hearth
        found = decks.favourites(h.store, h.content)
        listing = self.query_one("#favourites-list", OptionList)
        at = listing.highlighted
        listing.clear_options()
        listing.add_options(
            [
                Option(
                    Content.assemble(Content(q.text), (f"\n{q.theme} · {q.depth}", "dim")), id=q.id
                )
                for q in found
            ]
        )
        listing.display = bool(found)
        if found:
            listing.highlighted = min(at or 0, len(found) - 1)
            listing.focus()
        note = (
            "f unstars the highlighted question · esc back"
            if found
            else "No favourites yet. In Draw a question (ctrl+p), press f to star one."
        )
        self.query_one("#favourites-note", Static).update(Content(note))

    def action_unstar(self) -> None:
        listing = self.query_one("#favourites-list", OptionList)
        if listing.highlighted is None or not listing.display:
            return
        ref = listing.get_option_at_index(listing.highlighted).id
        question = next((q for q in self.hearth.content.questions if q.id == ref), None)
        if question is not None:
            star(self, question, lambda _starred: self.reload())

    def action_back(self) -> None:
        self.dismiss(None)
