"""The benchmarks' child processes still drive the app as it is: they run it through its
own calls (``keys_handed_over`` and the like) from code in strings, which neither mypy
nor any other test reads, so a renamed call would only show when the bench is run."""

from __future__ import annotations

from pathlib import Path

from tests.bench.decade import peak_memory_mb
from tests.bench.tui_speed import paint_times


def test_the_paint_and_ready_child_opens_a_room_and_reports_both(private_home: Path) -> None:
    painted, ready = paint_times(private_home, "journal", 1)
    assert len(painted) == len(ready) == 1
    assert 0 < painted[0] <= ready[0]


def test_the_memory_child_opens_two_rooms_and_reports_its_peak(private_home: Path) -> None:
    assert peak_memory_mb(private_home) > 0
