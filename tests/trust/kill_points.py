"""Running a command that dies, as under SIGKILL, at its n-th step on the disk.

Every rename, link, unlink, fsync and folder change counts as one step, so looping
n upwards from 1 kills the command at every point where the disk changes.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

STEPS = ("replace", "rename", "link", "unlink", "fsync", "mkdir", "rmdir")

DYING = textwrap.dedent(
    f"""
    import os, sys
    stop, args = int(sys.argv[1]), sys.argv[2:]
    calls = 0

    def dying(real):
        def step(*a, **kw):
            global calls
            calls += 1
            if calls == stop:
                os._exit(9)  # no cleanup runs, as after SIGKILL
            return real(*a, **kw)
        return step

    for name in {STEPS!r}:
        setattr(os, name, dying(getattr(os, name)))
    from hearthside.cli.main import cli
    cli(args, prog_name="hearthside")
    """
)

KILLED = 9


def run_until_step(stop: int, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``hearthside --home HOME ARGS`` killed at step ``stop`` (exit 9), or run to the end."""
    return subprocess.run(
        [sys.executable, "-c", DYING, str(stop), "--home", str(home), *args],
        capture_output=True,
        text=True,
        check=False,
    )
