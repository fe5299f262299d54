"""A file from someone else can't drive the terminal: escape sequences in its words are
shown as harmless text by every command and every room, and the fields that have a
fixed form (dates, kinds, statuses, tags, repeats) refuse them at the door."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest
from textual.app import App

from hearthside.domain.settings import Settings
from hearthside.store.store import Store
from tests.conftest import TODAY, disk_state
from tests.e2e.tmux import hearthside_command
from tests.trust.hostile import (
    HOSTILE,
    PAYLOADS,
    RAW_MARKERS,
    export_file,
    hostile_records,
    ids,
    stamped,
)


def in_a_terminal(home: Path, *args: str) -> tuple[int, str]:
    """Run the installed command with a pty as its terminal; its status and every byte
    it wrote there (stdout and stderr both), decoded."""
    primary, secondary = os.openpty()
    env = {**os.environ, "HEARTHSIDE_HOME": str(home), "TERM": "xterm-256color"}
    try:
        process = subprocess.Popen(
            [str(hearthside_command()), "--home", str(home), *args],
            stdin=secondary,
            stdout=secondary,
            stderr=secondary,
            env=env,
            start_new_session=True,
        )
    finally:
        os.close(secondary)
    chunks = []
    try:
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: every copy of the terminal's other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
    status = process.wait(timeout=60)
    # The terminal turns each newline into CR LF; any other CR came from the program.
    return status, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def controls_in(text: str) -> list[str]:
    """Control characters a terminal would act on: C0 but newline and tab, DEL, C1."""
    return [
        repr(ch) for ch in text if (ord(ch) < 0x20 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F
    ]


def with_escapes(value: str) -> str:
    """A well-formed value with escape sequences after it, as a hostile file would send."""
    return value + PAYLOADS["title"]


# Fields with a fixed form: each must refuse an escape sequence, or the CLI and the
# app would have to print it raw (a note's kind and status are printed as they are).
FIXED_FORM = [
    ("entries", "date"),
    ("entries", "tags"),
    ("entries", "created"),
    ("notes", "kind"),
    ("notes", "status"),
    ("notes", "date"),
    ("notes", "delivered_at"),
    ("practice_logs", "practice"),
    ("checkins", "ratings"),
    ("commitments", "due"),
    ("commitments", "every"),
    ("milestones", "kind"),
    ("pauses", "end"),
]


def spoiled(kind: str, field: str) -> dict[str, list[dict[str, Any]]]:
    records = hostile_records(text="plain words")
    record = records[kind][-1]
    if field == "tags":
        record[field] = ["walk" + PAYLOADS["clear"]]
    elif field == "ratings":
        record[field] = {with_escapes("thin-talk"): 1}
    elif field == "every":
        record[field] = "FREQ=WEEKLY\r\n" + PAYLOADS["clear"]
    elif field == "delivered_at":
        record[field] = with_escapes(record["created"])
    else:
        record[field] = with_escapes(str(record.get(field) or "2026-11-24"))
    return records


@pytest.mark.parametrize(("kind", "field"), FIXED_FORM)
def test_a_fixed_form_field_carrying_escapes_is_refused_and_nothing_changes(
    private_home: Path, tmp_path: Path, kind: str, field: str
) -> None:
    Store(private_home).save_settings(Settings(welcomed=True))
    before = disk_state(private_home)
    path = export_file(tmp_path / "bad.json", spoiled(kind, field))
    status, printed = in_a_terminal(private_home, "import", str(path))
    assert status == 2, printed
    assert "Nothing was imported" in printed and repr(field) in printed
    assert not controls_in(printed), printed
    assert disk_state(private_home) == before


def test_every_command_prints_an_imported_files_escapes_as_harmless_text(
    private_home: Path, tmp_path: Path
) -> None:
    records = hostile_records()
    path = export_file(tmp_path / "hostile.json", records)
    status, printed = in_a_terminal(private_home, "import", str(path))
    assert status == 0, printed
    more = export_file(tmp_path / "more.json", hostile_records())
    entry, note = ids(records, "entries")[0], ids(records, "notes")[0]
    once, weekly = ids(records, "commitments")
    commands: list[Sequence[str]] = [
        ["list"],
        ["search", "Body"],
        ["show", entry],
        ["notes"],
        ["notes", "--kind", "gratitude", "--undelivered"],
        ["pauses"],
        ["import", "--dry-run", str(more)],
        ["upcoming", "--days", "30"],
        ["stats"],
        ["checkin", "--rate", "1=1"],
        ["done", once],
        ["missed", weekly],
        ["share", note, "--from", "Alex"],
        ["card", note, "-f", "txt"],
        ["note", "deliver", note, "--how", "aloud"],
        ["export", "-f", "md"],
        ["doctor"],
        ["log", "hug"],
        ["show", "nothing-like-it"],
        ["done", "nothing-like-it"],
    ]
    seen = []
    for args in commands:
        status, printed = in_a_terminal(private_home, *args)
        assert status in (0, 2), (args, printed)
        assert "Traceback" not in printed, (args, printed)
        assert not controls_in(printed), (args, printed)
        seen.append(printed)
    everything = "\n".join(seen)
    for marker in ("Title", "Note", "Promise", "Weekly", "Milestone", "Pause"):
        # The words arrived, their escapes written out where a person can see them.
        assert f"{marker} \\x1b]52;c;SE9TVElMRQ==\\x07" in everything, marker


def test_a_shared_bundle_from_a_name_with_escapes_is_refused(
    private_home: Path, tmp_path: Path
) -> None:
    bundle = {
        "format": "hearthside-share",
        "version": 1,
        "from": "Alex" + PAYLOADS["title"],
        "records": {"notes": [stamped(kind="gratitude", text="Thank you", date="2026-11-24")]},
    }
    path = tmp_path / "notes.json"
    path.write_bytes(orjson.dumps(bundle))
    status, printed = in_a_terminal(private_home, "import", str(path))
    assert status == 2 and "'from'" in printed, printed
    assert not controls_in(printed)


def test_the_cli_says_everything_through_one_sanitiser(capsys: pytest.CaptureFixture[str]) -> None:
    from hearthside.cli.context import say

    say(f"a line {HOSTILE}\n\tindented")
    printed = capsys.readouterr().out
    assert not controls_in(printed) and "\n\tindented" in printed
    assert "\\x1b]0;PWNED\\x07" in printed and "\\x9b2J" in printed


# -- the full-screen app ---------------------------------------------------------------


def terminal_bytes(app: App[None]) -> str:
    """What the app would write to the terminal to paint its whole screen now."""
    return str(app.screen._compositor.render_full_update().render_segments(app.console))


async def test_no_room_writes_an_imported_files_escapes_to_the_terminal(
    welcomed: Path, tmp_path: Path
) -> None:
    from textual.widgets import TextArea

    from hearthside.services.exchange.importing.importer import import_file
    from hearthside.tui.app import make_app

    store = Store(welcomed)
    import_file(store, export_file(tmp_path / "hostile.json", hostile_records()))
    store.close()
    app = make_app(home=welcomed, today=TODAY)
    painted = []
    async with app.run_test(size=(120, 40)) as pilot:
        for room in "12345":
            await pilot.press(room)
            await pilot.pause()
            painted.append(terminal_bytes(app))
        await pilot.press("2", "e")  # the entry, in the editor
        await pilot.pause()
        assert "Body" in app.screen.query_one("#body", TextArea).text
        painted.append(terminal_bytes(app))
        await pilot.press("escape", "3", "e")  # the note, in the composer
        await pilot.pause()
        painted.append(terminal_bytes(app))
        await pilot.press("escape")
        await pilot.pause()
    everything = "\n".join(painted)
    for marker in RAW_MARKERS:
        assert marker not in everything, repr(marker)
    assert "\\x1b]52;c;SE9TVElMRQ==\\x07" in everything
