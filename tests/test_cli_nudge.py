"""`hearthside nudge` as a person sets it up: one line or none, in a shell or by a timer."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from hearthside.domain.records import Commitment, Review
from hearthside.paths import database_path, lock_path
from hearthside.services import nudge_timer
from hearthside.store.locking import FileLock
from hearthside.store.store import Store
from tests.conftest import Clock, run

PASS = "correct horse battery staple"


@pytest.fixture
def promised(welcomed: Path, clock: Clock) -> Path:
    """A journal with a promise due today (Wednesday 25 November)."""
    run("commit", "Fix the gate", "--due", "today")
    return welcomed


def nudged() -> str:
    said = run("nudge")
    assert said.exit_code == 0
    return said.output


# -- each reason, and silence --------------------------------------------------------


def test_a_quiet_day_says_nothing(welcomed: Path, clock: Clock) -> None:
    assert nudged() == ""


def test_a_promise_due_today(promised: Path) -> None:
    assert nudged() == "A promise for today: Fix the gate.\n"


def test_a_promise_done_or_due_another_day_says_nothing(welcomed: Path, clock: Clock) -> None:
    run("commit", "Book the table", "--due", "tomorrow")
    run("commit", "Fix the gate", "--due", "today")
    run("done", stored_id(welcomed, "Fix the gate"))
    assert nudged() == ""


def stored_id(home: Path, title: str) -> str:
    store = Store(home)
    try:
        return next(c.short_id for c in store.all(Commitment) if c.title == title)
    finally:
        store.close()


def test_a_milestone_tomorrow(welcomed: Path, clock: Clock) -> None:
    run("milestone", "Sam's birthday", "--date", "1990-11-26", "--kind", "birthday")
    assert nudged() == "Tomorrow: Sam's birthday. There's still today to get ready.\n"


def test_the_review_after_eight_in_the_evening(welcomed: Path, clock: Clock) -> None:
    clock.time_of_day = time(19, 30)
    assert nudged() == ""
    clock.time_of_day = time(20, 5)
    assert nudged().startswith("Today's review is waiting")
    store = Store(welcomed)
    store.add(Review(date=clock.today.isoformat(), completed=True))
    store.close()
    assert nudged() == ""


def test_no_affection_in_two_days(welcomed: Path, clock: Clock) -> None:
    run("log", "hug", "--date", "2026-11-22")
    assert nudged() == "No hug logged since Sunday; one tonight, maybe?\n"
    run("log", "kiss", "--date", "yesterday")
    assert nudged() == ""


def test_days_away_quiet_the_hug_reminder(welcomed: Path, clock: Clock) -> None:
    run("log", "hug", "--date", "2026-11-20")
    run("pause", "2026-11-24", "2026-11-27", "--reason", "Work trip")
    assert nudged() == ""


def test_the_weekly_talk_on_the_weeks_last_day_once_one_was_ever_held(
    welcomed: Path, clock: Clock
) -> None:
    sunday = date(2026, 11, 29)  # the last day of a Monday-first week
    with clock.on(sunday):
        assert nudged() == ""  # never held one: no new ask
    run("weekly", "--held", "--date", "2026-11-20", "--answer", "A walk on Saturday")
    with clock.on(sunday):
        assert nudged() == (
            "There's still today for this week's talk, if you can find an hour together.\n"
        )
    with clock.on(date(2026, 11, 28)):
        assert nudged() == ""  # not the week's last day yet
    with clock.on(sunday):
        run("weekly", "--held")
        assert nudged() == ""


# -- never an error, never a traceback ---------------------------------------------


def test_no_journal_yet_says_nothing_and_makes_none(private_home: Path) -> None:
    assert nudged() == ""
    assert not private_home.exists()


def test_a_damaged_journal_says_nothing(promised: Path) -> None:
    database_path(promised).write_bytes(b"{ this is not json")
    assert nudged() == ""


def test_an_encrypted_journal_keeps_its_words_to_itself(
    promised: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("encrypt", input=f"{PASS}\n{PASS}\n").exit_code == 0
    said = run("nudge", input="")  # never asks for the passphrase either
    assert (said.exit_code, said.output) == (0, "")
    monkeypatch.setenv("HEARTHSIDE_PASSPHRASE", PASS)
    assert nudged() == ""


def test_a_journal_locked_by_a_writer_is_still_read(promised: Path) -> None:
    # The lock is held only while writing: reading needs no turn, so the nudge doesn't wait.
    lock = FileLock(lock_path(promised))
    lock.acquire()
    try:
        assert nudged() == "A promise for today: Fix the gate.\n"
    finally:
        lock.release()


def test_the_nudge_never_imports_textual(promised: Path) -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from hearthside.cli.main import cli\n"
        "for args in (['nudge'], ['nudge', '--shell', 'zsh'], ['nudge', '--notify']):\n"
        "    assert CliRunner().invoke(cli, args).exit_code == 0, args\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- set-up: shells --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shell", "startup"),
    [("bash", "~/.bashrc"), ("zsh", "~/.zshrc"), ("fish", "~/.config/fish/config.fish")],
)
def test_the_line_for_each_shell(shell: str, startup: str) -> None:
    said = run("nudge", "--shell", shell)
    assert said.exit_code == 0
    comment, line = said.output.splitlines()
    assert comment.startswith("# ") and startup in comment
    assert line.endswith("hearthside nudge")


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_shell_line_runs_the_nudge_when_hearthside_is_there(
    promised: Path, tmp_path: Path, shell: str
) -> None:
    if not (found := shutil.which(shell)):
        pytest.skip(f"{shell} isn't installed here")
    line = run("nudge", "--shell", shell).output.splitlines()[1]
    fake = fake_command(tmp_path / "bin", "hearthside", 'echo "ran: $*"')
    out = subprocess.run(
        [found, "-c", line], env={**os.environ, "PATH": str(fake.parent)}, capture_output=True
    )
    assert out.stdout == b"ran: nudge\n"
    empty = tmp_path / "empty"
    empty.mkdir()
    quiet = subprocess.run(
        [found, "-c", line], env={**os.environ, "PATH": str(empty)}, capture_output=True
    )
    assert (quiet.stdout, quiet.stderr) == (b"", b"")


def test_one_thing_at_a_time(desktop: Path) -> None:
    said = run("nudge", "--shell", "bash", "--install-timer")
    assert said.exit_code == 2 and "one of --shell, --notify" in said.output
    assert not (desktop / "config").exists() and calls(desktop) == []


def test_an_unknown_shell_is_refused_with_the_choices() -> None:
    said = run("nudge", "--shell", "tcsh")
    assert said.exit_code == 2
    assert "'tcsh' is not one of 'bash', 'zsh', 'fish'" in said.output


# -- set-up: the timer ------------------------------------------------------------------


def fake_command(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def desktop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH holding only a fake systemctl and notify-send, each noting how it was
    called in calls.log, and a config folder of its own."""
    bin_dir = tmp_path / "bin"
    log = tmp_path / "calls.log"
    for name in ("systemctl", "notify-send"):
        fake_command(bin_dir, name, f'printf "%s\\n" "{name} $*" >> {shlex.quote(str(log))}')
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path


