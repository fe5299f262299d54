"""Making user text safe to print to a terminal."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC among them) would let journal text move the cursor, change
# colours or retitle the window; newlines and tabs are kept as the writer meant them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def has_controls(text: str) -> bool:
    return _CONTROL.search(text) is not None


def printable(text: str) -> str:
    """``text`` with control characters shown as visible escapes like ``\\x1b``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str, width: int = 60) -> str:
    flat = " ".join(printable(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
