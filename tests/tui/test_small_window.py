"""At 80x24, the size of a fresh terminal: dialogs show their buttons, notices stay few."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button
from textual.widgets._toast import Toast, ToastRack

from hearthside.services.journal import add_entry
from hearthside.store.store import Store
from hearthside.tui.dialogs.base import Dialog
from hearthside.tui.dialogs.export import ExportDialog
from hearthside.tui.dialogs.welcome import WelcomeScreen
from tests.conftest import TODAY
from tests.tui.conftest import FRESH_TERMINAL, Make, buttons_on_screen, settle


async def test_the_welcome_shows_begin_and_skip_at_80x24(make: Make, private_home: Path) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert buttons_on_screen(app) == ["Begin", "Skip for now"]


async def test_the_export_dialog_shows_its_buttons_at_80x24(make: Make, welcomed: Path) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        await pilot.press("ctrl+p", *"Export", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog) and isinstance(app.screen, Dialog)
        shown = buttons_on_screen(app)
        assert shown and len(shown) == len(app.screen.query(Button))


async def test_the_same_notice_twice_shows_once_and_never_as_markup(
    make: Make, welcomed: Path
) -> None:
    app = make()
    async with app.run_test(size=FRESH_TERMINAL) as pilot:
        app.notify("Saved [b]x[/b]")
        app.notify("Saved [b]x[/b]")
        app.notify("Something else")
        await pilot.pause()
        # Textual's own list of what is showing (toasts are drawn only on a real screen).
        showing = [(n.message, n.markup) for n in app._notifications]
    assert showing == [("Saved [b]x[/b]", False), ("Something else", False)]


async def test_a_notice_takes_room_of_its_own_and_covers_nothing(
    make: Make, welcomed: Path
) -> None:
    store = Store(welcomed)
    for n in range(30):
        add_entry(store, title=f"Evening {n}", body="We talked a while.", day=TODAY.isoformat())
    store.close()
    app = make(room="journal")
    async with app.run_test(size=FRESH_TERMINAL, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("down", "x")
        await settle(pilot)
        toasts = list(app.screen.query(Toast))
        assert toasts, "deleting an entry says so"
        shown = [
            w
            for w in app.screen.query("*")
            if w.display
            and w.region.area
            and not isinstance(w, Toast | ToastRack)
            and not any(isinstance(a, ToastRack) for a in w.ancestors)
            and not w.children
        ]
        for toast in toasts:
            covered = [w for w in shown if w.region.overlaps(toast.region)]
            assert not covered, covered
