"""Journal entry templates, loaded from ``content/entry-templates/*.md``.

Each file is one template: a name, a title it suggests, and ``## `` headings that are
its prompts, each with an optional line saying what to write there. The file's name
(without ``.md``) is its id, so two templates can never share one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hearthside.errors import HearthsideError
from hearthside.texts.front_matter import ContentError, Document, Fields, read_document, sections
from hearthside.texts.naming import named

FOLDER = "entry-templates"


@dataclass(frozen=True)
class Prompt:
    heading: str
    hint: str  # what to write under it, in a line; "" for none


@dataclass(frozen=True)
class EntryTemplate:
    id: str
    name: str
    title: str
    about: str
    prompts: tuple[Prompt, ...]

    @property
    def body(self) -> str:
        """The entry's opening: each prompt as a heading, its hint in italics, then a
        line left empty to write on."""
        blocks = []
        for prompt in self.prompts:
            hint = f"_{prompt.hint}_\n" if prompt.hint else ""
            blocks.append(f"## {prompt.heading}\n{hint}\n")
        return "\n".join(blocks)

    @property
    def first_place(self) -> int:
        """The line (from 0) of the body where writing starts: under the first prompt."""
        return 2 if self.prompts and self.prompts[0].hint else 1

    def filled(self, text: str) -> str:
        """The body with ``text`` written in the first place (``add --template`` TEXT)."""
        lines = self.body.split("\n")
        lines[self.first_place] = text.strip("\n")
        return "\n".join(lines)


def load_entry_templates(root: Path) -> tuple[EntryTemplate, ...]:
    folder = root / FOLDER
    files = sorted(folder.glob("*.md"))
    if not files:
        raise ContentError(folder, "no entry template files (*.md) were found.")
    docs = [read_document(path) for path in files]
    # An optional `order:` puts them in a sensible order; else by the file's name.
    docs.sort(key=lambda d: (_fields(d).integer("order", default=99), d.path.name))
    return tuple(_template(doc) for doc in docs)


def _fields(doc: Document) -> Fields:
    # Anchored at the opening '---': a key that is missing is reported at line 1.
    return Fields(doc, doc.meta, "front matter", anchor="---")


def _template(doc: Document) -> EntryTemplate:
    f = _fields(doc)
    found = sections(doc.body)
    before = re.split(r"^##[ \t]", doc.body, maxsplit=1, flags=re.MULTILINE)[0]
    if before.strip():
        raise ContentError(
            doc.path,
            "text before the first '## ' heading would be lost; make it a prompt's "
            "heading, or move it into 'about'.",
            _body_line(doc, before.strip().splitlines()[0]),
        )
    if not found:
        raise ContentError(
            doc.path, "expected the prompts as '## ' headings, like '## What happened'."
        )
    return EntryTemplate(
        id=doc.path.stem,
        name=f.text("name"),
        title=f.text("title"),
        about=f.text("about", default=""),
        prompts=tuple(Prompt(heading, " ".join(hint.split())) for heading, hint in found),
    )


def _body_line(doc: Document, text: str) -> int | None:
    """The line of the file where ``text`` first stands in the body (after the front
    matter, where the same words might stand too)."""
    lines = doc.path.read_text(encoding="utf-8").splitlines()
    closing = next((n for n, line in enumerate(lines[1:], 2) if line.strip() == "---"), 1)
    for number, line in enumerate(lines[closing:], closing + 1):
        if text in line:
            return number
    return None


def find_template(templates: tuple[EntryTemplate, ...], ref: str) -> EntryTemplate:
    """A template by id or name, or by the start of either (as typed on the command line)."""
    found = named(ref, [(t, (t.id, t.name)) for t in templates])
    if len(found) == 1:
        return found[0]
    choices = "; ".join(f"{t.id} ({t.name})" for t in templates)
    if found:
        meant = " or ".join(t.id for t in found)
        raise HearthsideError(f"{ref[:30]!r} could mean {meant}. Choose one of: {choices}.")
    raise HearthsideError(f"There is no entry template {ref[:30]!r}. Choose one of: {choices}.")
