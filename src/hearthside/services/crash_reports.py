"""Crash reports that help fix a bug without carrying a word of the journal.

A report names the exception's type and where it happened (files, lines,
functions). It never includes the exception's message or any variable's value,
since either could hold what the person wrote.
"""

from __future__ import annotations

import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from hearthside import __version__
from hearthside.paths import ensure_private_dir
from hearthside.store.atomic_storage import write_atomically

REPORTS = "crash-reports"


def describe(error: BaseException) -> str:
    lines = [
        f"Hearthside {__version__} on Python {platform.python_version()} ({sys.platform})",
        f"When: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        "",
    ]
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        lines.append(
            f"{kind.__module__}.{kind.__qualname__} (message withheld: it may quote your words)"
        )
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("which happened while handling:")
    return "\n".join(lines) + "\n"


def write_report(home: Path, error: BaseException) -> Path:
    folder = ensure_private_dir(home / REPORTS)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.txt"
    write_atomically(path, describe(error).encode())
    return path


UNEXPECTED = (
    "That couldn't be saved: Hearthside ran into a problem it didn't expect. What you "
    "typed is still on the screen."
)

CRASHED = (
    "Hearthside ran into a problem it didn't expect and had to close. Anything you "
    "were writing was kept as a draft and will be offered back next time."
)


def report_line(report: Path | None) -> str:
    if report is None:
        return "No crash report could be written."
    return f"A crash report, with none of your writing in it, is at: {report}"
