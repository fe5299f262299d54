"""``hearthside nudge``: one gentle line, or nothing, with no background service.

A shell runs it when a terminal opens (``--shell`` prints the line for that), or an
opt-in systemd timer runs it a few times a day and shows it as a notification.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.errors import HearthsideError

# Each shell's start-up file for interactive terminals, and the line that asks for a
# nudge there; a machine without Hearthside installed just skips it.
SHELLS = {
    "bash": ("~/.bashrc", "command -v hearthside >/dev/null && hearthside nudge"),
    "zsh": ("~/.zshrc", "command -v hearthside >/dev/null && hearthside nudge"),
    "fish": (
        "~/.config/fish/config.fish",
        "status is-interactive; and command -q hearthside; and hearthside nudge",
    ),
}


@click.command()
@home_option
@click.option(
    "--shell",
    type=click.Choice(list(SHELLS)),
    help="Print the line that runs the nudge when a terminal opens in this shell.",
)
@click.option("--notify", is_flag=True, help="Show it as a desktop notification instead.")
@click.option("--install-timer", is_flag=True, help="Nudge a few times a day (systemd).")
@click.option("--remove-timer", is_flag=True, help="Take the timer away again.")
def nudge(shell: str | None, notify: bool, install_timer: bool, remove_timer: bool) -> None:
    """One short line about today, or nothing: a promise, a milestone, a gentle reminder."""
    chosen = [shell is not None, notify, install_timer, remove_timer]
    if sum(chosen) > 1:
        raise HearthsideError(
            "Choose one of --shell, --notify, --install-timer and --remove-timer at a time."
        )
    if shell is not None:
        startup, runs = SHELLS[shell]
        say(f"# Hearthside: a gentle nudge when a terminal opens (add this to {startup})")
        say(runs)
        return
    if install_timer or remove_timer:
        _timer(install_timer)
        return
    from hearthside.services.nudges import nudge_for

    c = app_context()
    line = nudge_for(c.home, c.now())
    if line is None:
        return
    if not notify:
        say(line)
    elif shutil.which("notify-send") is not None:
        # Notification servers read the body as markup: a title's "<" or "&" is escaped.
        shown = html.escape(line, quote=False)
        subprocess.run(
            ["notify-send", "--app-name=Hearthside", "Hearthside", shown],
            capture_output=True,
            check=False,
        )


def _timer(install: bool) -> None:
    from hearthside.services import nudge_timer

    if install:
        home = str(app_context().home)
        # The interpreter Hearthside runs under, so the timer finds it outside this shell.
        command = [sys.executable, "-m", "hearthside", "--home", home, "nudge", "--notify"]
        outcome = nudge_timer.install(command)
    else:
        outcome = nudge_timer.remove()
    for line in outcome.lines:
        say(line)
    if not outcome.ok:
        raise click.exceptions.Exit(1)


COMMANDS: list[click.Command] = [nudge]
