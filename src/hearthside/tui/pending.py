"""Acting after the keys already on their way: the one mechanism for keys handled early.

A key a screen acts on as it arrives (ctrl+q, or Enter in the daily review, which
must move the focus at once so the keys typed after it follow) is handled ahead of
the keys typed just before it. Those are still queued for the focused field and,
as they bubble up, for each widget it sits in. A callback queued behind them on each
in turn runs once every one of them has been handled.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.widget import Widget


def after_pending_keys(widget: Widget | None, then: Callable[[], object]) -> None:
    """Call ``then`` once the keys already sent to ``widget`` have been handled."""
    # Not the app itself: it is the one asking, and may be waiting on the answer.
    chain = [] if widget is None else list(widget.ancestors_with_self)
    chain = [n for n in chain if not isinstance(n, App)]

    def step(at: int) -> None:
        while at < len(chain):
            if chain[at].call_later(step, at + 1):
                return
            at += 1  # a widget already gone has nothing queued
        then()

    step(0)
