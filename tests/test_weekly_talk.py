"""The weekly talk's agenda, read from a fixed week, and holding it once a week: its
words from content, a broken file named with its line, and the record moving house."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hearthside.domain.records import Commitment, PracticeLog, WeeklyTalk
from hearthside.domain.settings import Settings
from hearthside.errors import HearthsideError
from hearthside.services import plans
from hearthside.services.exchange.exporting.exporter import export
from hearthside.services.exchange.exporting.selection import Selection
from hearthside.services.exchange.importing.checks import ImportRefused
from hearthside.services.exchange.importing.importer import import_file
from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note, deliver_note
from hearthside.services.practices import add_moment, log_practice
from hearthside.services.weekly_talk import (
    AgendaItem,
    agenda,
    held_this_week,
    hold,
    keep_prepared,
)
from hearthside.store.store import Store
from hearthside.texts.checks import check_all
from hearthside.texts.front_matter import ContentError, line_of
from hearthside.texts.library import Content
from tests.conftest import TODAY, run
from tests.trust.hostile import export_file, stamped

SUNDAY_BEFORE, MONDAY, SUNDAY, NEXT_MONDAY = (
    date(2026, 11, 22),
    date(2026, 11, 23),
    date(2026, 11, 29),
    date(2026, 11, 30),
)


def a_week(store: Store, content: Content) -> None:
    """Something of every kind the agenda reads, on the days at the edges of the week."""
    for day in (SUNDAY_BEFORE, MONDAY, SUNDAY, NEXT_MONDAY):
        on = day.isoformat()
        add_moment(store, True, f"Good {on}", day=day, today=NEXT_MONDAY)
        add_moment(store, False, f"Hard {on}", day=day, today=NEXT_MONDAY)
        log_practice(store, content, "compliments", note=f"Kind {on}", day=day, today=NEXT_MONDAY)
        add_entry(store, title=f"Close {on}", closeness=4, day=on)
        add_entry(store, title=f"Plain {on}", day=on)
        note = add_note(store, content, kind="gratitude", text=f"Note {on}", day=on)
        deliver_note(store, note.id, "aloud", when=f"{on}T20:00:00+00:00")
    # Left out: no words, a private entry, a note not handed over, kind words without a note.
    add_moment(store, True, "", day=MONDAY, today=TODAY)
    add_entry(store, title="Secret", closeness=5, day="2026-11-24", private=True)
    add_note(store, content, kind="gratitude", text="Not handed over", day="2026-11-24")
    log_practice(store, content, "compliments", day=MONDAY, today=TODAY)
    promise = plans.add_commitment(store, "Walk after dinner", due=MONDAY, every="daily")
    kept = [SUNDAY_BEFORE.isoformat(), "2026-11-24"]
    store.update(Commitment, promise.id, lambda c: setattr(c, "done_dates", kept))


def words(items: tuple[AgendaItem, ...]) -> list[str]:
    return [f"{i.day:%a} {i.what}: {i.words}" for i in items]


def test_the_agenda_reads_a_week_that_starts_on_monday(store: Store, content: Content) -> None:
    a_week(store, content)
    found = agenda(store, content, today=TODAY)
    assert (found.start, found.end) == (MONDAY, SUNDAY)
    assert found.week_words == "The week of 23–29 November 2026"
    assert words(found.appreciations) == [
        "Mon A note you handed over: Note 2026-11-23",
        "Mon Kind words: Kind 2026-11-23",
        "Mon A good moment: Good 2026-11-23",
        "Sun A note you handed over: Note 2026-11-29",
        "Sun Kind words: Kind 2026-11-29",
        "Sun A good moment: Good 2026-11-29",
    ]
    assert words(found.went_well) == [
        "Mon A close day (4 of 5): Close 2026-11-23",
        "Tue A promise kept: Walk after dinner",
        "Sun A close day (4 of 5): Close 2026-11-29",
    ]
    assert words(found.issues) == [
        "Mon A hard moment: Hard 2026-11-23",
        "Mon From your journal: Plain 2026-11-23",
        "Sun A hard moment: Hard 2026-11-29",
        "Sun From your journal: Plain 2026-11-29",
    ]
    assert found.talk is None and found.held_words == ""


def test_the_agenda_follows_a_week_that_starts_on_sunday(store: Store, content: Content) -> None:
    store.save_settings(Settings(week_start=6))
    a_week(store, content)
    found = agenda(store, content, today=TODAY)
    assert (found.start, found.end) == (SUNDAY_BEFORE, date(2026, 11, 28))
    assert [i.day for i in found.appreciations] == [SUNDAY_BEFORE] * 3 + [MONDAY] * 3
    assert words(found.went_well)[:2] == [
        "Sun A close day (4 of 5): Close 2026-11-22",
        "Sun A promise kept: Walk after dinner",
    ]


def test_an_empty_week_gives_kind_words_for_each_part(store: Store, content: Content) -> None:
    found = agenda(store, content, today=TODAY)
    assert found.appreciations == found.went_well == found.issues == ()
    empties = [part.empty for part, _items in found.filled]
    assert empties[0].startswith("Nothing noted this week yet, and that's fine.")
    assert all(empties) and found.guide.part("closing").empty == ""


def test_holding_twice_in_a_week_keeps_one_talk_one_log_and_one_promise(
    store: Store, content: Content
) -> None:
    assert held_this_week(store, TODAY) is None
    keep_prepared(store, issue="Money", answer="", today=date(2026, 11, 24))
    assert held_this_week(store, TODAY) is None  # prepared is not held
    first = hold(store, content, answer="Breakfast in bed", day="2026-11-24", today=TODAY)
    assert (first.issue, first.held, first.date) == ("Money", "2026-11-24", "2026-11-23")
    again = hold(store, content, issue="Money, again", answer="Breakfast, and tea", today=TODAY)
    assert held_this_week(store, TODAY) == again and again.id == first.id
    assert (again.issue, again.held) == ("Money, again", "2026-11-25")
    (log,) = store.all(PracticeLog)
    assert (log.id, log.practice, log.date) == (again.logged, "conversation", "2026-11-25")
    (promise,) = store.all(Commitment)
    assert (promise.id, promise.title, promise.due) == (
        again.promise,
        "Breakfast, and tea",
        "2026-12-01",
    )
    # Left out, the words stay as they were; the next week is a talk of its own.
    assert hold(store, content, today=TODAY).answer == "Breakfast, and tea"
    assert held_this_week(store, NEXT_MONDAY) is None
    assert len(store.all(WeeklyTalk)) == 1


def test_a_talk_in_the_future_is_refused(store: Store, content: Content) -> None:
    with pytest.raises(HearthsideError, match="in the future"):
        hold(store, content, day="2026-11-27", today=TODAY)
    assert store.all(WeeklyTalk) == [] and store.all(PracticeLog) == []


# -- its words ------------------------------------------------------------------------------


def test_the_talk_has_four_parts_in_its_own_words(content: Content) -> None:
    guide = content.weekly_talk
    assert [p.title for p in guide.parts] == [
        "Appreciations",
        "What went well",
        "One thing to talk through",
        "Closing",
    ]
    assert guide.minutes == 60
    assert guide.closing_question == "What would make you feel loved in the coming week?"
    assert "even if only you follow it" in guide.intro
    assert len(guide.speaker) >= 2 and len(guide.listener) >= 2
    assert "State of the Union" not in guide.intro  # our words, not the book's


def test_a_part_out_of_order_is_refused_with_its_line(own_copy: Path) -> None:
    path = own_copy / "weekly-talk.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: went-well", "id: went-ok"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        _ = Content().weekly_talk
    assert str(info.value) == (
        f"Content file {path}, line {line_of(path, 'parts:')}: 'parts' should be the four "
        "parts in order (appreciations, went-well, issue, closing); found appreciations, "
        "went-ok, issue, closing."
    )
    assert str(info.value) in check_all(Content())
    shown = run("weekly")
    assert shown.exit_code == 2 and "weekly-talk.md, line" in shown.output


def test_a_part_without_words_is_refused_at_that_part(own_copy: Path) -> None:
    path = own_copy / "weekly-talk.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    title: What went well\n", ""), encoding="utf-8")
    with pytest.raises(ContentError, match=r"line \d+: part 2: 'title' is missing"):
        _ = Content().weekly_talk


# -- moving house ---------------------------------------------------------------------------


def test_a_held_talk_moves_house_in_an_export(
    store: Store, content: Content, tmp_path: Path
) -> None:
    held = hold(store, content, issue="Money [b]", answer="A walk", today=TODAY)
    moved = export(store, None, "json", Selection(include_private=True)).path
    new_home = Store(tmp_path / "new-machine")
    report = import_file(new_home, moved)
    assert report.counts == {"weekly_talks": 1, "practice_logs": 1, "commitments": 1}
    assert new_home.get(WeeklyTalk, held.id).to_doc() == held.to_doc()
    assert held_this_week(new_home, TODAY) == held


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"date": "someday"}, "its 'date' is not a date like 2026-11-24"),
        ({"held": "9999-01-01"}, "its 'held' is outside the years 1900 to 2200"),
        ({"promise": "not an id\n"}, "its 'promise' should be the id of a record"),
        ({"logged": 7}, "its 'logged' should be"),
        ({"issue": "x" * 1_000_001}, "its 'issue' is over 1 MB"),
    ],
)
def test_a_hostile_weekly_talk_is_refused_whole(
    store: Store, tmp_path: Path, changes: dict[str, object], problem: str
) -> None:
    talk = stamped(date="2026-11-23", held="2026-11-24", issue="Money", answer="A walk")
    records = {"weekly_talks": [{**talk, **changes}]}
    with pytest.raises(ImportRefused, match=problem) as info:
        import_file(store, export_file(tmp_path / "in.json", records))
    assert "Nothing was imported" in str(info.value)
    assert store.all(WeeklyTalk) == []


def test_an_imported_talk_naming_part_of_an_id_never_changes_another_promise(
    store: Store, content: Content, tmp_path: Path
) -> None:
    theirs = plans.add_commitment(store, "Call the plumber", due=TODAY)
    talk = stamped(date="2026-11-23", held="2026-11-23", promise=theirs.id[:6])
    import_file(store, export_file(tmp_path / "in.json", {"weekly_talks": [talk]}))
    held = hold(store, content, answer="A walk", today=TODAY)
    assert store.get(Commitment, theirs.id).title == "Call the plumber"
    assert held.promise != theirs.id
    assert sorted(c.title for c in store.all(Commitment)) == ["A walk", "Call the plumber"]
