"""The limits every record is held to, and the checks of what a person types.

Services check what a person types with the small helpers here and say what to do
about it. Whole records (typed, imported or read back) are checked against the
same limits by ``record_checks``, so a file from anyone, or a journal file edited by
hand, can hold nothing that typing couldn't. Problems name the field, never the
words in it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Protocol

from hearthside.domain import dates
from hearthside.errors import HearthsideError


class _DateOrder(Protocol):
    """What reading a typed date needs from the settings (which import this module)."""

    @property
    def date_order(self) -> str: ...


MAX_TEXT_BYTES = 1_000_000
MAX_TAG_LENGTH = 100
MAX_TAGS = 100
MAX_NAME = 80
MAX_MINUTES = 24 * 60
MAX_PAUSE_DAYS = 366  # longer breaks are several pauses: a typo like 2062 can't pause decades
LOWEST_RATING, HIGHEST_RATING = 0, 4
MAX_STEP = 99  # strategy numbers; content may number fewer, or drop one later
MAX_DAYS = (dates.MAX_YEAR - dates.MIN_YEAR + 1) * 366  # a list of days holds each once
MAX_IDS = 1_000  # ids a review remembers for one of its steps
MAX_DEPTH = 6  # of review answers this version doesn't know (a newer one's)
MAX_ITEMS = 10_000
MAX_PATH = 4096  # bytes in a Linux path; a folder a note was shared to

# Record ids: uuid hex when made here; other tools' ids are kept if they look like ids.
ID = re.compile(r"[0-9A-Za-z_-]{4,64}")

# -- what a person types ----------------------------------------------------------------


def check_size(text: str, what: str) -> str:
    if text_too_big(text):
        raise HearthsideError(
            f"The {what} is over 1 MB, which is more than Hearthside keeps in one record. "
            "Split it into a few entries."
        )
    return text


def text_too_big(text: str) -> bool:
    # Four bytes a character at most: only long text needs encoding to be measured.
    return len(text) * 4 > MAX_TEXT_BYTES and (
        len(text.encode("utf-8", errors="surrogatepass")) > MAX_TEXT_BYTES
    )


def required_text(text: str | None, what: str) -> str:
    text = check_size(text or "", what)
    if not text.strip():
        raise HearthsideError(f"The {what} is empty; write a few words first.")
    return text


def plain_line(text: str) -> bool:
    """True when ``text`` has nothing a terminal would act on, nor invisible reordering."""
    hidden = dates.HIDDEN_CATEGORIES
    return not any(unicodedata.category(ch) in hidden for ch in text)


def tag_problem(tag: str) -> str | None:
    if not tag or len(tag) > MAX_TAG_LENGTH:
        return f"a tag is 1 to {MAX_TAG_LENGTH} characters"
    if any(ch.isspace() for ch in tag) or not plain_line(tag):
        return "a tag has no spaces or control characters"
    return None


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags without a leading '#', lower-cased, de-duplicated, in the order given.

    Any printable word is a tag (jrnl allows ``c++``, ``work/home`` and ``a#b``);
    commas and spaces separate tags as they are typed.
    """
    cleaned: list[str] = []
    for raw in tags:
        for part in raw.replace(",", " ").split():
            tag = part.lstrip("#").lower()
            if not tag:
                continue
            if tag_problem(tag) is not None:
                raise HearthsideError(
                    f"{part[:MAX_TAG_LENGTH]!r} can't be a tag: a tag is one word of up to "
                    f"{MAX_TAG_LENGTH} characters, like #date-night."
                )
            if tag not in cleaned:
                cleaned.append(tag)
    return cleaned


def name_problem(name: str) -> str | None:
    """Why ``name`` (a spouse's, a sender's) can't be kept, or None."""
    if len(name) > MAX_NAME:
        return f"That name is longer than {MAX_NAME} characters; please shorten it."
    if not plain_line(name):
        return "That name holds control characters; type it as plain words."
    return None


def closeness(value: int | None) -> int | None:
    if value is not None and not 1 <= value <= 5:
        raise HearthsideError("Closeness is a number from 1 (far apart) to 5 (very close).")
    return value


def check_minutes(given: int | str | None) -> int | None:
    """Minutes of time together, given or typed; None when not counted (None or empty)."""
    if given is None or given == "":
        return None
    try:
        minutes = int(given)
    except ValueError:
        minutes = 0
    if not 0 < minutes <= MAX_MINUTES:
        raise HearthsideError(
            f"Minutes must be between 1 and {MAX_MINUTES} (you gave {given}); "
            "leave them out if you didn't count."
        )
    return minutes


def user_date(
    text: str | date | None, settings: _DateOrder, *, today: date | None = None, ahead: bool = False
) -> date:
    if isinstance(text, date):
        return text
    if text is None:
        return today or date.today()
    # Imported here: only a date typed in words needs the parser (and its dateutil).
    from hearthside.domain import date_parsing

    return date_parsing.parse_date(text, today=today, date_order=settings.date_order, ahead=ahead)


def past_or_today(day: date, what: str, *, today: date | None = None) -> date:
    if day > (today or date.today()):
        raise HearthsideError(
            f"{day.isoformat()} is in the future; a {what} can only be recorded for today "
            "or a day that has passed."
        )
    return day
