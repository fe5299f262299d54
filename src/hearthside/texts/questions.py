"""The conversation questions, in decks, loaded from ``content/questions.md``.

Each question names its depth, and takes its love-map topic and the strategies it
serves from its deck unless it names its own; every one is checked against the
topics and strategies that exist, and refused with the file's name and line.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from hearthside.texts.front_matter import ContentError, Fields, read_document
from hearthside.texts.items import DEPTHS, Deck, Question
from hearthside.texts.naming import one_named


@dataclass(frozen=True)
class Questions:
    decks: tuple[Deck, ...]
    questions: tuple[Question, ...]


def load_questions(root: Path, topics: Collection[str], steps: Collection[int]) -> Questions:
    doc = read_document(root / "questions.md")
    decks: list[Deck] = []
    found: list[Question] = []
    for i, raw in enumerate(Fields(doc, doc.meta, "front matter").mappings("decks"), 1):
        named = raw.get("id") if isinstance(raw, dict) else None
        f = Fields(doc, raw, f"deck {i}", anchor=f"- id: {named}" if named else None)
        deck = Deck(
            id=f.text("id"),
            title=f.text("title"),
            topic=_topic(f, topics),
            steps=_steps(f, steps),
        )
        decks.append(deck)
        for j, q in enumerate(f.mappings("questions"), 1):
            qid = q.get("id") if isinstance(q, dict) else None
            qf = Fields(doc, q, f"deck {deck.id}, question {j}", anchor=qid and f"id: {qid}")
            depth = qf.text("depth")
            if depth not in DEPTHS:
                raise qf.fail("depth", f"should be one of {', '.join(DEPTHS)}, not {depth[:20]!r}.")
            found.append(
                Question(
                    id=qf.text("id"),
                    text=qf.text("text"),
                    theme=deck.title,
                    topic=_topic(qf, topics) if "topic" in q else deck.topic,
                    deck=deck.id,
                    depth=depth,
                    steps=_steps(qf, steps) if "steps" in q else deck.steps,
                )
            )
    for what, ids in (("deck", [d.id for d in decks]), ("question", [q.id for q in found])):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ContentError(doc.path, f"{what} ids must be unique; repeated: {dupes[0]}")
    return Questions(tuple(decks), tuple(found))


def _topic(f: Fields, topics: Collection[str]) -> str:
    topic = f.text("topic")
    if topic not in topics:
        raise f.fail(
            "topic",
            f"names love-map topic {topic[:30]!r}, which lovemap.md doesn't have; "
            f"use one of: {', '.join(sorted(topics))}.",
        )
    return topic


def _steps(f: Fields, known: Collection[int]) -> tuple[int, ...]:
    numbers = f.numbers("steps")
    unknown = [n for n in numbers if n not in known]
    if unknown or not numbers:
        wrong = f"names strategy {unknown[0]}, which doesn't exist" if unknown else "is empty"
        raise f.fail("steps", f"{wrong}; use strategy numbers from 1 to {max(known, default=1)}.")
    return numbers


def find_deck(decks: Sequence[Deck], ref: str) -> Deck:
    return one_named(ref, [(d, (d.id, d.title)) for d in decks], "of the decks")


def find_depth(ref: str) -> str:
    return one_named(ref, [(d, (d,)) for d in DEPTHS], "of the depths")
