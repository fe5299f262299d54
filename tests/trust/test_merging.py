"""Two computers' versions of one journal file, merged: nothing either saved is lost, and
the answer is the same whichever side merges first, however often."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from hearthside.store.layout import Tables
from hearthside.store.merging import differing, merge

START = datetime(2026, 11, 20, 9, tzinfo=UTC)

Doc = dict[str, Any]


def stamp(seconds: int) -> str:
    return (START + timedelta(seconds=seconds)).isoformat()


def record(ident: str, body: str, at: int) -> Doc:
    return {
        "id": ident,
        "created": stamp(at),
        "updated": stamp(at),
        "deleted_at": None,
        "body": body,
    }


def as_file(replica: dict[str, Doc]) -> Tables:
    """The replica as its file holds it, numbered in the order it saved them."""
    return {"entries": {str(n): doc for n, doc in enumerate(replica.values(), 1)}}


# One step a person takes on one computer: write a new entry, edit one, trash one, or
# bring one back; ``pause`` seconds after the step before (0: the same second).
step = st.tuples(
    st.sampled_from(["add", "edit", "trash", "restore"]),
    st.integers(0, 50),
    st.text(max_size=8),
    st.integers(0, 3),
)


def replay(
    start: dict[str, Doc], steps: list[tuple[str, int, str, int]], side: str
) -> dict[str, Doc]:
    replica = {ident: dict(doc) for ident, doc in start.items()}
    clock = 100
    for n, (action, pick, words, pause) in enumerate(steps):
        clock += pause
        ids = sorted(replica)
        if action == "add" or not ids:
            new = record(f"{side}{n}", words, clock)
            replica[new["id"]] = new
            continue
        doc = replica[ids[pick % len(ids)]]
        doc["updated"] = stamp(clock)
        if action == "edit":
            doc["body"] = words
        elif action == "trash":
            doc["deleted_at"] = stamp(clock)
        else:
            doc["deleted_at"] = None
    return replica


@settings(max_examples=300, deadline=None)
@given(
    start=st.lists(st.text(max_size=6), max_size=5),
    laptop_steps=st.lists(step, max_size=12),
    desktop_steps=st.lists(step, max_size=12),
)
def test_merging_in_either_order_gives_one_journal_and_loses_nothing(
    start: list[str],
    laptop_steps: list[tuple[str, int, str, int]],
    desktop_steps: list[tuple[str, int, str, int]],
) -> None:
    common = {f"c{n}": record(f"c{n}", body, n) for n, body in enumerate(start)}
    laptop = replay(common, laptop_steps, "l")
    desktop = replay(common, desktop_steps, "d")
    a, b = as_file(laptop), as_file(desktop)

    merged = merge(a, b)
    assert merge(b, a) == merged
    # Merging again, with either side or with itself, changes nothing.
    assert merge(merged, a) == merged and merge(b, merged) == merged
    assert merge(merged, merged) == merged
    assert differing(merged, merge(merged, b)) == 0

    result = {doc["id"]: doc for doc in merged["entries"].values()}
    # No record either side saved is lost, and none is made up.
    assert result.keys() == laptop.keys() | desktop.keys()
    for ident, doc in result.items():
        versions = [side[ident] for side in (laptop, desktop) if ident in side]
        assert doc in versions
        # The version changed last wins, a trash mark counting as a change.
        newest = max(max(v["updated"], v["deleted_at"] or "") for v in versions)
        assert max(doc["updated"], doc["deleted_at"] or "") == newest


def test_a_trash_mark_wins_over_an_older_edit_and_loses_to_a_newer_one() -> None:
    base = record("r1", "the walk by the river", 0)
    edited = {**base, "body": "the walk, and the bench", "updated": stamp(10)}
    trashed = {**base, "deleted_at": stamp(20), "updated": stamp(20)}
    later_edit = {**base, "body": "kept after all", "updated": stamp(30)}
    [won] = merge({"entries": {"1": edited}}, {"entries": {"1": trashed}})["entries"].values()
    assert won == trashed
    [won] = merge({"entries": {"1": later_edit}}, {"entries": {"1": trashed}})["entries"].values()
    assert won == later_edit


def test_stamps_in_other_time_zones_are_compared_as_moments() -> None:
    # 10:00 in Paris is 09:00 UTC: earlier than 09:30 UTC, though it sorts later as text.
    paris = {**record("r1", "from Paris", 0), "updated": "2026-11-20T10:00:00+01:00"}
    london = {**record("r1", "from London", 0), "updated": "2026-11-20T09:30:00+00:00"}
    [won] = merge({"entries": {"1": paris}}, {"entries": {"1": london}})["entries"].values()
    assert won["body"] == "from London"


def test_the_newer_settings_win_and_both_lists_of_files_are_kept() -> None:
    older: Tables = {
        "meta": {"1": {"schema": 3, "files": ["2025-entries", "2026-entries"]}},
        "settings": {"1": {"spouse_name": "Sam", "updated": stamp(5)}},
    }
    newer: Tables = {
        "meta": {"1": {"schema": 3, "files": ["2026-entries", "2026-notes"]}},
        "settings": {"1": {"spouse_name": "Samira", "updated": stamp(9)}},
    }
    for merged in (merge(older, newer), merge(newer, older)):
        assert merged["settings"] == {"1": newer["settings"]["1"]}
        assert merged["meta"]["1"]["files"] == ["2025-entries", "2026-entries", "2026-notes"]
    # Settings saved before they carried a stamp lose to any that do.
    unstamped: Tables = {"settings": {"1": {"spouse_name": "Sam"}}}
    assert merge(unstamped, newer)["settings"]["1"]["spouse_name"] == "Samira"


def test_a_document_without_an_id_is_kept_as_it_is() -> None:
    odd = {"body": "typed into the file by hand"}
    merged = merge({"entries": {"1": odd}}, {"entries": {"1": record("r1", "x", 0)}})
    assert odd in merged["entries"].values() and len(merged["entries"]) == 2


def test_for_a_file_changed_underneath_the_one_on_disk_wins_a_tie() -> None:
    ours = record("r1", "as the app had it", 0)
    on_disk = {**ours, "body": "as edited by hand"}
    [won] = merge({"e": {"1": ours}}, {"e": {"1": on_disk}}, ties_to_b=True)["e"].values()
    assert won == on_disk
    [won] = merge({"e": {"1": on_disk}}, {"e": {"1": ours}}, ties_to_b=True)["e"].values()
    assert won == ours
