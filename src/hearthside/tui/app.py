"""The Hearthside app: rooms as modes, one writer thread, and a watch on the disk."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from functools import cached_property, partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.screen import Screen

from hearthside.domain import date_words
from hearthside.domain.records import Entry
from hearthside.domain.settings import Settings
from hearthside.errors import HearthsideError
from hearthside.paths import content_folder, package_resource, resolve_home
from hearthside.services import opening
from hearthside.services.settings import Changes, change_settings
from hearthside.tui.control_filter import ControlCharacters
from hearthside.tui.hearth import KeepsWork, OpenWork
from hearthside.tui.opening import QUIT_KEY, OpeningApp
from hearthside.tui.themes import DEFAULT_THEME, load_themes
from hearthside.tui.watching import DISK_POLL_SECONDS

if TYPE_CHECKING:
    from hearthside.services.drafts import Draft
    from hearthside.store.store import Store
    from hearthside.texts.library import Content
    from hearthside.tui.rooms.journal import JournalScreen


# Palette commands that open a place of their own, from any room: (module, function).
MORE_COMMANDS = (
    ("hearthside.tui.rooms.history", "history_commands"),
    ("hearthside.tui.rooms.lovemap", "lovemap_commands"),
    ("hearthside.tui.rooms.evening", "evening_commands"),
    ("hearthside.tui.rooms.weekly", "weekly_commands"),
    ("hearthside.tui.rooms.draw", "draw_commands"),
    ("hearthside.tui.rooms.editor", "template_commands"),
    ("hearthside.tui.rooms.good_memories", "good_memories_commands"),
    ("hearthside.tui.rooms.practices", "practices_commands"),
)


def room_screen(module: str, name: str) -> Screen[Any]:
    """Build a room, importing it only when first opened: start-up pays for one room."""
    screen: Screen[Any] = getattr(import_module(f"hearthside.tui.rooms.{module}"), name)()
    return screen


ROOMS = {
    "today": ("1", "Today", "The day at a glance and the daily review"),
    "journal": ("2", "Journal", "Write and read your journal"),
    "notes": ("3", "Notes", "Thanks, compliments, apologies, encouragement and needs"),
    "dashboard": ("4", "Dashboard", "How the practices are going"),
    "guide": ("5", "Guide", "The fifteen strategies and common questions"),
    "plans": ("6", "Plans", "Promises, milestones and days away"),
}


class HearthsideApp(OpeningApp):
    CSS_PATH = "app.tcss"
    # The one place the window's size picks a layout: rooms and dialogs style these classes.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall"), (40, "-roomy")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (150, "-wide")]
    TITLE = "Hearthside"
    ENABLE_COMMAND_PALETTE = True
    MODES = {
        "today": lambda: room_screen("today", "TodayScreen"),
        "journal": lambda: room_screen("journal", "JournalScreen"),
        "notes": lambda: room_screen("notes", "NotesScreen"),
        "dashboard": lambda: room_screen("dashboard", "DashboardScreen"),
        "guide": lambda: room_screen("guide", "GuideScreen"),
        "plans": lambda: room_screen("plans", "PlansScreen"),
    }
    BINDINGS = [
        *(
            Binding(key, f"room('{mode}')", label, tooltip=help_text)
            for mode, (key, label, help_text) in ROOMS.items()
        ),
        # F1 too: in a text field ? is a character.
        Binding("question_mark,f1", "keys", "Keys", key_display="?"),
        # Not in the footers (they are full); listed under ? in every room. F2 too, for
        # a terminal where ctrl+o is taken.
        Binding("ctrl+o,f2", "settings", "Settings", key_display="ctrl+o", show=False),
        Binding(QUIT_KEY, "quit", "Quit", priority=True),
        # Priority, so the focus moves as the key arrives: keys typed after a tab, however
        # fast, go to the next field (Textual's own tab waits its turn behind them).
        Binding("tab", "move_focus(1)", show=False, priority=True),
        Binding("shift+tab", "move_focus(-1)", show=False, priority=True),
    ]

    def __init__(
        self,
        *,
        store: Store | None,
        content_dir: Path,
        themes_dir: Path,
        theme: str | None = None,
        today: date | None = None,
        room: str = "today",
        home: Path | None = None,
    ) -> None:
        """``store`` is None for an encrypted journal still locked: the app then asks
        for the passphrase (UnlockScreen) and opens the store of ``home`` itself."""
        super().__init__()
        if room not in ROOMS:
            raise HearthsideError(
                f"There is no room called {room!r}; choose one of {', '.join(ROOMS)}."
            )
        self.first_room = room
        self.home = store.home if store is not None else resolve_home(home)
        self._store: Store | None = None
        self._theme_choice = theme
        self._content_dir = content_dir
        self._fixed_today = today
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hearthside-writer")
        # Screens with unsaved words register here, so quitting, a signal or a crash keeps them.
        self.open_work: set[OpenWork] = set()
        self._loaded_themes = load_themes(themes_dir)
        for loaded in self._loaded_themes.themes.values():
            self.register_theme(loaded)
        self.settings = Settings()
        self._controls = ControlCharacters()
        if store is not None:
            self._use_store(store)
        else:
            self._use_theme(theme or self.settings.theme)

    @cached_property
    def content(self) -> Content:
        # Read only once a room asks: the frame is painted without the content's code.
        from hearthside.texts.library import Content

        return Content(self._content_dir)

    def _use_store(self, store: Store) -> None:
        self._store = store
        self.settings = store.settings()
        self._use_theme(self._theme_choice or self.settings.theme)

    def _use_theme(self, wanted: str) -> None:
        if wanted not in self._loaded_themes.themes:
            wanted = (
                DEFAULT_THEME if DEFAULT_THEME in self._loaded_themes.themes else "textual-dark"
            )
        self.theme = wanted

    def get_line_filters(self) -> Sequence[LineFilter]:
        # Every line of the screen, whatever widget drew it, on its way to the terminal.
        return [*super().get_line_filters(), self._controls]

    # -- time and titles --------------------------------------------------------

    def today(self) -> date:
        return self._fixed_today or date.today()

    def refresh_title(self) -> None:
        spouse = self.settings.spouse(unnamed="")
        when = date_words.full_day(self.today())
        self.sub_title = f"with {spouse} · {when}" if spouse else when

    # -- start-up -----------------------------------------------------------------

    def on_mount(self) -> None:
        self._catch_signals()
        self.refresh_title()
        for problem in self._loaded_themes.problems:
            self.notify(problem, title="Theme", severity="warning", markup=False, timeout=8)
        self.open_after_paint()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While locked, only quitting works: the rooms and the palette would read the journal.
        if self._store is None and action in ("room", "keys", "settings", "command_palette"):
            return False
        # Words being written (editor, composer, review, check-in) are left by Escape only:
        # a digit typed on a list or a tick there must not carry on into another room.
        if action == "room" and isinstance(self.screen, KeepsWork):
            return False
        return super().check_action(action, parameters)

    def _start(self) -> None:
        if self.quitting:
            return  # ctrl+q while the journal was read: no room to open on the way out
        # A sync tool's copies merged as the journal opened, then records skipped.
        self._tell_conflicts()
        self._tell_bad_records()
        self.set_interval(DISK_POLL_SECONDS, self._poll_disk)
        self.switch_mode(self.first_room)
        if self._wants_welcome():
            from hearthside.tui.dialogs.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(), self._after_welcome)
        else:
            self._offer_drafts()
        self.call_after_refresh(self.release_keys)

    def _wants_welcome(self) -> bool:
        s = self.settings
        return not s.welcomed and not s.spouse(unnamed="") and not self.store.has_any(Entry)

    def _after_welcome(self, settings: Settings | None) -> None:
        chosen = settings or Settings(**{**self.settings.to_doc(), "welcomed": True})
        chosen.welcomed = True
        self.save_settings(chosen)
        self._offer_drafts()

    def _offer_drafts(self) -> None:
        # Here, not at the top: the frame is painted before any of the drafts' code loads.
        from hearthside.services.drafts import pending_drafts

        drafts = pending_drafts(self.store.home, self.store.keys)
        if drafts:
            from hearthside.tui.dialogs.welcome import RestoreDraftScreen

            self.push_screen(RestoreDraftScreen(drafts[0]), self._restore_draft)

    def _restore_draft(self, draft: Draft | None) -> None:
        if draft is not None:
            self.in_journal(lambda journal: journal.open_draft(draft))

    def in_journal(self, then: Callable[[JournalScreen], None]) -> None:
        """Go to the Journal room, then act on it once it is showing."""
        self.switch_mode("journal")

        def act() -> None:
            from hearthside.tui.rooms.journal import JournalScreen

            if isinstance(self.screen, JournalScreen):
                then(self.screen)

        self.call_after_refresh(act)

    # -- rooms, keys, palette --------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self._exit:
            return  # bubbled up after the screens are gone: nothing is left to act on
        if self.holds(event):
            return  # the room isn't there yet: kept for it
        # A screen may move the focus for a key before it is forwarded (see route_key).
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self.quitting:
                return  # keys after ctrl+q would open rooms the closing app can't build
            route = getattr(self.screen, "route_key", None)
            if callable(route) and route(event):
                return
        await super().on_event(event)

    def action_move_focus(self, step: int) -> None:
        """Tab and shift+tab: the screen's own field order where it has one."""
        screen = self.screen
        mover = getattr(screen, "move_focus", None)
        if callable(mover):
            mover(step)
        elif step > 0:
            screen.focus_next()
        else:
            screen.focus_previous()

    def action_room(self, mode: str) -> None:
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_keys(self) -> None:
        from hearthside.tui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for mode, (_key, label, help_text) in ROOMS.items():
            yield SystemCommand(label, help_text, partial(self.action_room, mode))
        yield SystemCommand("New journal entry", "Start writing", self.action_new_entry)
        yield from import_module("hearthside.tui.dialogs.plans").plan_commands(self)
        yield SystemCommand("Export…", "Save entries or notes as a file", self.action_export)
        yield SystemCommand("Switch theme", "Change how Hearthside looks", self.action_switch_theme)
        yield SystemCommand(
            "Settings", "Names, the first day of the week, dates and looks", self.action_settings
        )
        yield SystemCommand("Keys", "Show the keys for this room", self.action_keys)
        for module, function in MORE_COMMANDS:
            yield from getattr(import_module(module), function)(self)
        commands = getattr(screen, "palette_commands", None)
        if callable(commands):
            yield from commands()
        yield SystemCommand("Quit", "Close Hearthside (everything is saved)", self.action_quit)

    def action_export(self) -> None:
        from hearthside.tui.dialogs.export import ExportDialog

        self.push_screen(ExportDialog())

    def action_new_entry(self) -> None:
        self.in_journal(lambda journal: journal.action_new())

    def action_settings(self) -> None:
        from hearthside.tui.dialogs.settings import SettingsDialog

        if not isinstance(self.screen, SettingsDialog):
            self.push_screen(SettingsDialog())

    # -- themes -----------------------------------------------------------------

    def action_switch_theme(self) -> None:
        labels = self._loaded_themes.labels
        choices = [
            (labels[name], partial(self.use_theme, name), "current" if name == self.theme else "")
            for name in labels
        ]
        self.search_commands(choices, placeholder="Choose a theme…")

    @property
    def theme_labels(self) -> dict[str, str]:
        """Every theme that can be chosen: its name, and the words it is shown by."""
        return self._loaded_themes.labels

    def use_theme(self, name: str) -> None:
        self.theme = name
        self.change_settings(Changes(theme=name))

    def save_settings(self, settings: Settings) -> None:
        store = self.store
        self._write_settings(lambda: store.save_settings(settings))

    def change_settings(
        self,
        changes: Changes,
        *,
        done: Callable[[Settings], None] | None = None,
        failed: Callable[[HearthsideError], bool | None] | None = None,
    ) -> None:
        """Check and save what was chosen in Settings, by the rule `hearthside settings`
        uses too; a changed theme shows once saved."""
        store = self.store

        def saved(result: Settings) -> None:
            if "theme" in changes:
                self._use_theme(result.theme)
            if done is not None:
                done(result)

        self._write_settings(lambda: change_settings(store, **changes), saved, failed)

    def _write_settings(
        self,
        job: Callable[[], Settings],
        done: Callable[[Settings], None] | None = None,
        failed: Callable[[HearthsideError], bool | None] | None = None,
    ) -> None:
        def saved(result: Settings) -> None:
            self.settings = result
            self.refresh_title()
            # Only now: the rooms reload with the new settings (a new week start, say).
            self.data_version += 1
            if done is not None:
                done(result)

        self.write(job, done=saved, failed=failed, changes_data=False)


def make_app(
    *,
    home: str | Path | None = None,
    content_dir: str | Path | None = None,
    theme: str | None = None,
    today: date | None = None,
    room: str = "today",
) -> HearthsideApp:
    """The one way to build the app: used by the CLI, the tests and the snapshots."""
    path = resolve_home(home)
    store = opening.open_unless_locked(path)
    return HearthsideApp(
        store=store,
        home=path,
        content_dir=content_folder(content_dir),
        themes_dir=package_resource("themes"),
        theme=theme,
        today=today,
        room=room,
    )
