"""What the benchmark scripts share: timing, the table row, finding the command."""

from __future__ import annotations

import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

HEADER = f"{'measure':<52}{'median':>10}{'min':>10}{'max':>10}"


T = TypeVar("T")


def timed(func: Callable[[], T], runs: int) -> tuple[list[float], T]:
    """Seconds for each of ``runs`` calls (at least one), and the last call's result."""
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return times, result


def row(label: str, seconds: list[float], unit: str = "ms") -> str:
    scale = 1000 if unit == "ms" else 1
    values = [s * scale for s in seconds]
    fmt = ".1f" if unit == "ms" and max(values) < 20 else ".0f"
    cells = "".join(
        f"{v:>8{fmt}}{unit}" for v in (statistics.median(values), min(values), max(values))
    )
    return f"{label:<52}{cells}"


def hearthside_command() -> list[str]:
    """The installed `hearthside` beside this Python, or `python -m hearthside`."""
    exe = shutil.which("hearthside", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "hearthside"]
