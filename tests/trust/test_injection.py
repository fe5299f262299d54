"""Markup, escapes and odd text go through every field, every output, every export: shown
literally, nothing runs, nothing crashes, and no raw escape reaches the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hearthside.domain.records import Entry, Moment, Note
from hearthside.domain.settings import Settings
from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note
from hearthside.services.pauses import add_pause
from hearthside.services.plans import add_commitment, add_milestone
from hearthside.services.practices import add_moment, log_practice
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY, run, stored

CORPUS = [
    "[b]x[/b]",
    "[/ then",
    "[@click=app.quit]y[/]",
    "\\[",
    "[sad]",
    "[red",
    "\x1b[31mred\x1b[0m and \x1b]0;title\x07",
    "bell\x07 nul-free ctrl\x01\x7f",
    "שלום עליכם and مرحبا",
    "emoji 💛🫶🏽 family 👩‍👩‍👧",
]
MARKUP = [t for t in CORPUS if "\x1b" not in t and "\x07" not in t and "\x01" not in t]


def seed(home: Path) -> None:
    store, content = Store(home), Content()
    store.save_settings(Settings(spouse_name="Sam [b]x[/b]", welcomed=True))
    for i, text in enumerate(CORPUS):
        day = f"2026-11-{10 + i:02d}"
        add_entry(
            store, title=f"T{i} {text}", body=f"B{i} {text}", tags=["odd"], day=day, today=TODAY
        )
        add_note(
            store,
            content,
            kind="gratitude",
            text=f"N{i} {text}",
            occasion=text,
            day=day,
            today=TODAY,
        )
        add_moment(store, i % 2 == 0, f"M{i} {text}", day=day, today=TODAY)
        log_practice(store, content, "hug", note=f"L{i} {text}", day=day, today=TODAY)
        add_commitment(store, f"C{i} {text}", due="2026-11-25", today=TODAY)
        add_milestone(store, content, f"S{i} {text}", day="2026-11-30", today=TODAY)
    add_pause(store, "2026-10-01", "2026-10-03", reason=CORPUS[0], today=TODAY)


def test_the_cli_prints_user_text_literally_and_never_raw_escapes(private_home: Path) -> None:
    seed(private_home)
    outputs = []
    for args in (
        ["list", "-n", "50"],
        ["search", "odd"],
        ["notes"],
        ["upcoming"],
        ["stats"],
        ["pauses"],
    ):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        outputs.append(result.output)
    entry_id = run("list", "-n", "1").output.split()[1]
    outputs.append(run("show", entry_id).output)
    printed = "\n".join(outputs)
    assert "\x1b" not in printed and "\x07" not in printed and "\x01" not in printed
    for text in MARKUP:
        assert text in printed, text
    assert "\\x1b[31mred" in printed


@pytest.mark.parametrize("fmt", ["md", "txt", "json", "html", "ics"])
def test_every_export_keeps_the_text_and_runs_nothing(private_home: Path, fmt: str) -> None:
    seed(private_home)
    result = run("export", "--format", fmt, "--include-private")
    assert result.exit_code == 0, result.output
    [written] = list((private_home / "exports").iterdir())
    text = written.read_text(encoding="utf-8")
    if fmt == "html":
        assert "<script" not in text.lower() and "[@click=app.quit]y[/]" in text
    elif fmt == "ics":
        assert "C0 [b]x[/b]" in text
    else:
        assert "[@click=app.quit]y[/]" in text and "שלום עליכם" in text


async def test_every_room_shows_odd_text_literally_and_keeps_running(private_home: Path) -> None:
    from textual.widgets import TextArea

    from hearthside.tui.app import make_app

    seed(private_home)
    store = Store(private_home)
    big = "a long line " * 80_000  # just under a megabyte in one entry
    add_entry(store, title="big", body=big, day="2026-11-24", today=TODAY)
    app = make_app(home=private_home, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        for room in "12345":
            await pilot.press(room)
            await pilot.pause()
            assert app.is_running
            svg = app.export_screenshot()
            assert "\x1b" not in svg and "\x07" not in svg
        await pilot.press("2", "e")  # the newest entry, in the editor
        await pilot.pause()
        assert app.screen.query_one("#body", TextArea).text.startswith("a long line")
        await pilot.press("escape", "3", "e")  # the newest note, in the composer
        await pilot.pause()
        assert app.screen.query_one("#note-text", TextArea).text.startswith("N9 ")
        await pilot.press("escape")
        await pilot.pause()
        assert "with Sam [b]x[/b]" in app.sub_title
        assert app.is_running
    assert {e.title for e in stored(private_home, Entry)} >= {
        f"T{i} {t}" for i, t in enumerate(CORPUS)
    }
    assert len(stored(private_home, Note)) == len(CORPUS)
    assert len(stored(private_home, Moment)) == len(CORPUS)


def test_unicode_round_trips_under_a_c_locale_with_crlf_and_long_lines(private_home: Path) -> None:
    env = dict(os.environ, LANG="C", LC_ALL="C", HEARTHSIDE_HOME=str(private_home))
    env.pop("PYTHONIOENCODING", None)
    hearthside = [sys.executable, "-m", "hearthside"]
    text = "Dear 💛 שלום\r\nsecond line\r\n" + "x" * 200_000 + "\r\n"
    added = subprocess.run([*hearthside, "add"], input=text.encode(), env=env, capture_output=True)
    assert added.returncode == 0, added.stderr
    [entry] = stored(private_home, Entry)
    assert entry.body == text.replace("\r\n", "\n")
    shown = subprocess.run([*hearthside, "show", entry.id], env=env, capture_output=True)
    assert shown.returncode == 0
    assert "Dear 💛 שלום\nsecond line\n" in shown.stdout.decode("utf-8")
