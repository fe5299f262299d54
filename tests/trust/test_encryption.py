"""Encryption at rest: nothing readable on disk, a wrong passphrase changes nothing,
a tampered file is refused, and turning it off gives back the very same files."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import orjson
import pytest
from textual.widgets import Input, Static

from hearthside.domain.records import Entry
from hearthside.domain.settings import Settings
from hearthside.errors import WrongPassphrase
from hearthside.paths import journal_files
from hearthside.services.drafts import Draft, pending_drafts, save_draft
from hearthside.store import atomic_storage as storage
from hearthside.store import conflicts
from hearthside.store.encryption import cipher, keys, sealing
from hearthside.store.restore import carry_out, plan_restore
from hearthside.store.store import Store
from hearthside.tui.app import make_app
from hearthside.tui.dialogs.unlock import UnlockScreen
from hearthside.tui.rooms.journal import JournalScreen
from tests.conftest import TODAY, Clock, run, stored
from tests.tui.conftest import SIZE, screen_text, settle

PASS = "correct-horse-battery"
# Words that only the journal holds: finding one in a file means plaintext on disk.
SECRETS = [b"riverbank", b"lanterns", b"Marigold", b"lighthouse", b"orchard"]


def build_journal(home: Path, clock: Clock, *, draft: bool = True) -> list[tuple[str, str]]:
    """Entries in two years' files, settings, a backup, a set-aside copy and a draft."""
    store = Store(home)
    store.save_settings(Settings(spouse_name="Marigold", welcomed=True))
    store.add(
        Entry(
            date="2025-06-01",
            title="Evening walk",
            body="We walked along the riverbank under lanterns",
            created="2025-06-01T20:00:00+00:00",
        )
    )
    store.add(Entry(date="2026-11-20", title="Apples", body="Picking apples in the orchard"))
    with clock.on(date(2000, 1, 2)):
        # Another day's first save keeps a backup of everything so far.
        store.add(Entry(date="2026-11-21", title="Later", body="Gone by the restore, orchard"))
    store.close()
    # Mending a damaged file sets it aside in replaced-…/: it is journal too.
    year_file(home, "2026").write_bytes(b'{"entries": {"3": {"body": "Gone by the restore, orchard')
    carry_out(plan_restore(home, keys.Keyring(), home / "backups" / "2000-01-02"), keys.Keyring())
    if draft:
        save_draft(
            home, Draft(key="entry-new", body="Unsent words about the lighthouse"), keys.Keyring()
        )
    reopened = Store(home)
    entries = sorted((e.id, e.body) for e in reopened.all(Entry))
    reopened.close()
    return entries


def leaks(home: Path, secrets: list[bytes] = SECRETS) -> list[str]:
    """Every file under ``home`` holding one of the secret words in the clear."""
    return sorted(
        str(p.relative_to(home))
        for p in home.rglob("*")
        if p.is_file() and any(word in p.read_bytes() for word in secrets)
    )


