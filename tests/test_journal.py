"""The journal service: tags written in the text, and reading the filter box."""

from __future__ import annotations

import string
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from hearthside.services.journal import (
    EntryQuery,
    add_entry,
    found_at,
    inline_tags,
    list_entries,
    parse_filter,
)
from hearthside.store.store import Store
from tests.conftest import TODAY, run


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Made soup together #cooking", ["cooking"]),
        ("#morning coffee, then #Walk.", ["morning", "walk"]),
        ("A long day (#hard-day) but #us, #us again!", ["us"]),
        ("Who knew? #date-night!)", ["date-night"]),
        ("line one\n#evening\tand\t#tea;", ["evening", "tea"]),
        # Markdown headings have a space after the '#'.
        ("# A good day\n## Then\n### More", []),
        # A '#' inside a word or a link is not the start of a tag.
        ("I learned C# and read https://example.com/page#part", []),
        ("issue#12 and a#b", []),
        ("nothing here", []),
        ("a lone # and #", []),
        ("#,0 and #(x)", []),
    ],
)
def test_inline_tags(text: str, tags: list[str]) -> None:
    assert inline_tags(text) == tags


@given(st.text(alphabet=string.ascii_letters + string.digits + " #\n.,!?-_/()", max_size=60))
def test_an_inline_tag_always_stands_after_a_space_and_holds_none(text: str) -> None:
    for tag in inline_tags(text):
        assert tag and not any(ch.isspace() for ch in tag) and tag == tag.lower()
        assert any(
            word.lstrip("#").lower().startswith(tag) for word in text.split() if word[:1] == "#"
        )


def test_tags_in_the_text_join_the_given_ones(store: Store) -> None:
    entry = add_entry(
        store, title="Soup #cooking", body="We made it #together.", tags=["us"], today=TODAY
    )
    assert entry.tags == ["us", "cooking", "together"]
    found = list_entries(store, EntryQuery(tags=("together",)))
    assert [e.id for e in found] == [entry.id]


def test_a_word_that_cannot_be_a_tag_stays_text_and_the_entry_is_saved(store: Store) -> None:
    # Any printable word is a tag (jrnl allows #wow%% too); one too long to be one stays text.
    long_word = "x" * 101
    entry = add_entry(store, body=f"Our song is #1 and #wow%% and #{long_word}", today=TODAY)
    assert entry.tags == ["1", "wow%%"]
    assert long_word in entry.body


def read(text: str) -> tuple[EntryQuery | None, str | None]:
    parsed = parse_filter(text, today=TODAY)
    return parsed.query, parsed.problem


def test_a_month_by_name_and_on_a_day_are_dates() -> None:
    assert read("november") == (
        EntryQuery(since=date(2026, 11, 1), until=date(2026, 11, 30)),
        None,
    )
    assert read("walk november 2025") == (
        EntryQuery(words=("walk",), since=date(2025, 11, 1), until=date(2025, 11, 30)),
        None,
    )
    assert read("dinner on friday") == (
        EntryQuery(words=("dinner",), since=date(2026, 11, 20), until=date(2026, 11, 20)),
        None,
    )
    # "may" and weekdays alone are everyday words; with a year or "on" they are dates.
    assert read("may") == (EntryQuery(words=("may",)), None)
    assert read("sunday") == (EntryQuery(words=("sunday",)), None)
    assert read("may 2026")[0] == EntryQuery(since=date(2026, 5, 1), until=date(2026, 5, 31))


def test_a_filter_that_cannot_be_read_has_no_query() -> None:
    query, problem = read("dinner on flurb")
    assert query is None
    assert problem is not None and '"on flurb"' in problem


def test_add_with_an_inline_tag_then_list_by_that_tag(private_home: Path) -> None:
    added = run("add", "Made soup together #cooking.")
    assert added.exit_code == 0
    run("add", "# A heading, not a tag\n\nWe read C# books")
    found = run("list", "--tag", "cooking").output
    assert "Made soup together" in found and "#cooking" in found
    assert "heading" not in found
    assert run("list", "--tag", "a").output.strip() == "No entries match."


def test_what_a_search_finds_is_picked_out_however_the_case_folds() -> None:
    # The search matches by casefold, so "STRASSE" finds "Straße"; the highlight must
    # pick out the same stretch, as written.
    text = "Walked down the Straße, then ΣΟΦΙΑ laughed"
    spans = found_at(text, ["strasse", "σοφια"])
    assert [text[a:b] for a, b in spans] == ["Straße", "ΣΟΦΙΑ"]


@given(st.text(max_size=40), st.text(min_size=1, max_size=6))
@example(text="Straße", word="SS")
@example(text="ßß", word="ss")
def test_whatever_the_search_matches_the_read_view_picks_out(text: str, word: str) -> None:
    spans = found_at(text, [word])
    assert bool(spans) == (word.casefold() in text.casefold())
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert spans == sorted(spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))
