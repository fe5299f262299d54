"""`restore` mends what is damaged and nothing else, only from whole backups, asks first,
and a kill at any moment of it loses nothing."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from hearthside.domain.records import Entry, Note
from hearthside.paths import backups_dir, database_path
from hearthside.store.store import Store
from tests.conftest import Clock, disk_state, run
from tests.trust.kill_points import KILLED, run_until_step


@dataclass
class Journal:
    home: Path
    in_backup: set[str]  # the entries the backup of 2099-01-02 holds
    todays_entry: str  # written after that backup: only in the live entries file
    notes: set[str]  # every note, today's included

    @property
    def entries(self) -> Path:
        return next(self.home.glob("hearthside-*-entries.json"))

    @property
    def backup(self) -> Path:
        return backups_dir(self.home) / "2099-01-02"


def build(home: Path, clock: Clock) -> Journal:
    """53 entries and a note on day one; day two's first save backs them up, then a note
    and an entry are written that only the live files hold."""
    store = Store(home)
    with clock.on(date(2099, 1, 1)):
        kept = store.add_many(Entry(date="2026-11-20", body=f"entry {i}") for i in range(53))
        first = store.add(Note(kind="gratitude", text="thank you", date="2026-11-20"))
    with clock.on(date(2099, 1, 2)):
        second = store.add(Note(kind="gratitude", text="today's thanks", date="2026-11-21"))
        todays = store.add(Entry(date="2026-11-21", body="today's entry"))
    store.close()
    return Journal(home, {e.id for e in kept}, todays.id, {first.id, second.id})


@pytest.fixture
def journal(private_home: Path, clock: Clock) -> Journal:
    return build(private_home, clock)


def ids(home: Path, cls: type[Entry] | type[Note]) -> set[str]:
    store = Store(home)
    try:
        return {r.id for r in store.all(cls, include_deleted=True)}
    finally:
        store.close()


# -- 7 (a) and (b): whole backups only, damaged files only ---------------------------------


def test_a_backup_cut_short_by_a_crash_is_never_used(journal: Journal) -> None:
    partial = backups_dir(journal.home) / "2099-01-03.partial"
    partial.mkdir()
    shutil.copy(database_path(journal.home), partial / "hearthside.json")
    journal.entries.write_bytes(b"{torn")
    advice = run("list")
    assert advice.exit_code == 2
    assert "2099-01-02" in advice.output and "partial" not in advice.output
    restored = run("restore", "--yes")
    assert restored.exit_code == 0, restored.output
    assert "2099-01-02" in restored.output and "partial" not in restored.output
    assert ids(journal.home, Entry) == journal.in_backup


def test_only_the_damaged_file_is_put_back_and_todays_other_records_stay(
    journal: Journal,
) -> None:
    journal.entries.write_bytes(b"{torn")
    restored = run("restore", "--yes")
    assert restored.exit_code == 0, restored.output
    assert ids(journal.home, Entry) == journal.in_backup
    assert ids(journal.home, Note) == journal.notes  # today's note was in a file that was fine
    doctor = run("doctor")
    assert doctor.exit_code == 0, doctor.output


def test_an_incomplete_or_damaged_backup_is_passed_over_for_an_older_whole_one(
    journal: Journal,
) -> None:
    newer = backups_dir(journal.home) / "2099-01-03"
    shutil.copytree(journal.backup, newer)
    next(newer.glob("*-entries.json")).unlink()  # listed by its main file, but not there
    newest = backups_dir(journal.home) / "2099-01-04"
    shutil.copytree(journal.backup, newest)
    next(newest.glob("*-notes.json")).write_bytes(b'{"notes": {"1": {"id"')  # cut short
    journal.entries.write_bytes(b"")
    restored = run("restore", "--yes")
    assert restored.exit_code == 0, restored.output
    assert "2099-01-02" in restored.output
    assert ids(journal.home, Entry) == journal.in_backup


def test_restore_says_what_it_will_replace_and_asks(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.entries.write_bytes(b"{torn")
    before = disk_state(journal.home)
    monkeypatch.setattr("hearthside.cli.context.stdin_is_interactive", lambda: True)
    declined = run("restore", input="n\n")
    assert declined.exit_code == 0, declined.output
    text = declined.output
    assert journal.entries.name in text and "2099-01-02" in text
    assert "53 entries" in text and "can't be read" in text
    assert "Nothing was changed" in text
    assert disk_state(journal.home) == before
    accepted = run("restore", input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert ids(journal.home, Entry) == journal.in_backup
    kept = next(journal.home.glob("replaced-*"))
    assert (kept / journal.entries.name).read_bytes() == b"{torn"


def test_without_a_terminal_restore_needs_yes(journal: Journal) -> None:
    journal.entries.write_bytes(b"{torn")
    before = disk_state(journal.home)
    refused = run("restore")
    assert refused.exit_code == 2
    assert "--yes" in refused.output and "Nothing was changed" in refused.output
    assert disk_state(journal.home) == before


def test_a_healthy_journal_is_left_alone(journal: Journal) -> None:
    before = disk_state(journal.home)
    for args in (["restore", "--yes"], ["restore", "--yes", str(journal.backup)]):
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert "nothing to restore" in result.output
    assert disk_state(journal.home) == before
    assert journal.todays_entry in ids(journal.home, Entry)


# -- 7 (c): a missing file is noticed; a kill during restore loses nothing ------------------


def test_a_missing_journal_file_is_noticed_and_restored(journal: Journal) -> None:
    name = journal.entries.name
    journal.entries.unlink()
    listed = run("list")
    assert listed.exit_code == 2 and name in listed.output and "missing" in listed.output
    doctor = run("doctor")
    assert doctor.exit_code == 1 and name in doctor.output and "missing" in doctor.output
    assert run("add", "words").exit_code == 2
    restored = run("restore", "--yes")
    assert restored.exit_code == 0, restored.output
    assert ids(journal.home, Entry) == journal.in_backup


def test_a_file_no_backup_holds_is_set_aside_only_when_asked(journal: Journal) -> None:
    store = Store(journal.home)
    store.add(Entry(date="2024-05-05", body="an old entry", created="2024-05-05T09:00:00+00:00"))
    store.close()
    old = journal.home / "hearthside-2024-entries.json"
    old.write_bytes(b"{torn")
    restored = run("restore", "--yes")
    assert restored.exit_code == 0, restored.output
    assert old.name in restored.output and "no backup" in restored.output
    assert not old.exists()
    assert (next(journal.home.glob("replaced-*")) / old.name).read_bytes() == b"{torn"
    assert run("doctor").exit_code == 0
    assert run("add", "after it").exit_code == 0


def kill_restore_at_every_step(journal: Journal, tmp_path: Path, every: int) -> int:
    journal.entries.write_bytes(b"{torn")
    pristine = tmp_path / "pristine"
    shutil.copytree(journal.home, pristine)
    stop, killed = 1, 0
    while True:
        shutil.rmtree(journal.home)
        shutil.copytree(pristine, journal.home)
        child = run_until_step(stop, journal.home, "restore", "--yes")
        if child.returncode == 0:
            return killed
        assert child.returncode == KILLED, child.stderr
        killed += 1
        # Between the kill and the next run: never an emptied journal that looks fine.
        listed = run("list", "-n", "1000")
        if listed.exit_code == 0:
            assert len(listed.output.splitlines()) in (len(journal.in_backup),)
        again = run("restore", "--yes")
        assert again.exit_code == 0, f"step {stop}: {again.output}"
        assert ids(journal.home, Entry) == journal.in_backup, f"step {stop}"
        assert ids(journal.home, Note) == journal.notes, f"step {stop}"
        assert run("doctor").exit_code == 0, f"step {stop}"
        stop += every


def test_a_kill_during_restore_then_restoring_again_loses_nothing(
    journal: Journal, tmp_path: Path
) -> None:
    assert kill_restore_at_every_step(journal, tmp_path, every=2) >= 3


@pytest.mark.slow
def test_a_kill_at_every_step_of_restore_loses_nothing(journal: Journal, tmp_path: Path) -> None:
    assert kill_restore_at_every_step(journal, tmp_path, every=1) >= 8


# -- 7 (d): exports stay out of the journal folder ----------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "json", "-o", "{home}"],
        ["export", "--format", "json", "-o", "{home}/hearthside-2026-11-25.json"],
        ["export", "--format", "md", "--split", "-o", "{home}/words"],
        ["export", "--format", "md", "-o", "{home}/backups"],
        ["card", "{note}", "-o", "{home}/card.txt"],
        ["share", "{note}", "-o", "{home}/shared"],
    ],
)
def test_exports_never_go_inside_the_journal_folder(journal: Journal, args: list[str]) -> None:
    note = next(iter(journal.notes))
    before = sorted(p.name for p in journal.home.iterdir())
    given = [a.format(home=journal.home, note=note) for a in args]
    result = run(*given)
    assert result.exit_code == 2, result.output
    assert "journal folder" in result.output and "exports" in result.output
    assert sorted(p.name for p in journal.home.iterdir()) == before


def test_exports_may_go_in_the_exports_folder(journal: Journal) -> None:
    target = journal.home / "exports" / "mine.json"
    target.parent.mkdir(exist_ok=True)
    assert run("export", "--format", "json", "-o", str(target)).exit_code == 0
    assert target.exists()


def test_a_stray_file_named_like_an_export_is_not_a_journal_file(journal: Journal) -> None:
    (journal.home / "hearthside-2026-11-25.json").write_text('{"format": "hearthside"}')
    assert run("doctor").exit_code == 0
    assert run("list").exit_code == 0


def test_the_main_file_is_not_the_only_record_of_what_exists(journal: Journal) -> None:
    # The list of files lives in the main file; a damaged main file is mended from the
    # backup without forgetting the files written since.
    database_path(journal.home).write_bytes(b"")
    restored = run("restore", "--yes")
    assert restored.exit_code == 0, restored.output
    assert journal.todays_entry in ids(journal.home, Entry)
    journal.entries.unlink()
    assert run("doctor").exit_code == 1
