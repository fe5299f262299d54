"""Which way a run of ratings is heading, in a word, and drawn as a line of characters.

Used for the check-in history, by the app and the command line alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

RISING, STEADY, FALLING = "rising", "steady", "falling"
BARS = "▁▂▃▄▅▆▇█"
MISSING = "·"  # a week (or day) with nothing to show
# How far apart the two halves' averages may be and still count as steady: half a
# point, on the check-in's scale of 0 to 4.
STEADY_WITHIN = 0.5


def trend(values: Sequence[float | None]) -> str | None:
    """RISING, STEADY or FALLING: the later half of the values against the earlier half.

    Gaps are left out; with an odd number of values the middle one belongs to neither
    half. Fewer than two values have no direction yet: None.
    """
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return None
    half = len(known) // 2
    change = fmean(known[-half:]) - fmean(known[:half])
    if change > STEADY_WITHIN:
        return RISING
    if change < -STEADY_WITHIN:
        return FALLING
    return STEADY


def bar(value: float, *, low: float, high: float) -> str:
    """The bar character for ``value`` on a fixed scale from ``low`` to ``high``."""
    span = high - low
    share = (min(max(value, low), high) - low) / span if span > 0 else 0.0
    return BARS[round(share * (len(BARS) - 1))]


def sparkline(values: Sequence[float | None], *, low: float, high: float) -> str:
    """One character per value, ``MISSING`` where there is none."""
    return "".join(MISSING if v is None else bar(v, low=low, high=high) for v in values)