def calls(desktop: Path) -> list[str]:
    log = desktop / "calls.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_install_the_timer_writes_it_and_turns_it_on(desktop: Path, private_home: Path) -> None:
    said = run("nudge", "--install-timer")
    assert said.exit_code == 0
    units = desktop / "config" / "systemd" / "user"
    timer = (units / "hearthside-nudge.timer").read_text(encoding="utf-8")
    service = (units / "hearthside-nudge.service").read_text(encoding="utf-8")
    assert "OnCalendar=*-*-* 20:30" in timer and "WantedBy=timers.target" in timer
    assert '"nudge" "--notify"' in service and f'"--home" "{private_home}"' in service
    assert calls(desktop) == [
        "systemctl --user daemon-reload",
        "systemctl --user enable --now hearthside-nudge.timer",
    ]
    assert str(units) in said.output and "20:30" in said.output
    # Twice is the same as once.
    assert run("nudge", "--install-timer").exit_code == 0
    assert (units / "hearthside-nudge.timer").read_text(encoding="utf-8") == timer
    assert sorted(p.name for p in units.iterdir()) == [
        "hearthside-nudge.service",
        "hearthside-nudge.timer",
    ]


def test_remove_the_timer_turns_it_off_and_deletes_it(desktop: Path) -> None:
    run("nudge", "--install-timer")
    units = desktop / "config" / "systemd" / "user"
    said = run("nudge", "--remove-timer")
    assert said.exit_code == 0 and "Removed" in said.output
    assert list(units.iterdir()) == []
    assert calls(desktop)[2:] == [
        "systemctl --user disable --now hearthside-nudge.timer",
        "systemctl --user daemon-reload",
    ]
    again = run("nudge", "--remove-timer")
    assert again.exit_code == 0 and "nothing to remove" in again.output


def test_without_systemd_the_timer_says_what_to_run(desktop: Path) -> None:
    (desktop / "bin" / "systemctl").unlink()
    said = run("nudge", "--install-timer")
    assert said.exit_code == 0
    assert "systemd isn't here" in said.output
    assert "`systemctl --user enable --now hearthside-nudge.timer`" in said.output
    assert (desktop / "config" / "systemd" / "user" / "hearthside-nudge.timer").is_file()
    assert run("nudge", "--remove-timer").exit_code == 0


def test_when_systemctl_fails_it_says_so(desktop: Path) -> None:
    fake_command(desktop / "bin", "systemctl", 'echo "Failed to connect to bus" >&2; exit 1')
    said = run("nudge", "--install-timer")
    assert said.exit_code == 1
    assert "Failed to connect to bus" in said.output and "enable --now" in said.output


def test_the_timer_defaults_to_the_config_folder_in_home(
    desktop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(desktop / "person"))
    assert nudge_timer.units_dir() == desktop / "person" / ".config" / "systemd" / "user"


def test_notify_shows_the_line_only_when_there_is_one(desktop: Path, clock: Clock) -> None:
    run("nudge", "--notify")
    assert calls(desktop) == []
    run("commit", "Fix the <b>gate</b> & fence", "--due", "today")
    said = run("nudge", "--notify")
    assert (said.exit_code, said.output) == (0, "")
    assert calls(desktop) == [
        "notify-send --app-name=Hearthside Hearthside "
        "A promise for today: Fix the &lt;b&gt;gate&lt;/b&gt; &amp; fence."
    ]
    (desktop / "bin" / "notify-send").unlink()
    assert run("nudge", "--notify").exit_code == 0


def test_the_installed_service_runs_and_notifies(desktop: Path, private_home: Path) -> None:
    store = Store(private_home)
    store.add(Commitment(title="Fix the gate", due=date.today().isoformat()))
    store.close()
    run("nudge", "--install-timer")
    service = desktop / "config" / "systemd" / "user" / "hearthside-nudge.service"
    [exec_start] = [
        line.removeprefix("ExecStart=")
        for line in service.read_text(encoding="utf-8").splitlines()
        if line.startswith("ExecStart=")
    ]
    subprocess.run(shlex.split(exec_start), check=True, env=dict(os.environ))
    assert calls(desktop)[-1].endswith("A promise for today: Fix the gate.")
