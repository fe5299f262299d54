"""An opt-in systemd user timer that shows the nudge as a desktop notification.

Two small unit files under ``$XDG_CONFIG_HOME/systemd/user``: a timer that fires a
few times a day, and a service that runs ``hearthside nudge --notify`` (which calls
``notify-send`` only when there is a line to show). Installing twice writes the
same files; removing what isn't there is not an error. Without systemctl the files
are still written, and the person is told what to run where systemd is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hearthside.errors import HearthsideError

UNIT = "hearthside-nudge"
TIMER = f"{UNIT}.timer"
SERVICE = f"{UNIT}.service"
# Morning, midday, early evening, and once after 20:00 so the review's nudge can show.
TIMES = ("09:30", "13:00", "18:00", "20:30")


def units_dir() -> Path:
    """``$XDG_CONFIG_HOME/systemd/user``; the spec says a relative value is to be ignored."""
    configured = os.environ.get("XDG_CONFIG_HOME", "")
    base = Path(configured) if Path(configured).is_absolute() else Path.home() / ".config"
    return base / "systemd" / "user"


def _quoted(arg: str) -> str:
    """One ExecStart word, double-quoted as systemd reads it; % is its specifier sign."""
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{escaped}"'


def unit_files(command: Sequence[str]) -> dict[str, str]:
    """The two files' names and text, for a service that runs ``command``."""
    service = (
        "[Unit]\n"
        "Description=Hearthside: a gentle nudge, shown as a notification\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={' '.join(_quoted(arg) for arg in command)}\n"
    )
    timer = (
        "[Unit]\n"
        "Description=Hearthside: a gentle nudge a few times a day\n\n"
        "[Timer]\n"
        + "".join(f"OnCalendar=*-*-* {at}\n" for at in TIMES)
        + "\n[Install]\nWantedBy=timers.target\n"
    )
    return {SERVICE: service, TIMER: timer}


@dataclass(frozen=True)
class Outcome:
    lines: list[str]
    ok: bool = True


def _systemctl(*args: str) -> str | None:
    """Run ``systemctl --user ARGS``; None when it worked, else what it said."""
    done = subprocess.run(
        ["systemctl", "--user", *args], capture_output=True, text=True, check=False
    )
    if done.returncode == 0:
        return None
    said = " ".join((done.stderr or done.stdout).split())
    return said or f"it stopped with status {done.returncode}"


def _by_hand(*commands: str) -> str:
    return "; ".join(f"`systemctl --user {c}`" for c in commands)


def install(command: Sequence[str]) -> Outcome:
    folder = units_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in unit_files(command).items():
            (folder / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise HearthsideError(
            f"The timer couldn't be written to {folder} ({exc.strerror}). Nothing was turned on."
        ) from None
    wrote = f"Wrote {TIMER} and {SERVICE} in {folder}."
    steps = ("daemon-reload", f"enable --now {TIMER}")
    if shutil.which("systemctl") is None:
        by_hand = f"Where it is, run {_by_hand(*steps)}."
        return Outcome([wrote, f"systemd isn't here, so nothing was turned on. {by_hand}"])
    for step in steps:
        trouble = _systemctl(*step.split())
        if trouble:
            return Outcome(
                [
                    wrote,
                    f"systemctl didn't turn it on ({trouble}). Run {_by_hand(*steps)} "
                    "once your desktop session is running.",
                ],
                ok=False,
            )
    at = ", ".join(TIMES)
    return Outcome([wrote, f"The nudge will show at {at} when there is something to say."])


def remove() -> Outcome:
    folder = units_dir()
    files = [folder / name for name in (TIMER, SERVICE)]
    if not any(path.exists() for path in files):
        return Outcome([f"No Hearthside timer in {folder}; nothing to remove."])
    systemd = shutil.which("systemctl") is not None
    if systemd:
        # Already stopped, or never turned on: the files go either way.
        _systemctl("disable", "--now", TIMER)
    for path in files:
        path.unlink(missing_ok=True)
    if systemd:
        _systemctl("daemon-reload")
    return Outcome([f"Removed {TIMER} and {SERVICE} from {folder}; no more nudges by timer."])
