"""An imported file's escape sequences never reach a real terminal from the app: every
byte the app writes is recorded, and none of the file's sequences is among them."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearthside.texts.library import Content
from tests.e2e.apps import App
from tests.trust.hostile import RAW_MARKERS, export_file, hostile_records

pytestmark = pytest.mark.e2e

WRITTEN_OUT = "\\x1b]52;c;SE9TVElMRQ=="  # the clipboard sequence, shown as text


def test_no_room_writes_an_imported_files_escapes_to_the_terminal(
    app: App, welcomed: Path, tmp_path: Path
) -> None:
    app.run("import", str(export_file(tmp_path / "hostile.json", hostile_records())))
    raw = tmp_path / "terminal.bin"
    screen = app.open(record=raw)
    screen.wait_for("with Sam")
    # (The editor and the composer are covered in tests/trust/test_escapes.py.)
    screen.press("2")  # the Journal: the entry's title, tags and body
    screen.wait_for(f"Title {WRITTEN_OUT}")
    screen.press("3")  # Notes: the note's text and occasion
    screen.wait_for(f"Note {WRITTEN_OUT}")
    screen.press("4")  # the Dashboard
    screen.wait_for("Practices")
    screen.press("5")  # the Guide
    screen.wait_for(Content().steps[0].title)
    screen.press("1")  # Today: the promises and the milestone
    screen.wait_for(f"Promise {WRITTEN_OUT}")
    app.quit()

    written = raw.read_bytes()
    assert WRITTEN_OUT.encode() in written  # the words did reach the terminal, as text
    for marker in RAW_MARKERS:
        assert marker.encode() not in written, repr(marker)
