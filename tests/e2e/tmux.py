"""Driving the installed ``hearthside`` command in a real terminal: tmux.

Each ``Terminal`` runs its own tmux server (a socket of its own, named per test),
so tests never touch a person's tmux and never see each other. The server is
configured with no status line (the whole window is the app's), with
``remain-on-exit``, so once the app ends its last screen and exit status can
still be read, and to keep running with no session left, so a test can close a
window and start the app again without racing a server on its way out.

Every wait polls ``capture-pane`` until the screen shows what is awaited, with a
generous timeout: a loaded two-core CI machine is slow, never wrong.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

TIMEOUT = 20.0  # seconds for any one thing to appear on the screen
POLL = 0.1
# A person's pace between keys. The app handles a key, then the messages it starts
# (Enter in a field moves the focus on a moment later): keys sent faster than any
# hand could type them may overtake those, which no person would ever see.
PACE = 0.2
WIDTH, HEIGHT = 100, 32

CONFIG = """\
set -s exit-empty off
set -g status off
set -g remain-on-exit on
set -g escape-time 0
"""


def hearthside_command() -> Path:
    """The installed ``hearthside`` script, beside the Python running the tests."""
    return Path(sys.executable).parent / "hearthside"


def tmux_path() -> str | None:
    return shutil.which("tmux")


class Terminal:
    """One tmux window running one program; read it, type into it, resize it."""

    def __init__(self, workdir: Path, name: str, *, width: int = WIDTH, height: int = HEIGHT):
        self.workdir = workdir
        self.socket = f"hearthside-e2e-{name[:40]}-{uuid.uuid4().hex[:8]}"
        self.target = ""
        self.width, self.height = width, height
        self.config = workdir / "tmux.conf"
        self.config.write_text(CONFIG, encoding="utf-8")
        self.started = 0

    # -- tmux itself -----------------------------------------------------------------

    def tmux(self, *args: str, check: bool = True) -> str:
        tmux = tmux_path()
        assert tmux is not None, "tmux is not installed"
        result = subprocess.run(
            [tmux, "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    # -- starting and stopping -------------------------------------------------------

    def start(self, argv: Sequence[str], env: dict[str, str], record: Path | None = None) -> None:
        """Run ``argv`` in a fresh window of the configured size, with ``env`` added.

        With ``record``, every byte the program writes to its terminal is appended to
        that file as well (tmux pipe-pane, set up in the same call, before the program
        has had time to write anything).
        """
        settings = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", **env}
        # env(1) gives the program exactly these variables on top of the server's,
        # and drops any COLUMNS/LINES that would override the real window size.
        command = [
            "env",
            "-u",
            "COLUMNS",
            "-u",
            "LINES",
            *(f"{key}={value}" for key, value in settings.items()),
            *argv,
        ]
        # Each start gets a session of its own; an earlier one (its app ended, or its
        # window was closed) stays as it was until the server stops.
        self.started += 1
        self.target = f"app{self.started}"
        piping = []
        if record is not None:
            piping = [
                ";",
                "pipe-pane",
                "-o",
                "-t",
                self.target,
                f"cat >> {shlex.quote(str(record))}",
            ]
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.target,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "-c",
            str(self.workdir),
            shlex.join(command),
            *piping,
        )

    def close(self) -> None:
        """Stop the tmux server and every program in it; wait until they are gone."""
        listed = self.tmux("list-panes", "-a", "-F", "#{pane_dead} #{pane_pid}", check=False)
        running = [
            int(pid) for dead, pid in (line.split() for line in listed.splitlines()) if dead == "0"
        ]
        self.tmux("kill-server", check=False)
        for pid in running:
            wait_until_gone(pid, timeout=TIMEOUT)
        # tmux leaves its socket file behind; it is this test's own, so it goes too.
        folder = Path(os.environ.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)

    # -- reading -----------------------------------------------------------------------

    def screen(self) -> str:
        """What the window shows now, one line per row, trailing blanks removed."""
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def scrollback(self) -> str:
        """The window and the lines scrolled off its top, wrapped lines joined."""
        return self.tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", self.target)

    def lines(self) -> list[str]:
        return self.screen().rstrip("\n").split("\n")

    def pane(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", self.target, fmt).strip()

    def pid(self) -> int | None:
        with contextlib.suppress(AssertionError, ValueError):
            return int(self.pane("#{pane_pid}"))
        return None

    def is_running(self) -> bool:
        """The program in the window is still alive."""
        try:
            return self.pane("#{pane_dead}") == "0"
        except AssertionError:
            return False  # the window itself is gone

    def size(self) -> tuple[int, int]:
        width, height = self.pane("#{pane_width} #{pane_height}").split()
        return int(width), int(height)

    # -- waiting -----------------------------------------------------------------------

    def wait_until(self, check: Callable[[str], bool], what: str, timeout: float = TIMEOUT) -> str:
        """Poll the screen until ``check(screen)`` holds; fail showing the last screen."""
        deadline = time.monotonic() + timeout
        screen = ""
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if not self.is_running():
                screen = self.screen()
                if check(screen):
                    return screen
                status = self.pane("#{pane_dead_status}")
                raise AssertionError(
                    f"hearthside ended (status {status}) while waiting for {what}.\n"
                    f"The last screen:\n{screen}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"Waited {timeout:.0f} s for {what}; the screen shows:\n{screen}"
                )
            time.sleep(POLL)

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        """Poll until ``text`` is on the screen; returns the screen."""
        return self.wait_until(lambda screen: text in screen, repr(text), timeout)

    def wait_gone(self, text: str, timeout: float = TIMEOUT) -> str:
        """Poll until ``text`` has left the screen (a dialog closed, say)."""
        return self.wait_until(lambda screen: text not in screen, f"{text!r} to go", timeout)

    def wait_for_exit(self, timeout: float = TIMEOUT) -> int:
        """Wait for the program to end by itself; its exit status."""
        deadline = time.monotonic() + timeout
        while self.is_running():
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"hearthside was still running after {timeout:.0f} s; the screen shows:\n"
                    f"{self.screen()}"
                )
            time.sleep(POLL)
        return int(self.pane("#{pane_dead_status}") or "0")

    # -- typing --------------------------------------------------------------------------

    def type(self, text: str) -> None:
        """Type ``text`` literally, as a person would (no key names)."""
        self.tmux("send-keys", "-t", self.target, "-l", text)
        time.sleep(PACE)

    def burst(self, *parts: str) -> None:
        """Text and keys in one ``send-keys`` call: a paste or fast typing, no pause between.

        Each part is a tmux key name (``Enter``, ``Tab``) or literal text.
        """
        self.tmux("send-keys", "-t", self.target, *parts)

    def press(self, *keys: str) -> None:
        """Press named keys one at a time: Enter, Escape, Tab, BTab, Down, C-s, 2, n…"""
        for key in keys:
            self.tmux("send-keys", "-t", self.target, key)
            time.sleep(PACE)

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", self.target, "-x", str(width), "-y", str(height))

    def hang_up(self) -> int:
        """Close the window as a closed terminal would: its program gets SIGHUP.

        Waits until the program has gone; returns its process id.
        """
        pid = self.pid()
        assert pid is not None, "no program is running in the window"
        self.tmux("kill-pane", "-t", self.target)
        wait_until_gone(pid, timeout=TIMEOUT)
        return pid


def wait_until_gone(pid: int, timeout: float) -> None:
    """Until process ``pid`` has ended (a zombie waiting to be reaped counts as ended)."""
    deadline = time.monotonic() + timeout
    while _alive(pid):
        if time.monotonic() > deadline:
            raise AssertionError(f"process {pid} was still running after {timeout:.0f} s")
        time.sleep(POLL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"
