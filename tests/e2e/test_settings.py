"""Settings in a real 80x24 terminal: the welcome skipped, the names set later, and used."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from hearthside.domain.records import Note
from tests.e2e.apps import App, need
from tests.e2e.tmux import Terminal, tmux_path

pytestmark = pytest.mark.e2e


@pytest.fixture
def small(hearthside: Path, home: Path, tmp_path: Path) -> Iterator[App]:
    """The app in an 80x24 window, the smallest size it is made for."""
    need("tmux", tmux_path() is not None, "apt-get install tmux")
    term = Terminal(tmp_path, "settings-80x24", width=80, height=24)
    try:
        yield App(hearthside, home, term)
    finally:
        term.close()


def test_names_set_in_settings_after_skipping_the_welcome_show_and_sign(small: App) -> None:
    screen = small.open()
    screen.wait_for("What is your spouse's name?")
    screen.press("Escape")  # skip for now: no name yet
    shown = screen.wait_for("Today's review")
    assert "with " not in shown.splitlines()[0]

    screen.press("C-o")
    screen.wait_for("ctrl+s saves · escape goes back")
    screen.type("Robin")  # the spouse's name has the focus
    screen.press("Tab")
    screen.type("Alex")  # your own name
    screen.press("C-s")
    screen.wait_for("Saved your settings")
    screen.press("Escape")
    screen.wait_gone("ctrl+s saves · escape goes back")
    assert "with Robin" in screen.wait_for("with Robin").splitlines()[0]

    # A note written from the command line meanwhile; the open app sees it.
    small.run("note", "gratitude", "Thank you for the soup on a cold evening.")
    screen.press("3")
    screen.wait_for("Thank you for the soup")
    screen.press("p")
    screen.wait_for("Save this note as:")
    screen.press("t")  # a text file
    screen.wait_for("Saved the card to")
    screen.press("S")
    screen.wait_for("Ready to share")

    small.quit()
    [card] = (small.home / "exports").glob("*.txt")
    words = card.read_text(encoding="utf-8")
    assert words.startswith("For Robin\n")
    assert "— Alex" in words
    [bundle] = (small.home / "exports").glob("hearthside-share-*/notes.json")
    assert json.loads(bundle.read_text(encoding="utf-8"))["from"] == "Alex"
    with small.journal() as journal:
        settings = journal.settings()
        [note] = journal.all(Note)
    assert (settings.spouse_name, settings.my_name, settings.welcomed) == ("Robin", "Alex", True)
    assert note.shared_at
