"""A file from someone else, carrying terminal escape sequences in every field that
holds words: what a share bundle or an export could bring in."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import orjson

# Each would do something to a terminal if it reached one raw.
PAYLOADS = {
    "clipboard": "\x1b]52;c;SE9TVElMRQ==\x07",  # OSC 52: write the clipboard
    "title": "\x1b]0;PWNED\x07",  # OSC 0: retitle the window
    "clear": "\x1b[2J\x1b[H",  # CSI: clear the screen
    "colour": "\x1b[31;5m",  # SGR: blinking red from here on
    "c1 csi": "\x9b2J",  # the same, as one C1 character
    "c1 osc": "\x9d0;C1TITLE\x9c",
    "dcs": "\x1bP+q544e\x1b\\",  # a query the terminal answers as if typed
    "link": "\x1b]8;;https://example.invalid\x1b\\",
    "controls": "bell\x07 back\x08 cr\r del\x7f nul\x00 vt\x0b",
}
HOSTILE = " ".join(PAYLOADS.values())
# What must never be seen raw in the bytes written to a terminal.
RAW_MARKERS = [
    "\x1b]52;c;",
    "\x1b]0;PWNED",
    "\x1b[2J",
    "\x1b[31;5m",
    "\x9b2J",
    "\x9d0;C1TITLE",
    "\x1bP+q",
    "\x1b]8;;https://example.invalid",
]
DAY = "2026-11-24"  # the day before tests.conftest.TODAY
STAMP = "2026-11-24T21:05:00+00:00"


def new_id() -> str:
    return uuid.uuid4().hex


def stamped(**fields: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "created": STAMP,
        "updated": STAMP,
        "deleted_at": None,
        "schema": 1,
        **fields,
    }


def hostile_records(text: str = HOSTILE) -> dict[str, list[dict[str, Any]]]:
    """One record of every kind, ``text`` in each of its fields meant for words."""
    return {
        "entries": [
            stamped(
                date=DAY, title=f"Title {text}", body=f"Body {text}\n\nline two", tags=["walk"]
            ),
        ],
        "notes": [
            stamped(kind="gratitude", text=f"Note {text}", date=DAY, occasion=f"For {text}"),
        ],
        "practice_logs": [
            stamped(practice="affection", date=DAY, note=f"Log {text}"),
            stamped(practice="quality-time", date=DAY, minutes=40, note=f"Time {text}"),
            stamped(practice="evening-walk", date=DAY, minutes=30, note=f"Walk {text}"),
        ],
        "moments": [
            stamped(date=DAY, positive=True, text=f"Moment {text}"),
            stamped(date=DAY, positive=False, conflict=True, text=f"Disagreement {text}"),
        ],
        "checkins": [stamped(date=DAY, ratings={"thin-talk": 2}, note=f"Checkin {text}")],
        "commitments": [
            stamped(title=f"Promise {text}", due=DAY),
            stamped(title=f"Weekly {text}", due=DAY, every="weekly"),
        ],
        "milestones": [
            stamped(title=f"Milestone {text}", date="2026-11-26", kind="anniversary", yearly=True)
        ],
        "pauses": [stamped(start="2026-10-01", end="2026-10-03", reason=f"Pause {text}")],
        "lovemap": [stamped(topic="dreams", text=f"Learned {text}", date=DAY, confirmed=DAY)],
        "evenings": [stamped(date=DAY, at=14)],
        "favourite_questions": [stamped(question="fun-2", date=DAY)],
        # A name is plain words by rule; the words said about it may be anything.
        "own_practices": [
            stamped(
                key="evening-walk",
                name="Evening walk",
                target="3 per week",
                minutes=True,
                aliases=["walk"],
                why=f"Why {text}",
            )
        ],
        "weekly_talks": [
            stamped(date="2026-11-23", held=DAY, issue=f"Issue {text}", answer=f"Answer {text}")
        ],
        "bids": [stamped(date=DAY, whose="mine", response="away", text=f"Bid {text}")],
    }


def export_file(path: Path, records: dict[str, list[dict[str, Any]]], **extra: Any) -> Path:
    """Hearthside's own export format around ``records``."""
    doc = {"format": "hearthside", "version": 1, "schema": 1, "records": records, **extra}
    # The standard library's json, which nests deeper than orjson will.
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def ids(records: dict[str, list[dict[str, Any]]], kind: str) -> list[str]:
    return [str(r["id"]) for r in records[kind]]


DROP = object()  # a field for hand_edit to take out


def hand_edit(home: Path, kind: str, record_id: str, changes: dict[str, Any]) -> str:
    """Change one stored record in its file, as a text editor would; the file's name."""
    for path in home.glob(f"hearthside-*-{kind}.json"):
        data = orjson.loads(path.read_bytes())
        for doc in data[kind].values():
            if doc["id"] == record_id:
                doc.update(changes)
                for name in [n for n, v in changes.items() if v is DROP]:
                    del doc[name]
                # Saved as most editors save: a new file renamed over the old one.
                edited = path.with_name(f"{path.name}.edited")
                edited.write_bytes(orjson.dumps(data))
                edited.replace(path)
                return path.name
    raise AssertionError(f"no {kind} record {record_id}")
