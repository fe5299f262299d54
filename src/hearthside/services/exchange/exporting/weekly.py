"""The weekly talk's agenda on paper: Markdown, or a printable HTML page like a card's.

What the user wrote is never markup here: escaped in HTML, and its Markdown
punctuation backslashed in Markdown, so it reads exactly as it was typed.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape
from pathlib import Path

from hearthside.domain import date_words
from hearthside.errors import HearthsideError
from hearthside.services.exchange.exporting.files import file_target, write_private
from hearthside.services.exchange.exporting.page import page_document
from hearthside.services.weekly_talk import Agenda, AgendaItem, agenda
from hearthside.store.store import Store
from hearthside.texts.library import Content

AGENDA_FORMATS = ("md", "html")
# Every ASCII punctuation character may be backslashed in CommonMark; these can start
# or end markup (emphasis, links, headings, lists, HTML, tables).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")

AGENDA_CSS = """
main { max-width: 40rem; }
section { margin: 1.5rem 0; }
ul { padding-left: 1.25rem; }
li { margin: .25rem 0; overflow-wrap: anywhere; }
.what { color: #6f655c; }
.empty, .intro { color: #6f655c; }
.question { font-size: 1.2rem; color: #6b3a2a; }
.answer { white-space: pre-wrap; border-bottom: 1px solid #ccc; min-height: 3rem; }
@media print { section { break-inside: avoid; } }
"""


def markdown_literal(text: str) -> str:
    """``text`` on one line, shown as typed by any Markdown reader."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _item_words(item: AgendaItem) -> tuple[str, str]:
    return f"{date_words.short_day(item.day)} · {item.what}", " ".join(item.words.split())


def agenda_markdown(found: Agenda) -> str:
    guide, talk = found.guide, found.talk
    lines = [f"# {guide.title}", "", f"*{found.week_words} · {guide.length}*", ""]
    lines += [guide.intro, ""]
    for number, (part, items) in enumerate(found.filled, 1):
        lines += [f"## {number}. {part.title}", "", part.words, ""]
        if part.id == "issue" and talk is not None and talk.issue:
            lines += [f"To talk through: **{markdown_literal(talk.issue)}**", ""]
        elif items:
            if part.id == "issue":
                lines += ["Things you might raise (choose one, or your own):", ""]
            for item in items:
                when, words = _item_words(item)
                lines.append(f"- {when}: {markdown_literal(words)}")
            lines.append("")
        else:
            lines += [f"*{part.empty}*", ""]
        if part.id == "issue":
            lines += ["When you speak:", "", *(f"- {s}" for s in guide.speaker), ""]
            lines += ["When you listen:", "", *(f"- {s}" for s in guide.listener), ""]
    closing = guide.part("closing")
    lines += [f"## 4. {closing.title}", "", closing.words, "", f"**{guide.closing_question}**"]
    if talk is not None and talk.answer:
        lines += ["", f"Your answer: {markdown_literal(talk.answer)}"]
    if found.held_words:
        lines += ["", f"*{found.held_words}*"]
    return "\n".join(lines) + "\n"


def _list(items: tuple[AgendaItem, ...]) -> str:
    rows = []
    for item in items:
        when, words = _item_words(item)
        rows.append(f'<li><span class="what">{escape(when)}:</span> {escape(words)}</li>\n')
    return f"<ul>\n{''.join(rows)}</ul>\n"


def _lines(lines: tuple[str, ...]) -> str:
    return "<ul>\n" + "".join(f"<li>{escape(line)}</li>\n" for line in lines) + "</ul>\n"


def agenda_page(found: Agenda) -> str:
    guide, talk = found.guide, found.talk
    intro = "".join(f'<p class="intro">{escape(p)}</p>\n' for p in guide.intro.split("\n\n"))
    parts = [
        f"<header>\n<h1>{escape(guide.title)}</h1>\n"
        f'<p class="meta">{escape(found.week_words)} · {escape(guide.length)}</p>\n'
        f"{intro}</header>\n"
    ]
    for number, (part, items) in enumerate(found.filled, 1):
        parts.append(f"<section>\n<h2>{number}. {escape(part.title)}</h2>\n")
        parts.append(f"<p>{escape(part.words)}</p>\n")
        if part.id == "issue" and talk is not None and talk.issue:
            parts.append(f"<p>To talk through: <strong>{escape(talk.issue)}</strong></p>\n")
        elif items:
            if part.id == "issue":
                parts.append("<p>Things you might raise (choose one, or your own):</p>\n")
            parts.append(_list(items))
        else:
            parts.append(f'<p class="empty">{escape(part.empty)}</p>\n')
        if part.id == "issue":
            parts.append(f"<h3>When you speak</h3>\n{_lines(guide.speaker)}")
            parts.append(f"<h3>When you listen</h3>\n{_lines(guide.listener)}")
        parts.append("</section>\n")
    closing = guide.part("closing")
    answer = escape(talk.answer) if talk is not None else ""
    parts.append(
        f"<section>\n<h2>4. {escape(closing.title)}</h2>\n<p>{escape(closing.words)}</p>\n"
        f'<p class="question">{escape(guide.closing_question)}</p>\n'
        f'<p class="answer">{answer}</p>\n</section>\n'
    )
    if found.held_words:
        parts.append(f'<p class="meta">{escape(found.held_words)}</p>\n')
    return page_document(f"{guide.title}: {found.week_words}", "".join(parts), AGENDA_CSS)


def export_agenda(
    store: Store,
    content: Content,
    fmt: str,
    *,
    today: date,
    output: Path | None = None,
    force: bool = False,
) -> Path:
    """Write this week's agenda as ``md`` or ``html`` (under exports/ unless ``output``)."""
    if fmt not in AGENDA_FORMATS:
        raise HearthsideError(f"{fmt[:10]!r} isn't a format for the agenda; choose md or html.")
    found = agenda(store, content, today=today)
    text = agenda_page(found) if fmt == "html" else agenda_markdown(found)
    stem = f"weekly-talk-{found.start.isoformat()}"
    return write_private(file_target(store.home, output, stem, f".{fmt}", force=force), text)