def every_byte(home: Path) -> dict[str, tuple[bytes, int]]:
    """The whole home: every file's bytes and time of change (the lock file's included)."""
    return {
        str(p.relative_to(home)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in home.rglob("*")
        if p.is_file()
    }


def encrypt(home: Path) -> None:
    result = run("encrypt", input=f"{PASS}\n{PASS}\n")
    assert result.exit_code == 0, result.output
    assert PASS not in result.output


def year_file(home: Path, year: str) -> Path:
    return next(p for p in journal_files(home) if year in p.name)


def test_encrypting_leaves_no_plaintext_on_disk_and_the_passphrase_opens_it(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    before = build_journal(private_home, clock)
    found = leaks(private_home)
    # The test can fail: before, the words are in the journal, a backup, the set-aside
    # copy and the draft.
    assert any(n.startswith("backups/") for n in found)
    assert any(n.startswith("replaced-") for n in found)
    assert "drafts/entry-new.json" in found

    encrypt(private_home)

    assert leaks(private_home) == []
    private = sealing.private_files(private_home)
    assert {p.name for p, _ in private} >= {"hearthside.json", "entry-new.json"}
    assert all(cipher.is_sealed(p.read_bytes()) for p, _ in private)
    assert all(p.stat().st_mode & 0o777 == 0o600 for p, _ in private)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)
    store = Store(private_home)
    assert sorted((e.id, e.body) for e in store.all(Entry)) == before
    assert store.settings().spouse_name == "Marigold"
    assert [d.body for d in pending_drafts(private_home, store.keys)] == [
        "Unsent words about the lighthouse"
    ]


def test_a_wrong_passphrase_is_refused_and_not_a_byte_changes(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    build_journal(private_home, clock)
    encrypt(private_home)
    before = every_byte(private_home)

    listed = run("list", input="not-the-passphrase\n")
    assert listed.exit_code == 2
    assert WrongPassphrase.MESSAGE in listed.output
    undone = run("decrypt", input="not-it-either\n")
    assert undone.exit_code == 2
    assert WrongPassphrase.MESSAGE in undone.output
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "a-guess-in-a-script")
    with pytest.raises(WrongPassphrase):
        Store(private_home)
    assert run("add", "words that must not land").exit_code == 2

    assert every_byte(private_home) == before


@pytest.mark.parametrize("where", ["magic", "key id", "nonce", "middle", "tag"])
def test_a_flipped_byte_in_an_encrypted_year_file_is_refused_by_name(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, where: str, clock: Clock
) -> None:
    build_journal(private_home, clock, draft=False)
    encrypt(private_home)
    target = year_file(private_home, "2025")
    raw = bytearray(target.read_bytes())
    offset = {
        "magic": 0,
        "key id": len(cipher.MAGIC),
        "nonce": len(cipher.MAGIC) + cipher.KEY_ID_SIZE,
        "middle": (cipher.HEADER_SIZE + len(raw)) // 2,
        "tag": len(raw) - 1,
    }[where]
    raw[offset] ^= 0x01
    target.write_bytes(bytes(raw))
    before = every_byte(private_home)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)

    listed = run("list", "-n", "50")
    assert listed.exit_code == 2
    assert str(target) in listed.output and "can't be read" in listed.output
    assert "Evening walk" not in listed.output
    assert every_byte(private_home) == before


def test_an_encrypted_file_put_in_place_of_another_is_refused(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    build_journal(private_home, clock, draft=False)
    encrypt(private_home)
    # The name is sealed in: last year's entries can't pass for this year's.
    this_year, last_year = year_file(private_home, "2026"), year_file(private_home, "2025")
    this_year.write_bytes(last_year.read_bytes())
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)
    listed = run("list")
    assert listed.exit_code == 2
    assert str(this_year) in listed.output and "changed or damaged" in listed.output


def test_a_plain_file_put_in_place_of_an_encrypted_one_is_refused(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    build_journal(private_home, clock, draft=False)
    encrypt(private_home)
    target = year_file(private_home, "2025")
    planted = {"entries": {"1": {"id": "f" * 32, "date": "2025-01-01", "body": "planted"}}}
    target.write_bytes(orjson.dumps(planted))
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)
    listed = run("list", "-n", "50")
    assert listed.exit_code == 2
    assert str(target) in listed.output and "not encrypted, though this journal is" in listed.output


def test_decrypt_gives_back_the_very_same_plain_files(private_home: Path, clock: Clock) -> None:
    entries = build_journal(private_home, clock)
    plain = {p: p.read_bytes() for p, _ in sealing.private_files(private_home)}
    encrypt(private_home)
    assert all(p.read_bytes() != data for p, data in plain.items())

    result = run("decrypt", input=f"{PASS}\n")
    assert result.exit_code == 0, result.output
    assert PASS not in result.output

    assert {p: p.read_bytes() for p, _ in sealing.private_files(private_home)} == plain
    assert not (private_home / keys.CONFIG_NAME).exists()
    assert sorted((e.id, e.body) for e in stored(private_home, Entry)) == entries


def test_a_passphrase_opens_only_the_stores_given_its_keyring(
    private_home: Path, clock: Clock
) -> None:
    build_journal(private_home, clock, draft=False)
    encrypt(private_home)
    unlocked = keys.Keyring()
    unlocked.unlock(private_home, PASS)  # as the app's unlock dialog does
    assert Store(private_home, unlocked).all(Entry)
    # Another part of the same process, handed no keys, can't read the journal.
    with pytest.raises(keys.Locked):
        Store(private_home)


def test_the_cli_asks_for_the_passphrase_when_none_is_set(private_home: Path, clock: Clock) -> None:
    build_journal(private_home, clock, draft=False)
    encrypt(private_home)
    listed = run("list", "-n", "50", input=f"{PASS}\n")
    assert listed.exit_code == 0, listed.output
    assert "Passphrase for the journal" in listed.output
    assert "Evening walk" in listed.output and "Apples" in listed.output
    assert PASS not in listed.output


