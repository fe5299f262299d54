"""Making the terminal small and big again: every room repaints, nothing crashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.apps import App
from tests.e2e.tmux import HEIGHT, WIDTH, Terminal

pytestmark = pytest.mark.e2e

SMALL = (60, 20)
BIG = (WIDTH, HEIGHT)
# Each room's key, something only that room shows, and its own first key in the footer.
ROOMS = [
    ("1", "Today's review", "r Review"),
    ("2", "No entries yet", "n New"),
    ("3", "No notes yet", "c Compose"),
    ("4", "This week ·", "← → Week"),
    ("5", "Let your actions speak", "w Write"),
]


def rows(screen: str) -> list[str]:
    return screen.rstrip("\n").split("\n")


def resized(term: Terminal, size: tuple[int, int], footer: str, *shown: str) -> str:
    """Resize the window, then wait until the app has drawn itself at the new size.

    Until it repaints, tmux shows the old screen cropped or padded, so the footer
    (the app's last row) is not on the window's last row. Textual repaints in
    pieces, so the wait also covers everything else the test expects to see.
    """
    term.resize(*size)
    assert term.size() == size

    def drawn(screen: str) -> bool:
        lines = rows(screen)
        return (
            len(lines) == size[1]
            and footer in lines[-1]
            and lines[-1].rstrip().endswith("? Keys")  # redrawn: the way to every key ends it
            and "Hearthside" in lines[0]
            and all(text in screen for text in shown)
        )

    what = f"the app drawn at {size[0]}x{size[1]} with {footer!r} in the footer and {shown}"
    return term.wait_until(drawn, what)


def test_every_room_survives_a_small_terminal_and_back(app: App, welcomed: Path) -> None:
    app.run("log", "hug")
    screen = app.open()
    screen.wait_for("with Sam")

    for key, marker, room_key in ROOMS:
        screen.press(key)
        screen.wait_for(marker)
        # Small: the room's own keys still lead the footer and "? Keys" ends it (see
        # resized); nothing is wider than the window.
        small = resized(screen, SMALL, room_key)
        assert all(len(line) <= SMALL[0] for line in rows(small))
        # Big again: the whole room.
        resized(screen, BIG, room_key, "Hearthside — with Sam", marker)
        assert screen.is_running()

    app.quit()  # with status 0, and no crash report


def test_words_being_written_survive_a_resize(app: App, welcomed: Path) -> None:
    screen = app.open()
    screen.wait_for("with Sam")
    screen.press("2", "n")
    screen.wait_for("Linked strategies")
    screen.type("Small window, same words")
    screen.wait_for("Small window, same words")

    resized(screen, SMALL, "^s Save", "Small window")  # wrapped, but there
    resized(screen, BIG, "esc Back", "Small window, same words", "Linked strategies")

    screen.press("C-s")
    screen.wait_for("Saved for")
    app.quit()
