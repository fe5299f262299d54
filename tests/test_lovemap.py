"""The love map: how fresh a topic is, and `hearthside learned` / `hearthside lovemap`."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearthside.domain.records import Evening, Learned
from hearthside.paths import package_resource
from hearthside.services.evening import in_progress, keep_place
from hearthside.services.exchange.exporting.exporter import export
from hearthside.services.exchange.exporting.selection import Selection, count_phrase
from hearthside.services.exchange.importing.checks import ImportRefused
from hearthside.services.exchange.importing.importer import import_file
from hearthside.services.lovemap import confirm, freshness_words, learn, weeks_since
from hearthside.store.store import Store
from hearthside.texts.checks import check_all
from hearthside.texts.front_matter import ContentError, line_of
from hearthside.texts.library import Content
from tests.conftest import TODAY, Clock, disk_state, run, stored
from tests.trust.hostile import DAY, export_file, stamped

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


def test_a_topic_with_nothing_learned_has_no_freshness() -> None:
    assert weeks_since([], TODAY) is None
    assert freshness_words(None) == "nothing yet"


def test_freshness_counts_whole_weeks_since_the_latest_thing_learned() -> None:
    assert weeks_since([TODAY], TODAY) == 0
    assert weeks_since([TODAY - timedelta(days=6)], TODAY) == 0
    assert weeks_since([TODAY - timedelta(days=7)], TODAY) == 1
    assert weeks_since([TODAY - timedelta(days=60), TODAY - timedelta(days=22)], TODAY) == 3
    assert freshness_words(0) == "learned something this week"
    assert freshness_words(1) == "learned something a week ago"
    assert freshness_words(3) == "learned something 3 weeks ago"


@given(st.lists(days, min_size=1), days)
def test_freshness_is_the_weeks_since_the_newest_day_never_negative(
    learned: list[date], today: date
) -> None:
    weeks = weeks_since(learned, today)
    assert weeks is not None and weeks >= 0
    assert weeks == max((today - max(learned)).days, 0) // 7
    # Something older learned as well changes nothing; something new today makes it fresh.
    assert weeks_since([*learned, min(learned) - timedelta(days=3)], today) == weeks
    assert weeks_since([*learned, today], today) == 0


@given(st.lists(days, min_size=1), days, st.integers(min_value=0, max_value=4000))
def test_freshness_only_grows_as_time_passes(learned: list[date], today: date, later: int) -> None:
    before, after = weeks_since(learned, today), weeks_since(learned, today + timedelta(later))
    assert before is not None and after is not None and after >= before


def test_learned_keeps_a_thing_under_a_topic_found_by_prefix(
    private_home: Path, clock: Clock
) -> None:
    said = run("learned", "dre", "A cabin by the sea, one day\n")
    assert said.exit_code == 0, said.output
    (item,) = stored(private_home, Learned)
    assert (item.topic, item.text, item.date, item.confirmed) == (
        "dreams",
        "A cabin by the sea, one day",
        "2026-11-25",
        None,
    )
    assert item.short_id in said.output and "their dreams" in said.output


def test_learned_on_another_day(private_home: Path, clock: Clock) -> None:
    assert run("learned", "favourites", "Cardamom buns", "--date", "2026-11-01").exit_code == 0
    assert stored(private_home, Learned)[0].date == "2026-11-01"
    shown = run("lovemap", "favourites").output
    assert "learned something 3 weeks ago" in shown
    assert "learned 1 November 2026" in shown


def test_markup_like_text_is_kept_and_shown_as_typed(private_home: Path, clock: Clock) -> None:
    assert run("learned", "worries", "[bold]x[/]").exit_code == 0
    assert stored(private_home, Learned)[0].text == "[bold]x[/]"
    assert "[bold]x[/]" in run("lovemap").output


def test_bad_topic_empty_text_or_a_future_day_writes_nothing(
    private_home: Path, clock: Clock
) -> None:
    run("learned", "dreams", "first")
    (item,) = stored(private_home, Learned)
    before = disk_state(private_home)
    for args, says in (
        (["learned", "zzz", "words"], "isn't a love-map topic; use one of: on-their-mind"),
        (["learned", "dreams", "  \n"], "is empty"),
        (["learned", "dreams"], "is empty"),
        (["learned"], "Say which topic"),
        (["learned", "dreams", "x", "--date", "2027-01-01"], "in the future"),
        (["learned", "--confirm", "zzzz9999"], "`hearthside lovemap` shows the ids"),
        (["learned", "--change", "zzzz9999", "words"], "`hearthside lovemap` shows the ids"),
        (["learned", "--change", item.short_id, "  "], "is empty"),
        (["learned", "--change", item.short_id], "the new words"),
        (["learned", "--change", item.short_id, "dreams", "x"], "the new words"),
        (["learned", "--change", item.short_id, "--confirm", item.short_id, "x"], "one of"),
        (["lovemap", "nope"], "isn't a love-map topic"),
    ):
        refused = run(*args)
        assert refused.exit_code == 2, args
        assert says in refused.output, (args, refused.output)
        assert "Traceback" not in refused.output
    assert disk_state(private_home) == before


def test_lovemap_lists_every_topic_with_ids_and_confirm_marks_it_still_true(
    private_home: Path, clock: Clock
) -> None:
    run("learned", "friends", "Misses Priya since she moved", "--date", "2026-10-20")
    (item,) = stored(private_home, Learned)
    shown = run("lovemap").output
    assert "Their friends (friends) · learned something 5 weeks ago" in shown
    assert f"{item.short_id}  Misses Priya since she moved" in shown
    assert "Their dreams (dreams) · nothing yet" in shown
    assert run("learned", "--confirm", item.short_id).exit_code == 0
    assert stored(private_home, Learned)[0].confirmed == "2026-11-25"
    assert "still true 25 November 2026" in run("lovemap", "friends").output
    # Changed in its own words, keeping the day it was learned.
    changed = run("learned", "--change", item.short_id, "Misses Priya; they call on Sundays\n")
    assert changed.exit_code == 0, changed.output
    assert "Changed" in changed.output
    assert [(i.text, i.date) for i in stored(private_home, Learned)] == [
        ("Misses Priya; they call on Sundays", "2026-10-20")
    ]
    # Deleted like anything else, and brought back the same way.
    assert run("delete", item.short_id).exit_code == 0
    assert stored(private_home, Learned) == []
    assert run("delete", item.short_id, "--undo").exit_code == 0
    assert len(stored(private_home, Learned)) == 1


def test_the_guide_points_the_strategies_it_serves_to_the_love_map(
    content: Content,
) -> None:
    link = content.lovemap_guide
    assert link.steps == (4, 9, 10, 14)
    assert "“Love map”" in link.line
    assert link.line in run("guide", "4").output
    assert "love map" not in run("guide", "3").output.lower()


def test_a_guide_link_to_a_strategy_that_doesnt_exist_is_refused_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "content"
    shutil.copytree(package_resource("content"), root)
    path = root / "lovemap.md"
    path.write_text(path.read_text().replace("steps: [4, 9, 10, 14]", "steps: [4, 99]"))
    with pytest.raises(ContentError) as info:
        _ = Content(root).lovemap_guide
    assert str(info.value) == (
        f"Content file {path}, line {line_of(path, 'steps:')}: guide: 'steps' names "
        "strategy 99, which doesn't exist; use numbers from 1 to 15."
    )
    assert str(info.value) in check_all(Content(root))
    # The rest of the strategy still reads; the problem is said beside it.
    monkeypatch.setenv("HEARTHSIDE_CONTENT", str(root))
    shown = run("guide", "4")
    assert shown.exit_code == 0 and "Make room for both your dreams" in shown.output
    assert "names strategy 99" in shown.output


def test_the_love_map_and_an_evening_move_house_in_an_export(
    store: Store, content: Content, tmp_path: Path
) -> None:
    kept = learn(store, content, "dreams", "A cabin by the sea", today=TODAY)
    confirm(store, kept.id, today=TODAY)
    store.delete(learn(store, content, "worries", "Work", today=TODAY))
    keep_place(store, 14, total=36, today=TODAY)
    moved = export(store, None, "json", Selection(include_private=True)).path
    new_home = Store(tmp_path / "new-machine")
    report = import_file(new_home, moved)
    assert (report.counts["lovemap"], report.counts["evenings"]) == (2, 1)
    for cls in (Learned, Evening):
        assert sorted(r.to_doc()["id"] for r in new_home.all(cls, include_deleted=True)) == sorted(
            r.id for r in store.all(cls, include_deleted=True)
        )
    assert new_home.all(Learned)[0].to_doc() == store.get(Learned, kept.id).to_doc()
    assert in_progress(new_home) is not None


def test_an_import_naming_a_topic_the_content_lacks_is_refused(
    store: Store, tmp_path: Path
) -> None:
    records = {"lovemap": [stamped(topic="hobbies", text="Chess", date=DAY)]}
    with pytest.raises(ImportRefused, match="its 'topic' isn't one of on-their-mind"):
        import_file(store, export_file(tmp_path / "in.json", records))
    assert store.all(Learned) == []


def test_a_content_copy_from_before_the_love_map_guide_link_still_guides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "content"
    shutil.copytree(package_resource("content"), root)
    path = root / "lovemap.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("guide:\n"), text.index("topics:\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    monkeypatch.setenv("HEARTHSIDE_CONTENT", str(root))
    assert Content(root).lovemap_guide.steps == ()
    shown = run("guide", "4")
    assert shown.exit_code == 0 and "love map" not in shown.output
    assert check_all(Content(root)) == []


def test_an_export_counts_the_love_map_and_evenings_in_plain_words() -> None:
    assert count_phrase({"lovemap": 2, "evenings": 2}) == "2 love-map notes and 2 question evenings"
    assert count_phrase({"evenings": 1}) == "1 question evening"