async def test_the_app_asks_in_a_dialog_refuses_a_wrong_passphrase_then_opens(
    private_home: Path,
    clock: Clock,
) -> None:
    build_journal(private_home, clock, draft=False)
    encrypt(private_home)
    before = every_byte(private_home)
    app = make_app(home=private_home, today=TODAY, room="journal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert app.screen.query_one("#passphrase", Input).password
        await pilot.press("2")  # a room's key goes into the field, not to a room
        await pilot.press(*"wrong-guess", "enter")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        problem = str(app.screen.query_one("#unlock-problem", Static).render())
        assert WrongPassphrase.MESSAGE in problem
        assert every_byte(private_home) == before

        await pilot.press(*PASS, "enter")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
        shown = screen_text(app)
        assert "Evening walk" in shown and "Apples" in shown
        assert "Marigold" in str(app.sub_title)


async def test_leaving_the_dialog_quits_without_writing(private_home: Path, clock: Clock) -> None:
    build_journal(private_home, clock, draft=False)
    encrypt(private_home)
    before = every_byte(private_home)
    app = make_app(home=private_home, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0
    assert every_byte(private_home) == before


def test_no_plaintext_reaches_any_file_temp_files_included(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    build_journal(private_home, clock)
    encrypt(private_home)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)
    # Every byte Hearthside puts in a file passes through storage.stage: watch them all.
    staged: list[tuple[Path, bytes]] = []
    real_stage = storage.stage

    def watch(path: Path, data: bytes) -> tuple[Path, storage.Signature]:
        staged.append((path, data))
        return real_stage(path, data)

    monkeypatch.setattr(storage, "stage", watch)
    store = Store(private_home)
    for i in range(30):
        entry = store.add(Entry(date="2026-11-24", body=f"the lighthouse, take {i}"))
        entry.body += " and the orchard"
        store.save(entry)
        save_draft(
            private_home, Draft(key=f"entry-{i % 3}", body=f"lighthouse draft {i}"), store.keys
        )
    clock.today = date(2099, 1, 1)
    store.add(Entry(date="2026-11-25", body="lighthouse on a new day"))  # a new backup
    year = year_file(private_home, "2026")
    conflicts.keep_both(
        private_home, year.name, b'{"entries": {"1": {"body": "lighthouse"}}}', None, store.keys
    )

    assert len(staged) > 90
    for path, data in staged:
        assert not any(word in data for word in SECRETS), path
        if sealing.locate(path) is not None:
            assert cipher.is_sealed(data), path
    assert leaks(private_home) == []
    assert len(store.all(Entry)) == 33


KEEP_SAVING = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from hearthside.services.drafts import Draft, save_draft
    from hearthside.domain.records import Entry
    from hearthside.store.store import Store
    home = Path(sys.argv[1])
    store = Store(home)  # its keyring takes the passphrase from the environment
    print("ready", flush=True)
    i = 0
    while True:
        store.add(Entry(date="2026-11-24", body=f"lighthouse {i}"))
        save_draft(home, Draft(key="entry-new", body=f"lighthouse draft {i}"), store.keys)
        i += 1
    """
)


@pytest.mark.slow
def test_killed_mid_save_an_encrypted_journal_leaves_no_plaintext_behind(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    build_journal(private_home, clock)
    encrypt(private_home)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)
    rng = random.Random(8)
    for _ in range(10):
        child = subprocess.Popen(
            [sys.executable, "-c", KEEP_SAVING, str(private_home)],
            stdout=subprocess.PIPE,
            env={**os.environ},
        )
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.02, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        # Temp files left by the kill are there to look at, and hold only ciphertext.
        assert leaks(private_home) == []
        assert stored(private_home, Entry)


INTERRUPTED_ENCRYPT = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from hearthside.store.encryption import cipher, keys, sealing
    from hearthside.store.rekey import turn_on

    real_replace = Path.replace
    renamed = []

    def dies_on_the_third(self, target):
        if Path(target).name != keys.CONFIG_NAME and sealing.locate(Path(target)):
            renamed.append(Path(target).name)
            if len(renamed) == 3:
                os._exit(9)  # as if the power went
        return real_replace(self, target)

    Path.replace = dies_on_the_third
    turn_on(Path(sys.argv[1]), sys.argv[2])
    """
)


def test_an_interrupted_encrypt_still_opens_and_running_it_again_finishes(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    entries = build_journal(private_home, clock)
    child = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_ENCRYPT, str(private_home), PASS], check=False
    )
    assert child.returncode == 9
    cfg = keys.config_of(private_home)
    assert cfg is not None and cfg.state == keys.TURNING_ON
    private = [p.read_bytes() for p, _ in sealing.private_files(private_home)]
    assert any(cipher.is_sealed(b) for b in private) and not all(
        cipher.is_sealed(b) for b in private
    )
    temps = list(private_home.rglob(f"{storage.TEMP_PREFIX}*"))
    assert temps and all(cipher.is_sealed(t.read_bytes()) for t in temps)

    # Half done, it still opens, every record there.
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)
    assert sorted((e.id, e.body) for e in stored(private_home, Entry)) == entries
    monkeypatch.delenv(keys.PASSPHRASE_ENV)

    again = run("encrypt", input=f"{PASS}\n")
    assert again.exit_code == 0, again.output
    assert "not finished" in again.output
    assert leaks(private_home) == []
    assert not list(private_home.rglob(f"{storage.TEMP_PREFIX}*"))
    cfg = keys.config_of(private_home)
    assert cfg is not None and cfg.state == keys.ON
    assert "already encrypted" in run("encrypt").output


