"""Your practices: the ones Hearthside keeps for everyone, and your own, to add, change
or put away. Saved through ``services.practice_book``, as ``hearthside practice`` does;
the Dashboard, the daily review and ``stats`` count them the moment they are saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from hearthside.domain.records import OwnPractice
from hearthside.services import practice_book
from hearthside.texts.items import Practice
from hearthside.tui.dialogs.practice import PracticeDialog
from hearthside.tui.rooms.base import Room
from hearthside.tui.widgets.keys_footer import KeysFooter

GIVEN = "given-"  # the start of a row id for a practice that comes with Hearthside

CSS = """
PracticesScreen #practices {
    height: 1fr;
    padding: 0 1;
}
PracticesScreen #practices-intro {
    padding: 0 1;
    color: $foreground 60%;
}
PracticesScreen #practices-list {
    height: 1fr;
    border: none;
    padding: 0;
    background: $background;
}
"""


def practices_commands(app: App[Any]) -> Iterable[SystemCommand]:
    yield SystemCommand(
        "Your practices",
        "Add a practice of your own, or change one",
        lambda: app.push_screen(PracticesScreen()),
    )


def practice_row(practice: Practice, *, away: str | None = None) -> Content:
    minutes = ", with minutes" if practice.minutes else ""
    also = f" · also {', '.join(practice.aliases)}" if practice.aliases else ""
    state = f" · put away {away}" if away else ""
    return Content.assemble(
        "  ",
        (practice.name, "dim" if away else "bold"),
        (f"  {practice.target.label}{minutes}{also}{state}", "dim"),
    )


class PracticesScreen(Room):
    room_name = "your practices"
    DEFAULT_CSS = CSS
    AUTO_FOCUS = "#practices-list"
    help_notes = (
        "Only your own practices can be changed or put away; a practice put away keeps "
        "its logs. The six hours are switched on in Settings (ctrl+o)."
    )
    BINDINGS = [
        Binding("n", "add", "Add"),
        Binding("e", "edit", "Change"),
        Binding("a", "archive", "Put away / bring back"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._own: dict[str, OwnPractice] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="practices"):
            yield Static(Content("Your practices"), classes="room-title")
            yield Static("", id="practices-intro")
            yield OptionList(id="practices-list")
        yield KeysFooter()

    def reload(self) -> None:
        h = self.hearth
        mine = practice_book.own_practices(h.store, archived=True)
        self._own = {p.id: p for p in mine}
        keys = {p.key for p in mine}
        given = [p for p in practice_book.practices(h.store, h.content) if p.id not in keys]
        rows: list[Option] = [Option(Content.styled("Your own", "bold $primary"), disabled=True)]
        rows += [
            Option(practice_row(practice_book.as_practice(p), away=p.archived), p.id) for p in mine
        ]
        if not mine:
            words = "  None yet: press n to add one, like an evening walk or a prayer together."
            rows.append(Option(Content.styled(words, "dim"), disabled=True))
        rows.append(Option(Content.styled("From Hearthside", "bold $primary"), disabled=True))
        rows += [Option(practice_row(p), GIVEN + p.id) for p in given]
        six = "tracked" if h.settings.six_hours else "not tracked"
        self.query_one("#practices-intro", Static).update(
            Content(f"Every practice here counts on the Dashboard. The six hours: {six}.")
        )
        listing = self.query_one("#practices-list", OptionList)
        at = listing.highlighted
        listing.clear_options()
        listing.add_options(rows)
        ids = [row.id for row in rows]
        if self._focus_id is not None and self._focus_id in ids:
            listing.highlighted = ids.index(self._focus_id)
        elif at is not None and not rows[min(at, len(rows) - 1)].disabled:
            listing.highlighted = min(at, len(rows) - 1)
        else:
            listing.highlighted = next(i for i, row in enumerate(rows) if not row.disabled)
        self._focus_id = None
        self.refresh_bindings()

    def on_option_list_option_highlighted(self) -> None:
        self.refresh_bindings()

    def current(self) -> OwnPractice | None:
        listing = next(iter(self.query("#practices-list").results(OptionList)), None)
        if listing is None or listing.highlighted is None or listing.option_count == 0:
            return None
        return self._own.get(listing.get_option_at_index(listing.highlighted).id or "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "archive"):
            return self.current() is not None
        return True

    def action_add(self) -> None:
        self.open_form(PracticeDialog(), "Added. It's on your Dashboard now.")

    def action_edit(self) -> None:
        own = self.current()
        if own is not None:
            self.open_form(PracticeDialog(own), "Saved the change.")

    def action_archive(self) -> None:
        own = self.current()
        if own is None:
            return
        store, today, back = self.hearth.store, self.hearth.today(), own.archived is not None
        said = (
            f"{own.name} is back on your Dashboard."
            if back
            else f"Put {own.name} away; its logs stay. Press a again to bring it back."
        )
        self._focus_id = own.id
        self.hearth.write(
            lambda: practice_book.archive_own(store, own, undo=back, today=today),
            done=lambda _p: self.notify(said, markup=False),
        )

    def action_back(self) -> None:
        self.dismiss(None)
