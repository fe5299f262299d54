"""What Hearthside writes: whole files only, private modes only, and the last good backup kept."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from hearthside.domain.records import Entry
from hearthside.paths import journal_files
from hearthside.services.drafts import Draft, save_draft
from hearthside.store.backups import BACKUPS_KEPT, list_backups, rotate
from hearthside.store.encryption.keys import Keyring
from hearthside.store.store import Store
from tests.conftest import Clock, run

CRASH_BEFORE_RENAME = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from hearthside.domain.records import Entry
    from hearthside.store.store import Store
    store = Store(Path(sys.argv[1]))
    def crash(self, target):
        os._exit(9)  # the process dies after the temp file is written, before the rename
    Path.replace = crash
    store.add(Entry(date="2026-11-24", body="never reported saved"))
    """
)


def test_a_crash_between_temp_file_and_rename_leaves_the_old_file_whole(private_home: Path) -> None:
    store = Store(private_home)
    kept = store.add(Entry(date="2026-11-24", body="saved before"))
    before = {p.name: p.read_bytes() for p in journal_files(private_home)}
    child = subprocess.run([sys.executable, "-c", CRASH_BEFORE_RENAME, str(private_home)])
    assert child.returncode == 9
    assert {p.name: p.read_bytes() for p in journal_files(private_home)} == before
    assert list(private_home.glob(".hearthside-*.tmp")), "the crash should leave a temp file"
    reopened = Store(private_home)
    assert [e.id for e in reopened.all(Entry)] == [kept.id]
    assert not list(private_home.glob(".hearthside-*.tmp"))


def test_rotation_never_deletes_the_last_good_backup(private_home: Path, clock: Clock) -> None:
    store = Store(private_home)
    clock.today = date(2099, 1, 1)
    store.add(Entry(date="2026-11-24", body="x"))
    good = list_backups(private_home)[0]
    for day in range(2, BACKUPS_KEPT + 4):
        broken = good.parent / f"2099-01-{day:02d}"
        broken.mkdir()
        (broken / "hearthside.json").write_bytes(b"{torn")
    rotate(private_home, Keyring())
    remaining = list_backups(private_home)
    assert good in remaining
    assert len(remaining) == BACKUPS_KEPT + 1


def modes_under(home: Path) -> list[tuple[Path, int]]:
    return [(p, stat.S_IMODE(p.stat().st_mode)) for p in home.rglob("*")]


def test_everything_written_is_private(private_home: Path, clock: Clock) -> None:
    # A permissive umask must not leak: modes are set explicitly, not inherited.
    old = os.umask(0o022)
    try:
        assert run("add", "hello", "--tag", "x").exit_code == 0
        assert run("note", "gratitude", "Thank you for the tea this morning").exit_code == 0
        note_id = run("notes").output.split()[1]
        assert run("export", "--format", "html").exit_code == 0
        assert run("export", "--format", "md", "--split").exit_code == 0
        assert run("card", note_id, "--format", "html").exit_code == 0
        assert run("share", note_id).exit_code == 0
        save_draft(private_home, Draft(key="new-abc", body="unsaved words"), Keyring())
        clock.today = date(2099, 1, 1)
        assert run("log", "hug").exit_code == 0
    finally:
        os.umask(old)
    seen = modes_under(private_home)
    names = [str(p) for p, _ in seen]
    assert any("backups" in n for n in names) and any("exports" in n for n in names)
    assert any("drafts" in n for n in names) and any(n.endswith(".lock") for n in names)
    assert stat.S_IMODE(private_home.stat().st_mode) == 0o700
    for path, mode in seen:
        wanted = 0o700 if path.is_dir() else 0o600
        assert mode == wanted, f"{path} has mode {oct(mode)}"
