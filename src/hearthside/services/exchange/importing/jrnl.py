"""jrnl's JSON export (``jrnl --export json``): title, body, date, time, tags, starred."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hearthside.domain import record_checks, validation
from hearthside.domain.records import Entry
from hearthside.errors import HearthsideError
from hearthside.services.exchange.importing.checks import (
    TAG_RULE,
    ImportRefused,
    Plan,
    record_problem,
)

if TYPE_CHECKING:
    from hearthside.texts.library import Content

_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
# Fixed forever: a jrnl entry without a uuid gets the same id every time it's imported.
_JRNL_NAMESPACE = uuid.UUID("6f1c3a52-3c1e-4f7e-9a58-2b1d2f3e7a10")


def looks_like_jrnl(doc: dict[str, Any]) -> bool:
    return (
        "format" not in doc
        and isinstance(doc.get("entries"), list)
        and isinstance(doc.get("tags"), dict)
    )


def read_jrnl(path: Path, docs: list[Any], content: Content) -> Plan:
    entries: dict[str, Entry] = {}
    for number, doc in enumerate(docs, 1):
        entry = _jrnl_entry(path, doc, f"entry {number}", content)
        # Two identical entries at the same minute are one entry written twice.
        entries.setdefault(entry.id, entry)
    return Plan("a jrnl export", list(entries.values()))


def _jrnl_entry(path: Path, doc: Any, where: str, content: Content) -> Entry:
    def refuse(problem: str) -> ImportRefused:
        return ImportRefused(path, f"{where} {problem}")

    if not isinstance(doc, dict):
        raise refuse("is not an object with fields")
    day, clock = doc.get("date"), doc.get("time", "00:00")
    title, body = doc.get("title", ""), doc.get("body", "")
    tags, starred = doc.get("tags", []), doc.get("starred", False)
    if not isinstance(day, str):
        raise refuse("has no date like 2026-11-24")
    if (wrong := record_checks.day_problem(day)) is not None:
        raise refuse(f"has a 'date' that {wrong}")
    if not isinstance(clock, str) or not (match := _TIME.fullmatch(clock)):
        raise refuse("has a time that isn't like 21:05")
    if not isinstance(title, str) or not isinstance(body, str):
        raise refuse("has a title or body that isn't text")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise refuse("has tags that aren't a list of text")
    if not isinstance(starred, bool):
        raise refuse("has a 'starred' that isn't true or false")
    if not title.strip() and not body.strip():
        raise refuse("is empty")
    try:
        # jrnl marks tags with @ (or another symbol it was set to use); Hearthside doesn't.
        cleaned = validation.clean_tags(t.lstrip("@#") for t in tags)
    except HearthsideError:
        raise refuse(f"has a tag Hearthside can't keep ({TAG_RULE})") from None
    written = datetime.combine(date.fromisoformat(day), time(int(match[1]), int(match[2])))
    entry = Entry(
        id=_jrnl_id(doc.get("uuid"), f"{day} {clock}\n{title}\n{body}"),
        date=day,
        title=title.strip(),
        body=body,
        tags=cleaned,
        starred=starred,
        created=written.astimezone().isoformat(timespec="seconds"),
    )
    problem = record_problem(entry, content)
    if problem is not None:
        raise refuse(problem)
    return entry


def _jrnl_id(given: Any, fingerprint: str) -> str:
    if isinstance(given, str):
        try:
            return uuid.UUID(given).hex
        except ValueError:
            pass
    return uuid.uuid5(_JRNL_NAMESPACE, fingerprint).hex
