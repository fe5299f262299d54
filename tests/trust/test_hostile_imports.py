"""Hostile files: well-formed structure, hostile values. Whatever a file holds, it is
either refused cleanly (exit 2, nothing on disk changed) or imported, and then every
command still works and every room still paints, with no escape reaching the terminal.

The files are Hearthside exports, sharing bundles and jrnl exports whose shape is
right. Words are any Unicode, escape sequences among them; at most one field with a
fixed form (a date, a kind, a repeat, a tag...) gets a hostile value of its own.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from hearthside.domain.records import Commitment, Entry, Note
from hearthside.services.journal import add_entry
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY, disk_state, run
from tests.trust.hostile import PAYLOADS, RAW_MARKERS

CONTENT = Content()
NOTE_KINDS = [k.id for k in CONTENT.note_kinds]
MILESTONE_KINDS = [k.id for k in CONTENT.milestone_kinds]
PRACTICES = [p.id for p in CONTENT.practices]
SIGNS = [s.id for s in CONTENT.signs]

# -- values ----------------------------------------------------------------------------------

payloads = st.sampled_from(list(PAYLOADS.values()))
words = st.one_of(
    st.text(max_size=60),
    payloads,
    st.builds(lambda a, b, c: a + b + c, st.text(max_size=20), payloads, st.text(max_size=20)),
)
days = st.dates(date(1990, 1, 1), date(2030, 12, 31)).map(date.isoformat)
moments = st.datetimes(datetime(2000, 1, 1), datetime(2030, 12, 31), timezones=st.just(UTC)).map(
    lambda m: m.isoformat(timespec="seconds")
)
ids = st.one_of(
    st.uuids().map(lambda u: u.hex), st.from_regex(r"[0-9A-Za-z_-]{4,20}", fullmatch=True)
)
tags = st.lists(
    st.text(
        st.characters(exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Zs")),
        min_size=1,
        max_size=20,
    ),
    max_size=4,
)
repeats = st.sampled_from(
    [None, "daily", "weekly", "monthly", "yearly", "FREQ=WEEKLY;BYDAY=FR", "FREQ=MONTHLY;BYDAY=1SA"]
)

hostile_days = st.one_of(
    st.dates().map(date.isoformat),  # years 1 to 9999
    st.builds(lambda d, tail: d + tail, days, st.sampled_from(["x", "T10:00", " ", "\r\n"])),
    words,
)
hostile_moments = st.one_of(
    st.datetimes().map(datetime.isoformat), st.dates().map(date.isoformat), words
)
hostile_rules = st.one_of(
    st.sampled_from(
        [
            "FREQ=SECONDLY",
            "FREQ=HOURLY;INTERVAL=1",
            "FREQ=DAILY;BYHOUR=1,2,3",
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
            "FREQ=WEEKLY\r\nX-EVIL:1",
            "FREQ=YEARLY;COUNT=999999999",
            "FREQ=DAILY;UNTIL=99991231",
            "garbage",
        ]
    ),
    words,
)
hostile_ints = st.integers(-(10**12), 10**12)
nested = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), words),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(words, inner, max_size=3)),
    max_leaves=30,
)


def stamped(draw: st.DrawFn, **fields: Any) -> dict[str, Any]:
    made = draw(moments)
    return {
        "id": draw(ids),
        "created": made,
        "updated": made,
        "deleted_at": draw(st.none() | moments),
        "schema": 1,
        **fields,
    }


@st.composite
def records(draw: st.DrawFn) -> dict[str, list[dict[str, Any]]]:
    """One or two well-formed records of every kind, their words hostile."""

    def some(build: Any) -> list[dict[str, Any]]:
        return [build() for _ in range(draw(st.integers(1, 2)))]

    def pause() -> dict[str, Any]:
        start = draw(st.dates(date(1990, 1, 1), date(2030, 12, 31)))
        end = start + timedelta(days=draw(st.integers(0, 60)))
        return stamped(draw, start=start.isoformat(), end=end.isoformat(), reason=draw(words))

    found = {
        "entries": some(
            lambda: stamped(
                draw,
                date=draw(days),
                title=draw(words),
                body=draw(words),
                tags=draw(tags),
                closeness=draw(st.none() | st.integers(1, 5)),
                steps=draw(st.lists(st.integers(1, 20), max_size=3)),
                private=draw(st.booleans()),
            )
        ),
        "notes": some(
            lambda: stamped(
                draw,
                kind=draw(st.sampled_from(NOTE_KINDS)),
                text=draw(words),
                date=draw(days),
                occasion=draw(words),
                step=draw(st.none() | st.integers(1, 15)),
                private=draw(st.booleans()),
                status=draw(st.sampled_from(["drafted", "delivered", "received"])),
                delivered_how=draw(st.none() | st.just("said aloud")),
                delivered_at=draw(st.none() | moments),
            )
        ),
        "practice_logs": some(
            lambda: stamped(
                draw,
                practice=draw(st.sampled_from(PRACTICES)),
                date=draw(days),
                minutes=draw(st.none() | st.integers(1, 1440)),
                note=draw(words),
            )
        ),
        "moments": some(
            lambda: stamped(
                draw,
                date=draw(days),
                positive=draw(st.booleans()),
                text=draw(words),
                conflict=draw(st.booleans()),
            )
        ),
        "bids": some(
            lambda: stamped(
                draw,
                date=draw(days),
                whose=draw(st.sampled_from(["theirs", "mine"])),
                response=draw(st.sampled_from(["toward", "away", "against"])),
                text=draw(words),
            )
        ),
        "checkins": some(
            lambda: stamped(
                draw,
                date=draw(days),
                ratings=draw(st.dictionaries(st.sampled_from(SIGNS), st.integers(0, 4))),
                note=draw(words),
            )
        ),
        "commitments": some(
            lambda: stamped(
                draw,
                title=draw(words),
                due=draw(days),
                every=draw(repeats),
                done_dates=draw(st.lists(days, max_size=3)),
                missed_dates=draw(st.lists(days, max_size=3)),
                status=draw(st.sampled_from(["open", "done", "missed"])),
            )
        ),
        "milestones": some(
            lambda: stamped(
                draw,
                title=draw(words),
                date=draw(days),
                yearly=draw(st.booleans()),
                kind=draw(st.sampled_from(MILESTONE_KINDS)),
            )
        ),
        "pauses": some(pause),
        "reviews": some(
            lambda: stamped(
                draw,
                date=draw(days),
                step=draw(st.integers(0, 5)),
                answers={"gratitude": draw(words), "reflection": draw(words)},
                made={},
                completed=draw(st.booleans()),
            )
        ),
        "weekly_talks": some(
            lambda: stamped(
                draw,
                date=draw(days),
                held=draw(st.none() | days),
                issue=draw(words),
                answer=draw(words),
                promise=draw(st.none() | ids),
                logged=draw(st.none() | ids),
            )
        ),
    }
    spoil(draw, found)
    return found


# Fields with a fixed form, and the hostile values each may get.
SPOILS: list[tuple[str, str, st.SearchStrategy[Any]]] = [
    ("entries", "date", hostile_days),
    ("entries", "created", hostile_moments),
    ("entries", "tags", st.lists(words, min_size=1, max_size=3)),
    ("entries", "closeness", hostile_ints),
    ("entries", "steps", st.lists(hostile_ints, min_size=1, max_size=3)),
    ("entries", "id", words),
    ("notes", "kind", words),
    ("notes", "status", words),
    ("notes", "delivered_how", words),
    ("notes", "sender", words),
    ("notes", "delivered_at", hostile_moments),
    ("practice_logs", "practice", words),
    ("practice_logs", "minutes", hostile_ints),
    ("moments", "conflict", st.one_of(hostile_ints, words, st.none())),
    ("bids", "whose", words),
    ("bids", "response", st.one_of(words, hostile_ints)),
    ("bids", "date", hostile_days),
    ("checkins", "ratings", st.dictionaries(words, hostile_ints, min_size=1, max_size=2)),
    ("commitments", "due", hostile_days),
    ("commitments", "every", hostile_rules),
    ("commitments", "done_dates", st.lists(hostile_days, min_size=1, max_size=2)),
    ("milestones", "kind", words),
    ("milestones", "updated", hostile_moments),
    ("pauses", "start", hostile_days),
    ("pauses", "end", hostile_days),
    ("reviews", "answers", st.dictionaries(words, nested, max_size=3)),
    ("reviews", "made", st.dictionaries(words, st.lists(words, max_size=2), max_size=2)),
    ("weekly_talks", "held", hostile_days),
    ("weekly_talks", "promise", words),
]


def spoil(draw: st.DrawFn, found: dict[str, list[dict[str, Any]]]) -> None:
    chosen = draw(st.none() | st.sampled_from(SPOILS))
    if chosen is not None:
        kind, field, values = chosen
        found[kind][0][field] = draw(values)


@st.composite
def hostile_files(draw: st.DrawFn) -> dict[str, Any]:
    shape = draw(st.sampled_from(["export", "share", "jrnl"]))
    if shape == "jrnl":
        entries = [
            {
                "title": draw(words),
                "body": draw(words),
                "date": draw(days | hostile_days),
                "time": draw(st.sampled_from(["21:05", "07:30"]) | words),
                "tags": ["@" + t for t in draw(tags)] + draw(st.lists(words, max_size=1)),
                "starred": draw(st.booleans()),
            }
            for _ in range(draw(st.integers(1, 3)))
        ]
        return {"tags": {}, "entries": entries}
    found = draw(records())
    if shape == "share":
        return {
            "format": "hearthside-share",
            "version": 1,
            "from": draw(st.none() | words),
            "records": {"notes": found["notes"]},
        }
    doc: dict[str, Any] = {"format": "hearthside", "version": 1, "records": found}
    if draw(st.booleans()):
        doc["settings"] = {"spouse_name": draw(words), "week_start": draw(st.integers(0, 6))}
    return doc


# -- using what came in, everywhere ---------------------------------------------------------


def every_command(home: Path, file: Path, out: Path) -> None:
    store = Store(home)
    entries = [e.id for e in store.all(Entry)]
    notes = [n.id for n in store.all(Note)]
    promises = [c.id for c in store.all(Commitment)]
    store.close()
    commands: list[list[str]] = [
        ["list", "-n", "100"],
        ["search", "a"],
        ["notes"],
        ["pauses"],
        ["upcoming", "--days", "366"],
        ["stats"],
        ["import", "--dry-run", str(file)],
        ["doctor"],
        ["weekly"],
        ["weekly", "--print", "html", "--force", "-o", str(out / "weekly.html")],
        *(["show", ref] for ref in entries),
        *(["card", ref, "-f", "txt", "--include-private", "--force"] for ref in notes[:2]),
        *([verb, ref] for ref in promises[:2] for verb in ("done", "missed")),
        *(
            ["export", "-f", fmt, "--include-private", "--force", "-o", str(out / f"all.{fmt}")]
            for fmt in ("md", "txt", "json", "html", "ics")
        ),
    ]
    for args in commands:
        result = run("--home", str(home), *args)
        assert result.exit_code in (0, 2), (args, result.output)
        assert "Traceback" not in result.output, (args, result.output)
        if args[0] == "doctor":
            assert result.exit_code == 0, result.output  # nothing imported needs skipping


async def paint_every_room(home: Path) -> None:
    from hearthside.tui.app import make_app

    app = make_app(home=home, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        for room in "12345":
            await pilot.press(room)
            await pilot.pause()
            assert app.is_running and not app.crashed, room
            painted = app.screen._compositor.render_full_update().render_segments(app.console)
            for marker in RAW_MARKERS:
                assert marker not in painted, (room, marker)


def check(doc: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        home, file, out = Path(folder) / "home", Path(folder) / "in.json", Path(folder) / "out"
        out.mkdir()
        add_entry(Store(home), body="Already here.", day="2026-11-01")
        file.write_text(json.dumps(doc), encoding="utf-8")
        before = disk_state(home)
        result = run("--home", str(home), "import", str(file))
        assert result.exit_code in (0, 2), result.output
        event("refused" if result.exit_code == 2 else "imported")
        if result.exit_code == 2:
            assert "Nothing was imported" in result.output
            assert disk_state(home) == before
            return
        every_command(home, file, out)
        asyncio.run(paint_every_room(home))


QUICK = settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@QUICK
@given(doc=hostile_files())
def test_a_hostile_file_is_refused_cleanly_or_works_everywhere(doc: dict[str, Any]) -> None:
    check(doc)


@pytest.mark.slow
@settings(QUICK, max_examples=30)  # each example runs every command and paints every room
@given(doc=hostile_files())
def test_many_hostile_files_are_refused_cleanly_or_work_everywhere(doc: dict[str, Any]) -> None:
    check(doc)


def test_the_generator_makes_files_that_come_in_as_well_as_ones_refused() -> None:
    """Guards the test above: without imports that succeed, it would check nothing."""
    outcomes = set()

    @settings(QUICK, max_examples=40, database=None)
    @given(doc=hostile_files())
    def attempt(doc: dict[str, Any]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            file = Path(folder) / "in.json"
            file.write_text(json.dumps(doc), encoding="utf-8")
            result = run("--home", str(Path(folder) / "home"), "import", "--dry-run", str(file))
            outcomes.add(result.exit_code)

    attempt()
    assert outcomes == {0, 2}, outcomes
