"""The love map's topics, loaded from ``content/lovemap.md``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hearthside.texts.front_matter import ContentError, Fields, line_of, read_document


@dataclass(frozen=True)
class LoveMapTopic:
    id: str
    title: str
    listen: str  # what to listen for, shown beside the topic


def load_topics(root: Path) -> tuple[tuple[LoveMapTopic, ...], str]:
    """The topics, in the file's order, and the text that introduces them."""
    doc = read_document(root / "lovemap.md")
    topics = []
    for i, raw in enumerate(Fields(doc, doc.meta, "front matter").mappings("topics"), 1):
        anchor = f"id: {raw.get('id')}" if isinstance(raw, dict) else None
        f = Fields(doc, raw, f"topic {i}", anchor=anchor)
        topics.append(LoveMapTopic(id=f.text("id"), title=f.text("title"), listen=f.text("listen")))
    ids = [t.id for t in topics]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ContentError(doc.path, f"love-map topic ids must be unique; repeated: {dupes[0]}")
    return tuple(topics), doc.body.strip()


@dataclass(frozen=True)
class GuideLink:
    """The strategies the love map serves, and the line the Guide shows beside them."""

    steps: tuple[int, ...]
    line: str


def load_guide_link(root: Path, known_steps: list[int]) -> GuideLink:
    doc = read_document(root / "lovemap.md")
    if doc.meta.get("guide") is None:
        return GuideLink(steps=(), line="")  # a copy of the content from before the link
    f = Fields(doc, doc.meta["guide"], "guide")
    steps = f.numbers("steps")
    unknown = [n for n in steps if n not in known_steps]
    if unknown:
        raise ContentError(
            doc.path,
            f"guide: 'steps' names strategy {unknown[0]}, which doesn't exist; use numbers "
            f"from {min(known_steps)} to {max(known_steps)}.",
            line_of(doc.path, "steps:"),
        )
    return GuideLink(steps=steps, line=" ".join(f.text("line").split()))
