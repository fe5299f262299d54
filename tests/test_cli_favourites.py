"""`hearthside star`: an entry or a note starred to come back to, by the id the lists show."""

from __future__ import annotations

from pathlib import Path

from hearthside.domain.records import Entry, Note
from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note
from hearthside.store.store import Store
from hearthside.texts.library import Content
from tests.conftest import disk_state, run, stored


def test_starring_an_entry_shows_its_star_in_the_list_and_undo_takes_it_off(
    store: Store, private_home: Path
) -> None:
    entry = add_entry(store, title="Pancakes in bed", day="2026-11-24")
    add_entry(store, title="An ordinary Tuesday", day="2026-11-23")
    store.close()
    result = run("star", entry.short_id)
    assert result.exit_code == 0, result.output
    assert f"Starred the entry {entry.short_id}" in result.output
    assert [e.starred for e in stored(private_home, Entry) if e.id == entry.id] == [True]
    listing = run("list").output.splitlines()
    assert any("★ Pancakes in bed" in line for line in listing)
    assert not any("★" in line for line in listing if "Tuesday" in line)
    assert "★ Pancakes in bed" in run("show", entry.short_id).output
    result = run("star", entry.short_id, "--undo")
    assert result.exit_code == 0 and "Took the star off the entry" in result.output
    assert not any(e.starred for e in stored(private_home, Entry))
    assert "★" not in run("list").output


def test_a_note_is_starred_by_its_id_too(
    store: Store, content: Content, private_home: Path
) -> None:
    note = add_note(store, content, kind="gratitude", text="Thank you for the soup.")
    store.close()
    result = run("star", note.id[:6])
    assert result.exit_code == 0 and "Starred the note" in result.output
    assert [n.starred for n in stored(private_home, Note)] == [True]
    assert "★ Thank you for the soup." in run("notes").output


def test_an_unknown_id_is_named_and_nothing_changes(store: Store, private_home: Path) -> None:
    add_entry(store, title="Pancakes in bed", day="2026-11-24")
    store.close()
    before = disk_state(private_home)
    result = run("star", "feedbeef")
    assert result.exit_code == 2
    assert "No entry or note has the id 'feedbeef'" in result.output
    assert "hearthside list" in result.output and "Traceback" not in result.output
    assert disk_state(private_home) == before


def test_a_question_is_starred_by_the_id_ask_shows(private_home: Path) -> None:
    question, about = run("ask", "--deck", "dreams", "--depth", "deep").output.splitlines()
    ref = about.split(" · ")[-1]
    result = run("star", ref)
    assert result.exit_code == 0, result.output
    assert f"Starred the question {ref}" in result.output
    assert question in run("ask", "--favourites").output
    # Starring it again changes nothing; --undo takes it off.
    again = run("star", ref)
    assert again.exit_code == 0 and "already one of your favourites" in again.output
    assert "Took the star off the question" in run("star", ref, "--undo").output
    assert "No favourites yet." in run("ask", "--favourites").output
    assert "wasn't one of your favourites" in run("star", ref, "--undo").output
