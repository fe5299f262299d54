"""Markdown (one file, or one file per entry) and plain text for reading on a phone."""

from __future__ import annotations

import textwrap

from hearthside.domain import date_words
from hearthside.domain.records import Entry, Note, NoteStatus
from hearthside.services.exchange.exporting.files import slug
from hearthside.services.exchange.exporting.selection import (
    ExportData,
    by_day,
    count_phrase,
    heading_date,
)
from hearthside.services.notes import received_words

# Narrow enough for a phone held upright without the reader's app re-wrapping lines.
TEXT_WIDTH = 60


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _entry_facts(entry: Entry, data: ExportData) -> list[str]:
    facts = []
    if entry.tags:
        facts.append("Tags: " + ", ".join(f"#{t}" for t in entry.tags))
    if entry.closeness:
        facts.append(f"Closeness: {entry.closeness} of 5")
    if entry.steps:
        facts.append("Strategies: " + "; ".join(data.step_title(n) for n in entry.steps))
    if entry.private:
        facts.append("Private")
    if entry.starred:
        facts.append("Starred")
    return facts


def _note_facts(note: Note, data: ExportData) -> list[str]:
    facts = []
    if note.occasion:
        facts.append(f"Occasion: {_one_line(note.occasion)}")
    if note.step is not None:
        facts.append(f"Strategy: {data.step_title(note.step)}")
    if note.status is NoteStatus.DELIVERED:
        how = f" ({note.delivered_how})" if note.delivered_how else ""
        facts.append(f"Delivered{how}")
    elif note.status is NoteStatus.RECEIVED:
        facts.append(received_words(note).capitalize())
    else:
        facts.append(note.status.capitalize())
    if note.private:
        facts.append("Private")
    return facts


def summary_line(data: ExportData) -> str:
    """'Exported 25 November 2026: 3 entries and 1 note, from 1 November 2026.'"""
    what = data.selection.describe()
    when = date_words.day_month_year(data.exported_at.date())
    line = f"Exported {when}: {count_phrase(data.counts)}"
    return f"{line}, {what}." if what else f"{line}."


def title(data: ExportData) -> str:
    return {"entries": "Journal", "notes": "Notes"}.get(data.selection.kind, "Journal and notes")


# -- Markdown ------------------------------------------------------------------


def markdown_document(data: ExportData) -> str:
    out = [f"# {title(data)}", summary_line(data)]
    if data.entries:
        out.append("## Journal")
        for day, entries in by_day(data.entries):
            out.append(f"### {heading_date(day)}")
            for entry in entries:
                out.append(f"#### {_one_line(entry.headline)}")
                out.extend(_markdown_body(_entry_facts(entry, data), entry.body))
    if data.notes:
        out.append("## Notes")
        for note in data.notes:
            out.append(f"### {data.note_label(note.kind)}, {heading_date(note.date)}")
            out.extend(_markdown_body(_note_facts(note, data), note.text))
    return "\n\n".join(out) + "\n"


def _markdown_body(facts: list[str], body: str) -> list[str]:
    # The writer's own Markdown goes in as written: it is their text, and it renders.
    parts = [" · ".join(facts)] if facts else []
    if body.strip():
        parts.append(body.strip("\n"))
    return parts


def markdown_files(data: ExportData) -> dict[str, str]:
    """One Markdown file per entry (and per note), named by date and headline."""
    import yaml

    files: dict[str, str] = {}

    def add(stem: str, meta: dict[str, object], heading: str, body: list[str]) -> None:
        name, number = f"{stem}.md", 1
        while name in files:
            number += 1
            name = f"{stem}-{number}.md"
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        files[name] = f"---\n{front}---\n\n# {heading}\n\n" + "\n\n".join(body) + "\n"

    for entry in data.entries:
        meta: dict[str, object] = {"date": entry.date, "id": entry.id, "tags": entry.tags}
        if entry.steps:
            meta["strategies"] = entry.steps
        body = [
            f"*{heading_date(entry.date)}*",
            *_markdown_body(_entry_facts(entry, data), entry.body),
        ]
        add(f"{entry.date}-{slug(entry.headline)}", meta, _one_line(entry.headline), body)
    for note in data.notes:
        label = data.note_label(note.kind)
        meta = {"date": note.date, "id": note.id, "kind": note.kind}
        body = [f"*{heading_date(note.date)}*", *_markdown_body(_note_facts(note, data), note.text)]
        add(f"{note.date}-{slug(note.kind)}-{note.short_id}", meta, label, body)
    return files


# -- plain text ----------------------------------------------------------------


def _wrap(text: str) -> list[str]:
    """Wrap each line on its own, so lists and short lines stay as the writer set them."""
    lines: list[str] = []
    for line in text.strip("\n").splitlines():
        stripped = line.lstrip()
        if not stripped:
            lines.append("")
            continue
        indent = line[: len(line) - len(stripped)]
        marker = stripped.split(" ", 1)[0] if stripped[:2] in ("- ", "* ", "+ ") else ""
        hanging = indent + " " * (len(marker) + 1 if marker else 0)
        lines.extend(
            textwrap.wrap(
                stripped,
                TEXT_WIDTH,
                initial_indent=indent,
                subsequent_indent=hanging,
                break_long_words=True,
                break_on_hyphens=False,
            )
        )
    return lines


def plain_text(data: ExportData) -> str:
    out = [title(data).upper(), *_wrap(summary_line(data)), ""]
    rule = "~ ~ ~"
    for entry in data.entries:
        out += [heading_date(entry.date), *_wrap(_one_line(entry.headline))]
        out += [line for fact in _entry_facts(entry, data) for line in _wrap(fact)]
        out += ["", *_wrap(entry.body), "", rule, ""]
    for note in data.notes:
        out += [f"{data.note_label(note.kind)}, {heading_date(note.date)}"]
        out += [line for fact in _note_facts(note, data) for line in _wrap(fact)]
        out += ["", *_wrap(note.text), "", rule, ""]
    return "\n".join(out).rstrip("\n") + "\n"
