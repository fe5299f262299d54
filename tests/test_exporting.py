"""Exporting a journal: each format read back by an independent reader, privacy kept,
the store untouched, and nothing written over without asking."""

from __future__ import annotations

import stat
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import orjson
import pytest
from markdown_it import MarkdownIt

from hearthside.domain.records import Commitment, Entry, Milestone, Note
from hearthside.errors import HearthsideError
from hearthside.paths import database_path, exports_dir
from hearthside.services.exchange.exporting.cards import export_card
from hearthside.services.exchange.exporting.exporter import export
from hearthside.services.exchange.exporting.files import OutputExists
from hearthside.services.exchange.exporting.ics import fold
from hearthside.services.exchange.exporting.selection import Selection
from hearthside.services.exchange.sharing import share_notes
from hearthside.services.favourites import set_star
from hearthside.services.journal import add_entry
from hearthside.services.notes import add_note
from hearthside.store.store import Store
from hearthside.texts.library import Content

from .conftest import TODAY

HOSTILE = "<script>alert(1)</script> and [bold]x[/]"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def journal(store: Store, content: Content) -> Store:
    """A November: a walk, a dinner, a private evening, and two notes."""
    add_entry(
        store,
        title="River walk",
        body=f"We talked about **summer**.\n\n- tea\n- {HOSTILE}\n",
        day="2026-11-20",
        tags=["walk"],
        closeness=4,
        steps=[3],
    )
    add_entry(store, body="Dinner, no phones.", day="2026-11-24", tags=["date-night"])
    add_entry(store, body="Something just for me.", day="2026-11-21", private=True)
    add_entry(store, body="Back in October.", day="2026-10-02", tags=["walk"])
    add_note(
        store, content, kind="gratitude", text=f"Thank you for the tea. {HOSTILE}", day="2026-11-22"
    )
    add_note(
        store, content, kind="apology", text="Sorry I was short.", day="2026-11-23", private=True
    )
    return store


def run_export(
    store: Store, content: Content | None, fmt: str, selection: Selection | None = None
) -> tuple[Path, str]:
    result = export(store, content, fmt, selection, today=TODAY)
    # Bytes, decoded by hand: read_text would turn the calendar's CRLFs into plain newlines.
    return result.path, result.path.read_bytes().decode("utf-8")


# -- Markdown and plain text -------------------------------------------------------


def test_markdown_has_date_headings_tags_and_strategy_titles(
    journal: Store, content: Content
) -> None:
    path, text = run_export(journal, content, "md")
    assert path == exports_dir(journal.home) / "hearthside-2026-11-25.md"
    tokens = MarkdownIt("commonmark").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Friday 20 November 2026" in headings and "River walk" in headings
    assert headings.index("Friday 2 October 2026") < headings.index("Friday 20 November 2026")
    assert "Tags: #walk" in text and f"3. {content.step(3).title}" in text
    assert "Gratitude, Sunday 22 November 2026" in headings
    assert "Something just for me" not in text and "Sorry I was short" not in text


def test_split_markdown_writes_one_readable_file_per_entry(
    journal: Store, content: Content
) -> None:
    add_entry(journal, title="River walk", body="A second walk the same day.", day="2026-11-20")
    result = export(journal, content, "md", Selection(kind="entries"), split=True, today=TODAY)
    names = sorted(p.name for p in result.files)
    assert names == [
        "2026-10-02-back-in-october.md",
        "2026-11-20-river-walk-2.md",
        "2026-11-20-river-walk.md",
        "2026-11-24-dinner-no-phones.md",
    ]
    walks = [frontmatter.load(result.path / name) for name in names if "river-walk" in name]
    post = next(p for p in walks if p["tags"])
    assert post["date"] == "2026-11-20" and post["tags"] == ["walk"] and post["strategies"] == [3]
    assert post.content.startswith("# River walk")
    assert mode(result.path) == 0o700 and all(mode(p) == 0o600 for p in result.files)


def test_plain_text_reads_on_a_phone(journal: Store, content: Content) -> None:
    long_line = "We sat on the porch and talked until the stars came out " * 4
    add_entry(journal, body=long_line, day="2026-11-25")
    _, text = run_export(journal, content, "txt")
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 60
    assert not any(line.startswith("#") for line in lines)
    assert "Friday 20 November 2026" in lines and "River walk" in lines
    joined = " ".join(" ".join(lines).split())
    assert " ".join(long_line.split()) in joined


# -- HTML ------------------------------------------------------------------------


