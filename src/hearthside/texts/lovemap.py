"""The love map's topics, loaded from ``content/lovemap.md``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hearthside.texts.front_matter import ContentError, Fields, read_document


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
