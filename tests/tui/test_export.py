"""Exporting from the app: choose with the keyboard, find the file where the notice says."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from textual.widgets import Input

from hearthside.services.journal import add_entry
from hearthside.store.store import Store
from hearthside.tui.dialogs.export import ExportDialog
from tests.tui.conftest import SIZE, Make, record_notices, settle


async def test_export_a_month_to_html_from_the_palette(make: Make, welcomed: Path) -> None:
    store = Store(welcomed)
    add_entry(store, body="November walk [bold]x[/] <b>hi</b>", day="2026-11-10")
    add_entry(store, body="October tea", day="2026-10-10")
    add_entry(store, body="A private thought", day="2026-11-11", private=True)
    app = make()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Export", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#since", Input).value = "2026-11"
        app.screen.query_one("#until", Input).value = "2026-11"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
    [page] = list((welcomed / "exports").glob("*.html"))
    text = page.read_text()
    HTMLParser().feed(text)
    assert "November walk [bold]x[/] &lt;b&gt;hi&lt;/b&gt;" in text
    assert "October tea" not in text and "A private thought" not in text
    assert any(str(page) in n and "1 private" in n for n in notices)


async def test_a_date_that_cannot_be_read_is_explained_in_the_dialog(
    make: Make, welcomed: Path
) -> None:
    add_entry(Store(welcomed), body="x", day="2026-11-10")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        app.action_export()
        await pilot.pause()
        app.screen.query_one("#since", Input).value = "the blue moon"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        problem = str(app.screen.query_one("#export-problem").render())
        assert "blue moon" in problem
    assert not (welcomed / "exports").exists() or not list((welcomed / "exports").iterdir())
