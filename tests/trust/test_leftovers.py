"""What a killed editor or a killed export leaves behind: offered back, cleaned up, and
never left readable once the journal is encrypted."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import TextArea

from hearthside.cli.main import cli
from hearthside.domain.records import Entry
from hearthside.store.encryption.keys import PASSPHRASE_ENV
from hearthside.store.store import Store
from hearthside.tui.app import make_app
from hearthside.tui.rooms.editor import EntryEditor
from tests.conftest import TODAY, run, stored
from tests.tui.conftest import SIZE, settle

PASS = "correct-horse-battery"
KEPT = "Words about the lighthouse, half written"


def script(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return path


# `add` with a terminal, whose editor writes some words, then the terminal goes away:
# the editor's parent (hearthside) is killed outright while the editor is open.
KILLED_ADD = textwrap.dedent(
    """
    import sys
    import hearthside.cli.context as context
    from hearthside.cli.main import cli
    context.stdin_is_interactive = lambda: True
    cli(["--home", sys.argv[1], "add"], prog_name="hearthside")
    """
)


@pytest.fixture
def killed_edit(welcomed: Path, tmp_path: Path) -> Path:
    editor = script(tmp_path / "dying-editor", f"printf '{KEPT}' > \"$1\"\nkill -KILL $PPID\n")
    child = subprocess.run(
        [sys.executable, "-c", KILLED_ADD, str(welcomed)],
        env={**os.environ, "EDITOR": str(editor)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == -9, child.stderr
    return welcomed


KILLED_EXPORT = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from hearthside.cli.main import cli
    def killed(self, target):
        os._exit(9)  # the export's temp file is written; the process dies before the rename
    Path.replace = killed
    cli(["--home", sys.argv[1], "export", "--format", "txt"], prog_name="hearthside")
    """
)


def kill_an_export(home: Path) -> list[Path]:
    store = Store(home)
    store.add(Entry(date="2026-11-20", body="A private evening by the orchard"))
    store.close()
    child = subprocess.run(
        [sys.executable, "-c", KILLED_EXPORT, str(home)], capture_output=True, check=False
    )
    assert child.returncode == 9
    left = list((home / "exports").glob(".hearthside-*.tmp"))
    assert left and b"orchard" in left[0].read_bytes()
    return left


def leaks(home: Path, words: tuple[bytes, ...] = (b"lighthouse", b"orchard")) -> list[str]:
    return sorted(
        str(p.relative_to(home))
        for p in home.rglob("*")
        if p.is_file() and any(w in p.read_bytes() for w in words)
    )


# -- offered back ------------------------------------------------------------------------


def test_add_offers_back_the_words_of_an_edit_that_was_killed(
    killed_edit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = tmp_path / "seen"
    editor = script(
        tmp_path / "editor", f"cat \"$1\" > '{seen}'\nprintf ' and finished.' >> \"$1\"\n"
    )
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr("hearthside.cli.context.stdin_is_interactive", lambda: True)
    added = run("add")
    assert added.exit_code == 0, added.output
    assert "earlier" in added.output and "kept" in added.output
    assert seen.read_text() == KEPT  # the editor opened on the kept words
    bodies = [e.body for e in stored(killed_edit, Entry)]
    assert bodies == [f"{KEPT} and finished."]
    assert not list((killed_edit / "drafts").glob("*"))


def test_add_with_text_mentions_the_kept_words_and_keeps_them(killed_edit: Path) -> None:
    added = run("add", "something else")
    assert added.exit_code == 0
    assert "earlier" in added.output and "hearthside add" in added.output
    assert list((killed_edit / "drafts").glob("edit-*"))


async def test_the_app_offers_back_the_words_of_an_edit_that_was_killed(
    killed_edit: Path,
) -> None:
    app = make_app(home=killed_edit, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "lighthouse" in str(app.screen.query_one(".dialog-question").render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryEditor)
        assert app.screen.query_one("#body", TextArea).text == KEPT
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [e.body for e in stored(killed_edit, Entry)] == [KEPT]
    assert not list((killed_edit / "drafts").glob("*"))


# -- cleaned up, reported, and never left plain by encrypt ---------------------------------


def test_a_killed_exports_temp_file_is_removed_at_the_next_start(private_home: Path) -> None:
    left = kill_an_export(private_home)
    assert run("list").exit_code == 0
    assert not any(p.exists() for p in left)


def test_doctor_reports_what_was_left_behind(killed_edit: Path) -> None:
    kill_an_export(killed_edit)
    doctor = run("doctor")
    assert "drafts" in doctor.output and "earlier edit" in doctor.output
    assert "exports" in doctor.output and "unfinished" in doctor.output


def test_encrypt_encrypts_or_removes_every_plaintext_leftover_and_says_which(
    killed_edit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kill_an_export(killed_edit)
    assert leaks(killed_edit)
    encrypted = run("encrypt", input=f"{PASS}\n{PASS}\n")
    assert encrypted.exit_code == 0, encrypted.output
    assert "draft" in encrypted.output and "earlier edit" in encrypted.output
    assert "removed" in encrypted.output and "unfinished" in encrypted.output
    assert leaks(killed_edit) == []
    # Still offered back once unlocked; the editor gets the words in memory only.
    if not Path("/dev/shm").is_dir():
        return
    seen = tmp_path / "seen"
    monkeypatch.setenv("EDITOR", str(script(tmp_path / "editor", f"cat \"$1\" > '{seen}'\n")))
    monkeypatch.setenv(PASSPHRASE_ENV, PASS)
    monkeypatch.setattr("hearthside.cli.context.stdin_is_interactive", lambda: True)
    assert run("add").exit_code == 0
    assert seen.read_text() == KEPT
    assert KEPT in [e.body for e in stored(killed_edit, Entry)]
    assert leaks(killed_edit) == []
    assert not list((killed_edit / "drafts").glob("edit-*"))


def test_encrypting_an_encrypted_journal_still_deals_with_a_plain_leftover(
    private_home: Path,
) -> None:
    store = Store(private_home)
    store.add(Entry(date="2026-11-20", body="x"))
    store.close()
    assert run("encrypt", input=f"{PASS}\n{PASS}\n").exit_code == 0
    drafts = private_home / "drafts"
    drafts.mkdir(exist_ok=True)
    (drafts / "edit-entry-0123456789ab.md").write_text("lighthouse words put back by hand")
    doctor = CliRunner(env={PASSPHRASE_ENV: PASS}).invoke(cli, ["doctor"])
    assert doctor.exit_code == 1 and "not encrypted" in doctor.output
    again = run("encrypt", input=f"{PASS}\n")
    assert again.exit_code == 0, again.output
    assert leaks(private_home) == []
