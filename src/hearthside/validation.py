"""Checks shared by every service, so each kind of bad input gets the same clear words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from hearthside import dates
from hearthside.config import Settings
from hearthside.errors import HearthsideError

MAX_TEXT_BYTES = 1_000_000
MAX_TAG_LENGTH = 40
_TAG_OK = re.compile(r"^[\w][\w\-/.]*$")


def check_size(text: str, what: str) -> str:
    if len(text.encode("utf-8", errors="surrogatepass")) > MAX_TEXT_BYTES:
        raise HearthsideError(
            f"The {what} is over 1 MB, which is more than Hearthside keeps in one record. "
            "Split it into a few entries."
        )
    return text


def required_text(text: str | None, what: str) -> str:
    text = check_size(text or "", what)
    if not text.strip():
        raise HearthsideError(f"The {what} is empty; write a few words first.")
    return text


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags without a leading '#', lower-cased, de-duplicated, in the order given."""
    cleaned: list[str] = []
    for raw in tags:
        for part in raw.replace(",", " ").split():
            tag = part.lstrip("#").lower()
            if not tag:
                continue
            if len(tag) > MAX_TAG_LENGTH or not _TAG_OK.match(tag):
                raise HearthsideError(
                    f"{part[:MAX_TAG_LENGTH]!r} can't be a tag: use letters, digits, '-' or '_' "
                    f"(up to {MAX_TAG_LENGTH} characters), like #date-night."
                )
            if tag not in cleaned:
                cleaned.append(tag)
    return cleaned


def closeness(value: int | None) -> int | None:
    if value is not None and not 1 <= value <= 5:
        raise HearthsideError("Closeness is a number from 1 (far apart) to 5 (very close).")
    return value


def user_date(
    text: str | date | None, settings: Settings, *, today: date | None = None, ahead: bool = False
) -> date:
    if isinstance(text, date):
        return text
    if text is None:
        return today or date.today()
    return dates.parse_date(text, today=today, date_order=settings.date_order, ahead=ahead)


def past_or_today(day: date, what: str, *, today: date | None = None) -> date:
    if day > (today or date.today()):
        raise HearthsideError(
            f"{day.isoformat()} is in the future; a {what} can only be recorded for today "
            "or a day that has passed."
        )
    return day
