"""The weekly talk's words, loaded from ``content/weekly-talk.md``: four parts in a fixed
order, the guidance for taking turns, and the closing question."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hearthside.texts.front_matter import (
    ContentError,
    Fields,
    flowing,
    line_of,
    read_document,
)

FILE = "weekly-talk.md"
# The parts in the order a talk goes through them; the agenda fills the first three.
PART_IDS = ("appreciations", "went-well", "issue", "closing")


@dataclass(frozen=True)
class TalkPart:
    id: str
    title: str
    words: str  # what the part is for
    empty: str  # said when the week left nothing of this kind ("" for the closing)


@dataclass(frozen=True)
class WeeklyTalkGuide:
    title: str
    minutes: int
    intro: str  # the file's body, paragraphs unwrapped
    parts: tuple[TalkPart, ...]  # in PART_IDS order
    speaker: tuple[str, ...]  # guidance for the one speaking about the issue
    listener: tuple[str, ...]  # and for the one listening
    closing_question: str

    def part(self, part_id: str) -> TalkPart:
        return self.parts[PART_IDS.index(part_id)]

    @property
    def length(self) -> str:
        return f"About {self.minutes} minutes · {len(self.parts)} parts"


def load_weekly_talk(root: Path) -> WeeklyTalkGuide:
    doc = read_document(root / FILE)
    top = Fields(doc, doc.meta, "front matter")
    raw_parts = top.mappings("parts")
    ids = [raw.get("id") if isinstance(raw, dict) else None for raw in raw_parts]
    if tuple(ids) != PART_IDS:
        raise ContentError(
            doc.path,
            f"'parts' should be the four parts in order ({', '.join(PART_IDS)}); "
            f"found {', '.join(str(i) for i in ids)}.",
            line_of(doc.path, "parts:"),
        )
    parts = []
    for i, raw in enumerate(raw_parts, 1):
        f = Fields(doc, raw, f"part {i}", anchor=f"id: {raw['id']}")
        needs_empty = raw["id"] != "closing"
        parts.append(
            TalkPart(
                id=f.text("id"),
                title=f.text("title"),
                words=" ".join(f.text("words").split()),
                empty=" ".join(f.text("empty").split()) if needs_empty else "",
            )
        )
    turns = Fields(doc, doc.meta.get("turns"), "turns")
    speaker, listener = turns.strings("speaker"), turns.strings("listener")
    for key, lines in (("speaker", speaker), ("listener", listener)):
        if not lines or not all(lines):
            raise turns.fail(key, "should be a list of short lines of guidance, with words.")
    minutes = top.integer("minutes")
    if minutes < 1:
        raise top.fail("minutes", "should be about how long the talk takes, like 60.")
    return WeeklyTalkGuide(
        title=top.text("title"),
        minutes=minutes,
        intro=flowing(doc.body),
        parts=tuple(parts),
        speaker=speaker,
        listener=listener,
        closing_question=top.text("closing_question"),
    )