class PageReader(HTMLParser):
    """Records every tag, attribute and run of text, as a browser's tokenizer would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read_page(text: str) -> PageReader:
    reader = PageReader()
    reader.feed(text)
    reader.close()
    return reader


def assert_self_contained(page: PageReader) -> None:
    assert "style" in page.tags
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    for name, value in page.attrs:
        assert not name.startswith("on")
        assert name not in ("src", "srcset")
        assert "//" not in (value or "")


def test_html_is_one_self_contained_page_with_user_text_escaped(
    journal: Store, content: Content
) -> None:
    _, text = run_export(journal, content, "html")
    page = read_page(text)
    assert_self_contained(page)
    assert "strong" in page.tags  # the entry's Markdown was rendered
    words = "".join(page.text)
    assert words.count(HOSTILE) == 2  # once in the entry, once in the note, as text
    assert "@media print" in text
    assert "Something just for me" not in words


def test_html_shows_raw_html_images_and_links_in_entries_as_text(
    store: Store, content: Content
) -> None:
    body = (
        '<img src="https://example.com/t.gif"> ![x](https://example.com/p.png) '
        "[recipe](https://example.com/r) <b>hi</b>\n\n[ref]: https://example.com/ref\n"
    )
    add_entry(store, body=body, day="2026-11-20")
    _, text = run_export(store, content, "html")
    page = read_page(text)
    assert_self_contained(page)
    words = "".join(page.text)
    assert '<img src="https://example.com/t.gif">' in words and "<b>hi</b>" in words
    assert "[recipe](https://example.com/r)" in words and "[ref]: https://example.com/ref" in words


# -- calendar --------------------------------------------------------------------


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def events(text: str) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None, "an END:VEVENT without its BEGIN"
            found.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return found


@pytest.fixture
def calendar_store(store: Store) -> Store:
    store.add(Milestone(title="Wedding anniversary", date="2012-06-09", yearly=True))
    store.add(Milestone(title="Trip to the coast", date="2026-08-14"))
    store.add(Commitment(title="Date night", due="2026-11-27", every="weekly"))
    store.add(Commitment(title="Walk, talk; no phones \\ really", due="2026-12-01"))
    return store


def test_ics_events_rules_and_escaping(calendar_store: Store) -> None:
    path, _ = run_export(calendar_store, None, "ics")
    raw = path.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n")  # every line ends in CRLF
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    text = raw.decode("utf-8")
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    by_title = {e["SUMMARY"]: e for e in events(text)}
    assert set(by_title) == {
        "Wedding anniversary",
        "Trip to the coast",
        "Date night",
        "Walk\\, talk\\; no phones \\\\ really",
    }
    wedding = by_title["Wedding anniversary"]
    assert wedding["RRULE"] == "FREQ=YEARLY"
    assert wedding["DTSTART;VALUE=DATE"] == "20120609"
    assert wedding["DTEND;VALUE=DATE"] == "20120610"
    assert by_title["Date night"]["RRULE"] == "FREQ=WEEKLY"
    assert "RRULE" not in by_title["Trip to the coast"]
    ids = {m.id for m in calendar_store.all(Milestone)} | {
        c.id for c in calendar_store.all(Commitment)
    }
    assert {e["UID"] for e in events(text)} == {f"{i}@hearthside" for i in ids}
    assert all(len(e["DTSTAMP"]) == 16 and e["DTSTAMP"].endswith("Z") for e in events(text))


def test_ics_is_the_same_file_when_exported_twice(calendar_store: Store) -> None:
    first = export(calendar_store, None, "ics", today=TODAY).path.read_bytes()
    second = export(calendar_store, None, "ics", today=TODAY).path.read_bytes()
    assert first == second


def test_ics_since_keeps_repeating_events_that_began_earlier(calendar_store: Store) -> None:
    _, text = run_export(calendar_store, None, "ics", Selection(since=date(2026, 11, 1)))
    titles = {e["SUMMARY"] for e in events(text)}
    assert "Wedding anniversary" in titles and "Trip to the coast" not in titles


def test_long_lines_fold_at_75_octets_without_splitting_a_character() -> None:
    line = "SUMMARY:" + "Anniversary dinner at the café — ❤️ " * 6
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert len(pieces) > 1
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == line


def test_ics_parses_with_the_icalendar_library(calendar_store: Store) -> None:
    icalendar = pytest.importorskip("icalendar")
    path, _ = run_export(calendar_store, None, "ics")
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    parsed = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert "Walk, talk; no phones \\ really" in parsed
    assert parsed["Wedding anniversary"]["RRULE"]["FREQ"] == ["YEARLY"]


def test_ics_alarms_ring_the_day_before_a_milestone_and_when_a_promise_is_due(
    calendar_store: Store,
) -> None:
    import icalendar

    path, text = run_export(calendar_store, None, "ics")
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    alarms = {}
    for event in cal.walk("VEVENT"):
        [alarm] = event.walk("VALARM")
        alarms[str(event["SUMMARY"])] = alarm
    assert set(alarms) == {
        "Wedding anniversary",
        "Trip to the coast",
        "Date night",
        "Walk, talk; no phones \\ really",
    }
    for title in ("Wedding anniversary", "Trip to the coast"):
        alarm = alarms[title]
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(days=-1)
        assert str(alarm["DESCRIPTION"]) == f"Tomorrow: {title}"
    for title in ("Date night", "Walk, talk; no phones \\ really"):
        alarm = alarms[title]
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(0)
        assert str(alarm["DESCRIPTION"]) == f"A promise for today: {title}"
    # As written, the user's words in an alarm are escaped as a summary's are.
    assert "DESCRIPTION:A promise for today: Walk\\, talk\\; no phones \\\\ really" in unfold(text)


def test_ics_refuses_filters_that_calendar_items_do_not_have(calendar_store: Store) -> None:
    with pytest.raises(HearthsideError, match="no tags"):
        export(calendar_store, None, "ics", Selection(tag="walk"))


# -- JSON ------------------------------------------------------------------------


def test_json_is_complete_with_every_field_and_the_trash(journal: Store, content: Content) -> None:
    trashed = add_entry(journal, body="Deleted later.", day="2026-11-25")
    journal.delete(trashed)
    journal.add(Milestone(title="Anniversary", date="2012-06-09", yearly=True))
    _, text = run_export(journal, content, "json", Selection(include_private=True))
    doc = orjson.loads(text)
    assert (doc["format"], doc["version"]) == ("hearthside", 1)
    assert doc["settings"] == journal.settings().to_doc()
    for cls in (Entry, Note, Milestone):
        stored = sorted((r.to_doc() for r in journal.all(cls, include_deleted=True)), key=str)
        assert sorted(doc["records"][cls.KIND], key=str) == stored


# -- privacy, filters, safety --------------------------------------------------------


def test_private_records_are_left_out_and_counted_unless_asked(
    journal: Store, content: Content
) -> None:
    left = export(journal, content, "md", today=TODAY)
    assert left.private_left_out == 2 and left.counts == {"entries": 3, "notes": 1}
    kept = export(journal, content, "md", Selection(include_private=True), today=TODAY)
    assert kept.private_left_out == 0 and kept.counts == {"entries": 4, "notes": 2}
    assert "Something just for me" in kept.path.read_text(encoding="utf-8")


def test_filters_pick_dates_tags_kinds_and_strategies(journal: Store, content: Content) -> None:
    november = Selection.from_text(since="2026-11", until="2026-11", kind="entries", today=TODAY)
    result = export(journal, content, "md", november, today=TODAY)
    assert result.counts == {"entries": 2}
    by_tag = export(journal, content, "md", Selection(tag="walk"), today=TODAY)
    assert by_tag.counts == {"entries": 2}
    add_note(journal, content, kind="compliment", text="You were so patient today.", step=3)
    by_step = export(journal, content, "md", Selection(step=3), today=TODAY)
    assert by_step.counts == {"entries": 1, "notes": 1}
    notes = export(journal, content, "txt", Selection(kind="notes"), today=TODAY)
    assert notes.counts == {"notes": 2} and notes.private_left_out == 1


def test_export_never_changes_the_store(journal: Store, content: Content) -> None:
    before = database_path(journal.home).read_bytes()
    stamp = database_path(journal.home).stat().st_mtime_ns
    for fmt in ("md", "txt", "json", "html"):
        export(journal, content, fmt, today=TODAY)
    export(journal, content, "md", split=True, today=TODAY)
    assert database_path(journal.home).read_bytes() == before
    assert database_path(journal.home).stat().st_mtime_ns == stamp


def test_files_are_private_and_never_replaced_without_force(
    journal: Store, content: Content, tmp_path: Path
) -> None:
    first = export(journal, content, "html", today=TODAY).path
    second = export(journal, content, "html", today=TODAY).path
    assert second.name == "hearthside-2026-11-25-2.html"  # default names never collide
    assert mode(first) == 0o600 and mode(exports_dir(journal.home)) == 0o700
    chosen = tmp_path / "for-counsellor.html"
    chosen.write_text("keep me")
    with pytest.raises(OutputExists, match="already exists"):
        export(journal, content, "html", output=chosen)
    assert chosen.read_text() == "keep me"
    export(journal, content, "html", output=chosen, force=True)
    assert "<!DOCTYPE html>" in chosen.read_text(encoding="utf-8") and mode(chosen) == 0o600


def test_bad_requests_are_refused_with_what_to_do(
    journal: Store, content: Content, tmp_path: Path
) -> None:
    with pytest.raises(HearthsideError, match="Only Markdown can be split"):
        export(journal, content, "html", split=True)
    with pytest.raises(HearthsideError, match="no strategy '99'"):
        export(journal, content, "md", Selection(step=99))
    with pytest.raises(HearthsideError, match="doesn't exist"):
        export(journal, content, "md", output=tmp_path / "missing" / "x.md")
    with pytest.raises(HearthsideError, match="after the end"):
        Selection.from_text(since="2026-11-20", until="2026-11-01")
    with pytest.raises(HearthsideError, match="the 1 matching record is private"):
        export(
            journal, content, "md", Selection(since=date(2026, 11, 21), until=date(2026, 11, 21))
        )
    with pytest.raises(HearthsideError, match="nothing matches from 1 January 2030"):
        export(journal, content, "md", Selection(since=date(2030, 1, 1)))
    assert not exports_dir(journal.home).exists()


# -- note cards and sharing bundles ---------------------------------------------------


def test_a_note_becomes_a_card_in_each_format(journal: Store, content: Content) -> None:
    journal.save_settings(journal.settings().__class__(spouse_name="Sam"))
    note = next(n for n in journal.all(Note) if n.kind == "gratitude")
    paths = {
        fmt: export_card(journal, content, note.short_id, fmt) for fmt in ("txt", "md", "html")
    }
    for fmt, path in paths.items():
        assert path.parent == exports_dir(journal.home) and mode(path) == 0o600
        assert path.name == f"gratitude-2026-11-22-{note.short_id}.{fmt}"
    assert paths["txt"].read_text(encoding="utf-8").startswith(f"For Sam\n\n{note.text}")
    tokens = MarkdownIt("commonmark").parse(paths["md"].read_text(encoding="utf-8"))
    assert tokens[0].type == "heading_open" and tokens[1].content == "For Sam"
    page = read_page(paths["html"].read_text(encoding="utf-8"))
    assert_self_contained(page)
    assert HOSTILE in "".join(page.text) and "@page" in paths["html"].read_text(encoding="utf-8")
    with pytest.raises(OutputExists):
        export_card(journal, content, note, "html")
    assert export_card(journal, content, note, "html", force=True) == paths["html"]


def test_a_sharing_bundle_is_a_page_to_read_and_json_to_import(
    journal: Store, content: Content
) -> None:
    note = next(n for n in journal.all(Note) if n.kind == "gratitude")
    bundle = share_notes(journal, [note.short_id, note.id], sender="Alex <3", today=TODAY)
    assert bundle.folder == exports_dir(journal.home) / "hearthside-share-2026-11-25"
    assert [p.name for p in (bundle.page, bundle.data)] == ["notes.html", "notes.json"]
    assert len(bundle.notes) == 1  # named twice, shared once
    page = read_page(bundle.page.read_text(encoding="utf-8"))
    assert_self_contained(page)
    assert "Notes from Alex <3" in page.text and HOSTILE in "".join(page.text)
    doc = orjson.loads(bundle.data.read_bytes())
    assert doc["format"] == "hearthside-share" and doc["from"] == "Alex <3"
    assert [n["text"] for n in doc["records"]["notes"]] == [note.text]


def test_a_private_note_is_shared_only_when_asked(journal: Store, content: Content) -> None:
    secret = next(n for n in journal.all(Note) if n.private)
    with pytest.raises(HearthsideError, match="marked private"):
        share_notes(journal, [secret.id])
    assert not exports_dir(journal.home).exists()
    assert [n.id for n in share_notes(journal, [secret.id], include_private=True).notes] == [
        secret.id
    ]


def test_a_starred_entry_says_so_in_text_and_on_the_page(journal: Store, content: Content) -> None:
    walk = next(e for e in journal.all(Entry) if e.title == "River walk")
    set_star(journal, walk, True)
    _, text = run_export(journal, content, "txt")
    assert text.count("Starred") == 1
    _, page = run_export(journal, content, "html")
    assert "".join(read_page(page).text).count("starred") == 1
