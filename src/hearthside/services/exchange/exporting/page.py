"""Self-contained HTML: the journal page, a note card, and the page in a sharing bundle.

Every page carries its own CSS and nothing else: no scripts, no fonts, no images,
nothing fetched, so it opens the same offline, in a mail attachment or on paper.
User text is always escaped; entry Markdown is rendered with raw HTML switched off.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from hearthside.domain.records import Entry, Note, NoteStatus
from hearthside.services.exchange.exporting.selection import ExportData, by_day, heading_date
from hearthside.services.exchange.exporting.text import summary_line, title
from hearthside.services.notes import received_words

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

BASE_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #faf6f0; color: #2b2622;
  font: 17px/1.6 Georgia, "Iowan Old Style", "Palatino Linotype", serif; }
main { max-width: 44rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3, h4 { line-height: 1.25; color: #6b3a2a; }
h1 { font-size: 2rem; margin-bottom: .25rem; }
.meta, .facts { color: #6f655c; font-size: .9rem; }
.facts { margin: .25rem 0 .75rem; }
.facts span + span::before { content: " · "; }
article { background: #fff; border: 1px solid #eadfd3; border-radius: 10px;
  padding: 1rem 1.25rem; margin: 1rem 0; }
article h4, article h3 { margin: 0 0 .25rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.body { overflow-wrap: anywhere; }
blockquote { margin: 0 0 0 1rem; padding-left: .75rem; border-left: 3px solid #eadfd3; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
pre { white-space: pre-wrap; background: #f5efe7; padding: .5rem; border-radius: 6px; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  article { border: none; border-bottom: 1px solid #ccc; border-radius: 0;
    padding: .5rem 0; break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  a { color: inherit; }
}
"""

CARD_CSS = """
main { max-width: 34rem; }
.card { background: #fff; border: 1px solid #eadfd3; border-radius: 14px;
  padding: 2.5rem 2.75rem; box-shadow: 0 2px 12px rgba(80, 50, 30, .08); }
.card .to { font-size: 1.4rem; color: #6b3a2a; margin: 0 0 1rem; }
.card .text { font-size: 1.2rem; line-height: 1.7; }
.card .from { margin: 1.25rem 0 0; text-align: right; font-size: 1.1rem; }
.card .when { margin-top: 1.5rem; text-align: right; color: #6f655c; font-style: italic; }
@media print {
  .card { border: none; box-shadow: none; padding: 0; break-inside: avoid; }
  .card .to { font-size: 20pt; }
  .card .text { font-size: 15pt; }
}
"""

# A single card sits in the middle of the screen, and of one printed sheet.
SHEET_CSS = """
@page { size: auto; margin: 18mm; }
body { display: flex; min-height: 100vh; align-items: center; justify-content: center; }
@media print { body { min-height: auto; display: block; } }
"""


@functools.cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # "html": False shows raw HTML in an entry as text. Images would be fetched from the
    # network when the page opens, and links are kept as the text the writer typed so the
    # page never points anywhere (and a printout still shows the address).
    md = MarkdownIt("commonmark", {"html": False})
    return md.disable(["image", "link", "autolink", "reference"])


def render_markdown(text: str) -> str:
    rendered: str = _markdown().render(text)  # typed Any by markdown-it
    return rendered


def page_document(title: str, body: str, css: str = "") -> str:
    """A whole page around ``body`` (HTML, its user text already escaped)."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def _facts(items: Sequence[str]) -> str:
    if not items:
        return ""
    spans = "".join(f"<span>{escape(item)}</span>" for item in items)
    return f'<p class="facts">{spans}</p>\n'


def _time(day: str) -> str:
    return f'<time datetime="{escape(day)}">{escape(heading_date(day))}</time>'


def _entry_article(entry: Entry, data: ExportData) -> str:
    facts = [f"#{t}" for t in entry.tags]
    if entry.closeness:
        facts.append(f"closeness {entry.closeness} of 5")
    facts += [data.step_title(n) for n in entry.steps]
    if entry.private:
        facts.append("private")
    if entry.starred:
        facts.append("starred")
    heading = escape(" ".join(entry.headline.split()))
    return (
        f'<article class="entry" id="e-{escape(entry.short_id)}">\n<h4>{heading}</h4>\n'
        f"{_facts(facts)}"
        f'<div class="body">\n{render_markdown(entry.body)}</div>\n</article>\n'
    )


def _note_article(note: Note, data: ExportData) -> str:
    facts = [" ".join(note.occasion.split())] if note.occasion else []
    if note.step is not None:
        facts.append(data.step_title(note.step))
    delivered = f"delivered, {note.delivered_how}" if note.delivered_how else "delivered"
    if note.status is NoteStatus.DELIVERED:
        facts.append(delivered)
    elif note.status is NoteStatus.RECEIVED:
        facts.append(received_words(note))
    else:
        facts.append(note.status)
    if note.private:
        facts.append("private")
    return (
        f'<article class="note" id="n-{escape(note.short_id)}">\n'
        f"<h3>{escape(data.note_label(note.kind))}, {_time(note.date)}</h3>\n"
        f'{_facts(facts)}<div class="text">{escape(note.text)}</div>\n</article>\n'
    )


def journal_page(data: ExportData) -> str:
    heading = title(data)
    parts = [
        f'<header>\n<h1>{escape(heading)}</h1>\n<p class="meta">{escape(summary_line(data))}</p>\n'
        "</header>\n"
    ]
    if data.entries:
        parts.append('<section class="journal">\n<h2>Journal</h2>\n')
        for day, entries in by_day(data.entries):
            parts.append(f"<h3>{_time(day)}</h3>\n")
            parts += [_entry_article(entry, data) for entry in entries]
        parts.append("</section>\n")
    if data.notes:
        parts.append('<section class="notes">\n<h2>Notes</h2>\n')
        parts += [_note_article(note, data) for note in data.notes]
        parts.append("</section>\n")
    return page_document(heading, "".join(parts))


def _card(note: Note, spouse: str, sender: str) -> str:
    greeting = f'<p class="to">For {escape(spouse)}</p>\n' if spouse else ""
    occasion = f'<p class="meta">{escape(" ".join(note.occasion.split()))}</p>\n'
    signed = f'<p class="from">{escape(signed_by(sender))}</p>\n' if sender else ""
    return (
        f'<section class="card">\n{greeting}{occasion if note.occasion else ""}'
        f'<div class="text">{escape(note.text.strip())}</div>\n{signed}'
        f'<p class="when">{_time(note.date)}</p>\n</section>\n'
    )


def signed_by(sender: str) -> str:
    """A card's last line, under the note: who it is from."""
    return f"— {sender}"


def card_page(note: Note, label: str, spouse: str, sender: str) -> str:
    """One note on one printable sheet."""
    return page_document(label, _card(note, spouse, sender), CARD_CSS + SHEET_CSS)


def share_page(notes: Sequence[Note], sender: str, spouse: str, data_name: str) -> str:
    """The page a spouse opens: the shared notes, one card each."""
    title = f"Notes from {sender}" if sender else "Notes for you"
    cards = "".join(_card(note, spouse, sender) for note in notes)
    footer = (
        '<p class="meta">If you use Hearthside too, you can keep these in your own '
        f"journal: run <code>hearthside import {escape(data_name)}</code> in this folder.</p>\n"
    )
    body = f"<header>\n<h1>{escape(title)}</h1>\n</header>\n{cards}{footer}"
    return page_document(title, body, CARD_CSS + ".card { margin: 1.5rem 0; }")