def test_exports_stay_plain_and_say_so(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    build_journal(private_home, clock, draft=False)
    plain = run("export", "--format", "txt")
    assert plain.exit_code == 0 and "not encrypted" not in plain.output
    encrypt(private_home)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)
    result = run("export", "--format", "txt")
    assert result.exit_code == 0, result.output
    assert "plain file, not encrypted" in result.output
    newest = max((private_home / "exports").iterdir(), key=lambda p: p.stat().st_mtime_ns)
    assert b"riverbank" in newest.read_bytes()


def test_doctor_says_whether_encryption_is_on(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    build_journal(private_home, clock, draft=False)
    assert "Encryption at rest is off" in run("doctor").output
    encrypt(private_home)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)
    checked = run("doctor")
    assert "Encryption at rest is on" in checked.output
    assert "journal file(s) checked (2 entries)" in checked.output


def test_a_short_passphrase_or_two_that_differ_change_nothing(
    private_home: Path, clock: Clock
) -> None:
    build_journal(private_home, clock, draft=False)
    before = every_byte(private_home)
    short = run("encrypt", input="short\nshort\n")
    assert short.exit_code == 2 and "at least" in short.output
    differ = run("encrypt", input=f"{PASS}\n{PASS}x\n")
    assert differ.exit_code != 0
    assert every_byte(private_home) == before
    assert not (private_home / keys.CONFIG_NAME).exists()


def test_the_settings_file_holds_no_secret_and_names_its_parameters(
    private_home: Path, clock: Clock
) -> None:
    build_journal(private_home, clock, draft=False)
    encrypt(private_home)
    settings = orjson.loads((private_home / keys.CONFIG_NAME).read_bytes())
    assert settings["kdf"]["name"] == "scrypt" and settings["kdf"]["n"] >= 2**15
    assert settings["cipher"] == "AES-256-GCM" and settings["state"] == "on"
    assert PASS.encode() not in (private_home / keys.CONFIG_NAME).read_bytes()


def test_restore_puts_back_a_backup_still_sealed(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    entries = build_journal(private_home, clock, draft=False)
    encrypt(private_home)
    damaged = year_file(private_home, "2026")
    damaged.write_bytes(damaged.read_bytes()[:-40])  # cut short
    backup = str(private_home / "backups" / "2000-01-02")
    restored = run("restore", "--yes", backup, input=f"{PASS}\n")
    assert restored.exit_code == 0, restored.output
    assert damaged.name in restored.output
    assert leaks(private_home) == []
    assert cipher.is_sealed(damaged.read_bytes())
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)
    assert sorted((e.id, e.body) for e in stored(private_home, Entry)) == entries


def test_the_editor_works_on_a_file_in_memory_for_an_encrypted_journal(
    private_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clock: Clock
) -> None:
    if not Path("/dev/shm").is_dir():
        pytest.skip("no /dev/shm here")
    build_journal(private_home, clock, draft=False)
    encrypt(private_home)
    seen = tmp_path / "seen"
    editor = tmp_path / "fake-editor"
    editor.write_text(f"#!/bin/sh\necho \"$1\" > '{seen}'\necho 'lighthouse at dusk' > \"$1\"\n")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PASS)
    monkeypatch.setattr("hearthside.cli.context.stdin_is_interactive", lambda: True)
    assert run("add").exit_code == 0
    used = Path(seen.read_text().strip())
    assert used.is_relative_to("/dev/shm") and not used.parent.exists()
    assert leaks(private_home) == []
    assert "lighthouse at dusk\n" in [e.body for e in stored(private_home, Entry)]
