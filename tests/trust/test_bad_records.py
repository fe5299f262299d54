"""Records that typing could never make: a file that brings one in is refused whole,
and one edited into a journal file by hand is skipped, named, and listed by doctor,
while the rest of the journal goes on working in every command and every room."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from hearthside.domain.records import Commitment, Entry, Milestone, Pause
from hearthside.domain.settings import Settings
from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note
from hearthside.services.pauses import add_pause
from hearthside.services.plans import add_commitment, add_milestone
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import TODAY, disk_state, run, stored
from tests.trust.hostile import DROP, export_file, hand_edit, hostile_records, stamped

# -- a file that brings in what typing never could ------------------------------------------

BAD_VALUES: dict[str, tuple[str, dict[str, Any]]] = {
    "a date with a letter after it": ("entries", {"date": "2026-11-20x"}),
    "a date with a time": ("entries", {"date": "2026-11-20T10:00"}),
    "a date with a trailing space": ("entries", {"date": "2026-11-20 "}),
    "a due with a letter after it": ("commitments", {"due": "2026-11-20x"}),
    "a due with a time": ("commitments", {"due": "2026-11-20T10:00"}),
    "a repeat of garbage": ("commitments", {"every": "garbage"}),
    "a repeat with CRLF": ("commitments", {"every": "FREQ=WEEKLY\r\nX-INJECTED:1"}),
    "a repeat every second": ("commitments", {"every": "FREQ=SECONDLY"}),
    "a due at the end of time": ("commitments", {"due": "9999-12-31"}),
    "an update in the year 1": ("milestones", {"updated": "0001-01-01T00:00:00"}),
    "a pause from year 1 to 9999": ("pauses", {"start": "0001-01-01", "end": "9999-12-31"}),
    "a pause ending before it starts": ("pauses", {"start": "2026-10-03", "end": "2026-10-01"}),
    "a body of 30 MB": ("entries", {"body": "x" * 30_000_000}),
    "a body just over 1 MB": ("entries", {"body": "é" * 500_001}),
    "a note kind not on the list": ("notes", {"kind": "love-letter"}),
    "a note status not on the list": ("notes", {"status": "sent"}),
    "a milestone kind not on the list": ("milestones", {"kind": "party"}),
    "a practice not on the list": ("practice_logs", {"practice": "juggling"}),
    "a sign not on the list": ("checkins", {"ratings": {"distance": 2}}),
    "a rating off the scale": ("checkins", {"ratings": {"thin-talk": 9}}),
    "minutes beyond a day": ("practice_logs", {"minutes": 100_000}),
    "a review answer nested 300 deep": ("reviews", {"answers": {"extra": "DEEP"}}),
    "a favourite of a question not on the list": ("favourite_questions", {"question": "fun-999"}),
    "a favourite of a question id with a newline": (
        "favourite_questions",
        {"question": "fun-2\nX"},
    ),
    "a favourite starred on no day": ("favourite_questions", {"date": "someday"}),
    "a bid met some other way": ("bids", {"response": "sideways"}),
    "a bid of no one's": ("bids", {"whose": "ours"}),
    "a bid on no day": ("bids", {"date": "2026-02-30"}),
    "a moment half in a disagreement": ("moments", {"conflict": "maybe"}),
}


def nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = {"more": value}
    return value


def fine_records() -> dict[str, list[dict[str, Any]]]:
    records = hostile_records(text="plain words")
    records["reviews"] = [stamped(date="2026-11-24", answers={"gratitude": "the tea"})]
    return records


def test_the_same_file_without_those_values_comes_in(private_home: Path, tmp_path: Path) -> None:
    result = run("import", str(export_file(tmp_path / "fine.json", fine_records())))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("case", list(BAD_VALUES))
def test_a_file_with_a_value_typing_never_allows_is_refused_whole(
    private_home: Path, tmp_path: Path, case: str
) -> None:
    run("add", "Already here.", "--date", "2026-11-01")
    before = disk_state(private_home)
    records = fine_records()
    kind, changes = BAD_VALUES[case]
    records[kind][0].update(changes)
    if case == "a review answer nested 300 deep":
        records[kind][0]["answers"]["extra"] = nested(300)
    result = run("import", str(export_file(tmp_path / "bad.json", records)))
    assert result.exit_code == 2, result.output
    assert "Nothing was imported" in result.output
    assert disk_state(private_home) == before
    assert [e.body for e in stored(private_home, Entry)] == ["Already here."]


def jrnl_file(path: Path, **entry: Any) -> Path:
    doc = {"tags": {}, "entries": [{"date": "2026-11-20", "time": "09:00", "title": "t", **entry}]}
    path.write_bytes(orjson.dumps(doc))
    return path


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_a_jrnl_entry_from_outside_the_calendar_is_refused_not_a_crash(
    private_home: Path, tmp_path: Path, day: str
) -> None:
    result = run("import", str(jrnl_file(tmp_path / "jrnl.json", date=day)))
    assert result.exit_code == 2, result.output
    assert "entry 1 has a 'date' that is outside the years 1900 to 2200" in result.output


# -- a record edited by hand into a journal file -----------------------------------------


def journal_with_one_of_each(home: Path) -> dict[str, str]:
    """A good record of each kind that can go wrong; their ids by kind."""
    store, content = Store(home), Content()
    store.save_settings(Settings(spouse_name="Sam", welcomed=True))
    made = {
        "entries": add_entry(store, body="A good day.", day="2026-11-20", today=TODAY),
        "commitments": add_commitment(store, "Walk", due="2026-11-24", every="weekly", today=TODAY),
        "milestones": add_milestone(store, content, "Wedding", day="2012-06-09", today=TODAY),
        "pauses": add_pause(store, "2026-10-01", "2026-10-03", today=TODAY),
        "notes": add_note(store, content, kind="gratitude", text="Thanks", today=TODAY),
    }
    store.close()
    return {kind: record.id for kind, record in made.items()}


HAND_EDITS: dict[str, tuple[str, dict[str, Any]]] = {
    "a date with a letter after it": ("entries", {"date": "2026-11-20x"}),
    "no date at all": ("entries", {"date": DROP}),
    "tags that aren't a list": ("entries", {"tags": "walk"}),
    "a due with a time": ("commitments", {"due": "2026-11-20T10:00"}),
    "a due with a trailing space": ("commitments", {"due": "2026-11-24 "}),
    "a repeat of garbage": ("commitments", {"every": "garbage"}),
    "a repeat with CRLF": ("commitments", {"every": "FREQ=WEEKLY\r\n"}),
    "a due at the end of time": ("commitments", {"due": "9999-12-31"}),
    "an update in the year 1": ("milestones", {"updated": "0001-01-01T00:00:00"}),
    "a pause from year 1 to 9999": ("pauses", {"start": "0001-01-01", "end": "9999-12-31"}),
}
LABELS = {"entries": "entry", "commitments": "commitment", "milestones": "milestone"}


@pytest.mark.parametrize("case", list(HAND_EDITS))
def test_a_record_edited_by_hand_is_skipped_named_and_listed_by_doctor(
    private_home: Path, case: str
) -> None:
    ids = journal_with_one_of_each(private_home)
    kind, changes = HAND_EDITS[case]
    file = hand_edit(private_home, kind, ids[kind], changes)
    notice = f"Skipped the {LABELS.get(kind, 'pause')} {ids[kind]} in {file}"

    reading = [
        ["list"],
        ["upcoming", "--days", "366"],
        ["stats"],
        ["pauses"],
        ["export", "-f", "ics", "--force"],
        ["export", "-f", "md", "--force"],
    ]
    told = []
    for args in reading:
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        told.append(result.stderr)
    # Each command that reads that kind of record says so (and only those read it).
    assert notice in "".join(told), told
    if kind != "commitments":
        assert run("done", ids["commitments"]).exit_code == 0
    else:
        result = run("done", ids["commitments"])
        assert result.exit_code == 2 and "No commitment has the id" in result.output

    doctor = run("doctor")
    assert doctor.exit_code == 1 and notice in doctor.output
    # Nothing was rewritten to hide it: the hand edit is still there to be fixed.
    assert hand_edit(private_home, kind, ids[kind], {}) == file


async def test_the_app_starts_with_records_edited_by_hand_and_names_them(
    private_home: Path,
) -> None:
    from hearthside.tui.app import make_app
    from tests.tui.conftest import record_notices

    ids = journal_with_one_of_each(private_home)
    for case in ("no date at all", "a repeat with CRLF", "an update in the year 1"):
        kind, changes = HAND_EDITS[case]
        hand_edit(private_home, kind, ids[kind], changes)
    app = make_app(home=private_home, today=TODAY)
    notices = record_notices(app)
    async with app.run_test(size=(100, 32)) as pilot:
        for room in "12345":
            await pilot.press(room)
            await pilot.pause()
            assert app.is_running and not app.crashed
    for kind in ("entries", "commitments", "milestones"):
        assert any(ids[kind] in notice for notice in notices), (kind, notices)
    assert stored(private_home, Pause)  # the good ones are all still there
    assert not stored(private_home, Entry) and not stored(private_home, Milestone)


# -- repeats: whole days apart, and every walk along one ends --------------------------------


@pytest.mark.parametrize(
    "every",
    [
        "FREQ=SECONDLY",
        "FREQ=MINUTELY;INTERVAL=5",
        "FREQ=HOURLY",
        "FREQ=DAILY;BYHOUR=9,21",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",  # never falls on a day at all
        "FREQ=DAILY;UNTIL=99991231",
    ],
)
def test_a_repeat_finer_than_a_day_or_never_falling_is_refused(
    private_home: Path, every: str
) -> None:
    run("list")
    before = disk_state(private_home)
    result = run("commit", "Say good night", "--due", "today", "--every", every)
    assert result.exit_code == 2, result.output
    assert "use daily, weekly" in result.output and "Traceback" not in result.output
    assert disk_state(private_home) == before


def test_a_stored_repeat_every_second_neither_hangs_nor_crashes(private_home: Path) -> None:
    ids = journal_with_one_of_each(private_home)
    file = hand_edit(private_home, "commitments", ids["commitments"], {"every": "FREQ=SECONDLY"})
    command = [sys.executable, "-m", "hearthside", "--home", str(private_home)]
    for args in (["upcoming"], ["done", ids["commitments"]], ["missed", ids["commitments"]]):
        # A hang fails here (TimeoutExpired) instead of stalling the whole suite.
        result = subprocess.run([*command, *args], capture_output=True, text=True, timeout=60)
        assert result.returncode in (0, 2) and "Traceback" not in result.stderr, result.stderr
        assert f"Skipped the commitment {ids['commitments']} in {file}" in result.stderr


def test_a_daily_promise_marked_far_ahead_is_walked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime, timedelta

    from dateutil.rrule import rrule

    from hearthside.services.plans import current_occurrence

    stepped: list[datetime] = []
    walk = rrule.__iter__

    def counted(self: rrule) -> Iterator[datetime]:
        for moment in walk(self):
            stepped.append(moment)
            yield moment

    monkeypatch.setattr(rrule, "__iter__", counted)
    ahead = [(TODAY + timedelta(days=n)).isoformat() for n in range(3_000)]
    commitment = Commitment(title="Tea", due=TODAY.isoformat(), every="daily", done_dates=ahead)
    assert current_occurrence(commitment, TODAY) == TODAY + timedelta(days=3_000)
    # One walk to today and one onward past the marked days: not one walk for each.
    assert len(stepped) < 2 * 3_000


def test_a_save_beside_a_skipped_record_keeps_it_and_still_names_it(private_home: Path) -> None:
    ids = journal_with_one_of_each(private_home)
    file = hand_edit(private_home, "entries", ids["entries"], {"date": "2026-11-20x"})
    notice = f"Skipped the entry {ids['entries']} in {file}"
    assert notice in run("add", "Written beside it.", "--date", "2026-11-21").stderr
    # The file was saved again, the spoiled record in it as it was; it is still named.
    assert notice in run("list").stderr
    assert notice in run("list").stderr
    assert [e.body for e in stored(private_home, Entry)] == ["Written beside it."]
    assert hand_edit(private_home, "entries", ids["entries"], {}) == file
