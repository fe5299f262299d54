"""Bringing a journal in: a move to a new machine loses nothing, importing twice adds
nothing, jrnl users can come across, and a bad file changes nothing at all.

``data/jrnl-export.json`` was written by jrnl v4.6 itself (``jrnl --export json``)
from a small journal with tags, a starred entry, a multi-line body and accents.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hearthside.domain.records import (
    RECORD_TYPES,
    Bid,
    BidResponse,
    BidWhose,
    Checkin,
    Commitment,
    Entry,
    FavouriteQuestion,
    Milestone,
    Moment,
    Note,
    NoteStatus,
    Pause,
    PracticeLog,
)
from hearthside.domain.settings import Settings
from hearthside.domain.validation import clean_tags
from hearthside.errors import HearthsideError
from hearthside.services.exchange.exporting.exporter import export
from hearthside.services.exchange.exporting.selection import Selection
from hearthside.services.exchange.importing.checks import ImportRefused
from hearthside.services.exchange.importing.importer import import_file
from hearthside.services.exchange.sharing import share_notes
from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note, deliver_note
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import disk_state

JRNL_EXPORT = Path(__file__).parent / "data" / "jrnl-export.json"


def snapshot(store: Store) -> dict[str, list[dict[str, object]]]:
    """Every record of every kind, trash included, in a comparable order."""
    return {
        cls.KIND: sorted(
            (r.to_doc() for r in store.all(cls, include_deleted=True)), key=lambda d: str(d["id"])
        )
        for cls in RECORD_TYPES
    }


@pytest.fixture
def full_journal(store: Store, content: Content) -> Store:
    """Something of every kind, a private starred entry, a delivered note and one in the
    trash."""
    store.save_settings(Settings(spouse_name="Sam", week_start=6, date_order="DMY"))
    add_entry(
        store, title="River walk", body="Talked about summer.", day="2026-11-20", tags=["walk"]
    )
    secret = add_entry(
        store, body="Just for me.", day="2026-11-21", private=True, closeness=2, steps=[1, 4]
    )
    store.update(Entry, secret.id, lambda e: setattr(e, "starred", True))
    store.delete(add_entry(store, body="Changed my mind.", day="2026-11-22"))
    note = add_note(
        store, content, kind="gratitude", text="Thank you for the tea.", day="2026-11-22"
    )
    deliver_note(store, note.id, "aloud")
    store.add(PracticeLog(practice="quality-time", date="2026-11-23", minutes=70, note="cards"))
    store.add(Moment(date="2026-11-23", positive=True, text="laughed"))
    store.add(Moment(date="2026-11-23", positive=False, text="the bills", conflict=True))
    store.add(Bid(date="2026-11-24", whose=BidWhose.MINE, response=BidResponse.AWAY, text="a joke"))
    store.add(Checkin(date="2026-11-24", ratings={"feeling-distant": 2}, note="better"))
    store.add(Commitment(title="Date night", due="2026-11-27", every="weekly"))
    store.add(Milestone(title="Wedding", date="2012-06-09", yearly=True, kind="anniversary"))
    store.add(Pause(start="2026-12-01", end="2026-12-05", reason="travel"))
    store.add(FavouriteQuestion(question="dreams-3", date="2026-11-24"))
    return store


def export_everything(store: Store) -> Path:
    selection = Selection(include_private=True)
    return export(store, None, "json", selection).path


def test_a_move_to_a_new_machine_gives_back_identical_records(
    full_journal: Store, tmp_path: Path
) -> None:
    moved = export_everything(full_journal)
    new_home = Store(tmp_path / "new-machine")
    report = import_file(new_home, moved)
    assert report.counts == {
        "entries": 3,
        "notes": 1,
        "practice_logs": 1,
        "moments": 2,
        "checkins": 1,
        "commitments": 1,
        "milestones": 1,
        "pauses": 1,
        "favourite_questions": 1,
        "bids": 1,
    }
    assert snapshot(new_home) == snapshot(full_journal)
    assert new_home.settings() == full_journal.settings()
    assert report.settings_applied


def test_importing_the_same_file_twice_adds_nothing(full_journal: Store, tmp_path: Path) -> None:
    moved = export_everything(full_journal)
    new_home = Store(tmp_path / "new-machine")
    import_file(new_home, moved)
    before = disk_state(new_home.home)
    again = import_file(new_home, moved)
    assert again.added == () and again.already_there == 13
    assert "already in your journal" in again.summary()
    assert disk_state(new_home.home) == before


def test_settings_already_chosen_are_kept(full_journal: Store, tmp_path: Path) -> None:
    moved = export_everything(full_journal)
    other = Store(tmp_path / "other")
    other.save_settings(Settings(spouse_name="Alex"))
    report = import_file(other, moved)
    assert not report.settings_applied and other.settings().spouse_name == "Alex"


def typeable(tag: str) -> bool:
    try:
        clean_tags([tag])
    except HearthsideError:
        return False
    return True


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(),
    body=st.text(),
    tags=st.lists(st.text(min_size=1).filter(typeable), max_size=3),
)
def test_any_unicode_text_survives_export_and_import(
    title: str, body: str, tags: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Store(Path(folder) / "a")
        entry = source.add(Entry(date="2026-11-24", title=title, body=body, tags=clean_tags(tags)))
        moved = export_everything(source)
        target = Store(Path(folder) / "b")
        import_file(target, moved)
        assert target.get(Entry, entry.id) == entry


def test_a_real_jrnl_export_comes_in_with_tags_and_stars(store: Store) -> None:
    report = import_file(store, JRNL_EXPORT)
    assert report.source == "a jrnl export" and report.counts == {"entries": 4}
    by_title = {e.title: e for e in store.all(Entry)}
    walk = by_title["Walked by the river with @sam."]
    assert walk.date == "2026-11-20" and walk.tags == ["sam"]
    assert walk.body == "We talked about the summer and laughed about the tent."
    assert walk.created.startswith("2026-11-20T19:30:00")
    breakfast = by_title["Anniversary breakfast — café au lait in bed."]
    # jrnl's star is a star here too, not a tag named "starred".
    assert breakfast.starred and breakfast.tags == ["anniversary"]
    assert not walk.starred
    assert "- pancakes\n- a card with <b>bold</b> words" in breakfast.body
    assert set(by_title["Thank you note."].tags) == {"sam", "hard-day"}
    assert import_file(store, JRNL_EXPORT).added == ()  # the same entries, matched again


def test_a_dry_run_says_what_would_come_in_and_writes_nothing(
    full_journal: Store, tmp_path: Path
) -> None:
    moved = export_everything(full_journal)
    home = tmp_path / "new-machine"
    fresh = Store(home)
    before = disk_state(home)
    report = import_file(fresh, moved, dry_run=True)
    assert report.dry_run and len(report.added) == 13
    assert report.summary().startswith("Would import 3 entries")
    assert disk_state(home) == before and fresh.all(Entry) == []


def write(path: Path, data: object) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else orjson.dumps(data))
    return path


def good_export(tmp_path: Path) -> dict[str, object]:
    source = Store(tmp_path / "source")
    add_entry(source, body="A secret sentence.", day="2026-11-20")
    add_entry(source, body="Another secret sentence.", day="2026-11-21")
    doc: dict[str, object] = orjson.loads(export_everything(source).read_bytes())
    return doc


def broken_files(tmp_path: Path) -> dict[str, tuple[object, str]]:
    doc = good_export(tmp_path)
    records = doc["records"]
    assert isinstance(records, dict)
    entries = records["entries"]

    def variant(**changes: object) -> dict[str, object]:
        return {**doc, **changes}

    second_bad = [entries[0], {**entries[1], "date": "the twentieth"}]
    return {
        "empty": (b"", "the file is empty"),
        "truncated": (orjson.dumps(doc)[:-40], "isn't valid JSON"),
        "not json": (b"A secret sentence, as plain text", "isn't valid JSON"),
        "a list": ([1, 2, 3], "isn't a Hearthside export"),
        "another app": ({"format": "dayone", "entries": []}, "isn't a Hearthside export"),
        "newer": (variant(version=99), "newer Hearthside"),
        "no records": (variant(records=None), "no 'records'"),
        "unknown kind": (variant(records={"letters": []}), "'letters' records"),
        "bad date": (variant(records={"entries": second_bad}), "entry 2 in 'records.entries'"),
        "bad type": (
            variant(records={"entries": [{**entries[0], "tags": "walk"}]}),
            "'tags' should be a list of text",
        ),
        "bad star": (
            variant(records={"entries": [{**entries[0], "starred": "yes"}]}),
            "'starred' should be true or false",
        ),
        "duplicate": (variant(records={"entries": [entries[0], entries[0]]}), "more than once"),
        "jrnl no date": (
            {"tags": {}, "entries": [{"title": "x", "body": ""}]},
            "entry 1 has no date",
        ),
    }


@pytest.mark.parametrize(
    "case",
    [
        "empty",
        "truncated",
        "not json",
        "a list",
        "another app",
        "newer",
        "no records",
        "unknown kind",
        "bad date",
        "bad type",
        "bad star",
        "duplicate",
        "jrnl no date",
    ],
)
def test_a_broken_or_foreign_file_is_refused_and_changes_nothing(
    store: Store, tmp_path: Path, case: str
) -> None:
    add_entry(store, body="Already here.", day="2026-11-01")
    before = disk_state(store.home)
    data, problem = broken_files(tmp_path)[case]
    path = write(tmp_path / f"{case}.json", data)
    with pytest.raises(ImportRefused) as refused:
        import_file(store, path)
    message = str(refused.value)
    assert str(path) in message and problem in message and "Nothing was imported" in message
    assert "secret" not in message
    assert disk_state(store.home) == before
    assert [e.body for e in Store(store.home).all(Entry)] == ["Already here."]


def test_a_missing_file_is_named(store: Store, tmp_path: Path) -> None:
    with pytest.raises(HearthsideError, match="no such file"):
        import_file(store, tmp_path / "nowhere.json")


def test_shared_notes_arrive_as_received_notes_from_the_sender(
    store: Store, content: Content, tmp_path: Path
) -> None:
    note = add_note(
        store, content, kind="gratitude", text="Thank you for Sunday.", day="2026-11-22"
    )
    store.update(Note, note.id, lambda n: setattr(n, "starred", True))
    bundle = share_notes(store, [note.id], sender="Alex")
    spouse = Store(tmp_path / "spouse")
    spouse.save_settings(Settings(spouse_name="Alex"))
    import_file(spouse, bundle.data)
    received = spouse.get(Note, note.id)
    assert received.text == note.text and received.status is NoteStatus.RECEIVED
    assert received.sender == "Alex" and not received.private
    assert not received.starred  # a star is the sender's own, like private
    assert [n.status for n in store.all(Note)] == ["drafted"]  # the sender's copy is untouched


def test_a_bundle_without_a_name_is_from_the_importers_spouse(
    store: Store, content: Content, tmp_path: Path
) -> None:
    note = add_note(store, content, kind="compliment", text="You were so patient.")
    bundle = share_notes(store, [note.id])
    spouse = Store(tmp_path / "spouse")
    spouse.save_settings(Settings(spouse_name="Jordan"))
    import_file(spouse, bundle.data)
    assert spouse.get(Note, note.id).sender == "Jordan"


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_bundle_without_a_name_for_an_unnamed_spouse_is_from_your_spouse(
    store: Store, content: Content, tmp_path: Path, blank: str
) -> None:
    # A name of spaces is no name, here as on every screen.
    note = add_note(store, content, kind="compliment", text="You were so patient.")
    bundle = share_notes(store, [note.id])
    spouse = Store(tmp_path / "spouse")
    spouse.save_settings(Settings(spouse_name=blank))
    import_file(spouse, bundle.data)
    assert spouse.get(Note, note.id).sender == "your spouse"


def test_a_star_in_a_bundle_is_not_the_receivers_star(
    store: Store, content: Content, tmp_path: Path
) -> None:
    # A bundle from an older or a hand-edited Hearthside may carry the sender's star.
    note = add_note(store, content, kind="compliment", text="You were so patient.")
    bundle = share_notes(store, [note.id], sender="Alex")
    doc = orjson.loads(bundle.data.read_bytes())
    doc["records"]["notes"][0]["starred"] = True
    spouse = Store(tmp_path / "spouse")
    import_file(spouse, write(tmp_path / "starred-bundle.json", doc))
    assert not spouse.get(Note, note.id).starred
