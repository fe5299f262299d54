"""Notices that stay calm: never stacked twice, never read as markup."""

from __future__ import annotations

import time
from typing import Any

from textual.app import App
from textual.notifications import SeverityLevel


class CalmNoticesApp(App[None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._notices_until: dict[tuple[str, str], float] = {}

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """As Textual's, with two differences that keep notices calm and safe.

        The same words already showing are not stacked again on top of what the person
        is reading; and notices are never read as markup (they often quote user text).
        """
        key, now = (title, message), time.monotonic()
        if self._notices_until.get(key, 0.0) > now:
            return
        self._notices_until[key] = now + (self.NOTIFICATION_TIMEOUT if timeout is None else timeout)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
