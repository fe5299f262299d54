"""`hearthside sync-setup` and doctor: a synced journal folder keeps each computer's own files."""

from __future__ import annotations

import fnmatch
import shutil
from pathlib import Path

from hearthside.domain.records import Entry
from hearthside.paths import journal_files
from hearthside.services.crash_reports import write_report
from hearthside.services.drafts import Draft, save_draft
from hearthside.services.sync_setup import BEGIN, per_computer
from hearthside.store.encryption.keys import Keyring
from hearthside.store.store import Store
from tests.conftest import run

SYNCTHING_COPY = "hearthside-2026-entries.sync-conflict-20261124-213005-7QKJ2PD.json"


def doctor_lines(home: Path) -> list[str]:
    return [line for line in run("doctor").output.splitlines() if "synced" in line]


def test_sync_setup_writes_syncthings_list_once(private_home: Path) -> None:
    first = run("sync-setup")
    assert first.exit_code == 0, first.output
    stignore = private_home / ".stignore"
    written = stignore.read_text()
    assert written.startswith(BEGIN)
    for pattern in ("/.lock", "/drafts", "/backups", "/conflicts", "/crash-reports", "/.written"):
        assert f"\n{pattern}\n" in written
    assert "run `hearthside sync-setup` on the other computer too" in first.output
    # What to leave out with other tools is printed, each with its reason.
    assert "With another sync tool (Nextcloud, Dropbox…)" in first.output
    assert "drafts" in first.output and "this computer's daily backups" in first.output

    again = run("sync-setup")
    assert again.exit_code == 0 and "Nothing was changed." in again.output
    assert stignore.read_text() == written


def test_sync_setup_keeps_the_persons_own_lines_and_updates_its_own(private_home: Path) -> None:
    private_home.mkdir(parents=True)
    stignore = private_home / ".stignore"
    stignore.write_text(
        f"// mine\n*.bak\n{BEGIN}\n/.lock\n// End of Hearthside's list.\nexports/old\n"
    )
    assert run("sync-setup").exit_code == 0
    text = stignore.read_text()
    assert text.startswith("// mine\n*.bak\n" + BEGIN) and text.endswith("exports/old\n")
    assert text.count(BEGIN) == 1 and "\n/backups\n" in text


def test_the_list_covers_every_file_hearthside_keeps_per_computer(private_home: Path) -> None:
    Store(private_home).add(Entry(date="2026-11-24", body="one"))
    # A sync tool's conflict copy is merged: both versions are kept in conflicts/.
    other = private_home.parent / "other"
    shutil.copytree(private_home, other)
    Store(other).add(Entry(date="2026-11-24", body="two"))
    shutil.copy(journal_files(other)[-1], private_home / SYNCTHING_COPY)
    store = Store(private_home)
    save_draft(private_home, Draft(key="entry-new", body="unsaved words"), Keyring())
    write_report(private_home, ValueError("boom"))
    store.close()

    patterns = [pattern.lstrip("/") for pattern, _why in per_computer(private_home)]
    travelling = {p.name for p in journal_files(private_home)}
    left = [
        p.name
        for p in private_home.iterdir()
        if p.name not in travelling and not any(fnmatch.fnmatch(p.name, pat) for pat in patterns)
    ]
    assert left == []
    assert {"conflicts", "drafts", "backups", "crash-reports", ".lock", ".written"} <= {
        p.name for p in private_home.iterdir()
    }


def test_doctor_asks_for_sync_setup_in_a_synced_folder_without_it(private_home: Path) -> None:
    Store(private_home).add(Entry(date="2026-11-24", body="one"))
    assert doctor_lines(private_home) == []
    (private_home / ".stfolder").mkdir()
    result = run("doctor")
    assert result.exit_code == 1
    assert "!!  The journal folder looks synced (Syncthing)" in result.output
    assert "Run `hearthside sync-setup`" in result.output

    run("sync-setup")
    result = run("doctor")
    assert result.exit_code == 0, result.output
    assert "ok  The journal folder is synced, and its .stignore keeps" in result.output


def test_doctor_sees_a_conflict_copy_or_a_dropbox_folder_above(
    private_home: Path, tmp_path: Path, monkeypatch: object
) -> None:
    Store(private_home).add(Entry(date="2026-11-24", body="one"))
    (private_home / SYNCTHING_COPY).write_bytes(b"not yet")
    assert "a sync tool's conflict copy" in run("doctor").output
    (private_home / SYNCTHING_COPY).unlink()
    (tmp_path / ".dropbox").write_text("{}")
    assert "looks synced (Dropbox)" in run("doctor").output


def test_doctor_says_when_syncthing_shares_a_folder_above_the_journal(
    private_home: Path, tmp_path: Path
) -> None:
    Store(private_home).add(Entry(date="2026-11-24", body="one"))
    (tmp_path / ".stfolder").mkdir()
    output = run("doctor").output
    assert f"Syncthing shares {tmp_path}, a folder above the journal" in output
    assert "a folder above the journal" in run("sync-setup").output
