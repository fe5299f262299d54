"""The evening of 36 questions, loaded from ``content/thirty-six.md``: three sets of
twelve, each a little deeper than the one before."""

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

SETS, PER_SET = 3, 12
FILE = "thirty-six.md"


@dataclass(frozen=True)
class QuestionSet:
    title: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class EveningOfQuestions:
    title: str
    minutes: int
    intro: str  # what it is and how to go about it (the file's body, paragraphs unwrapped)
    close: str  # said once the last question is done
    sets: tuple[QuestionSet, ...]

    @property
    def questions(self) -> tuple[str, ...]:
        """All of them, in order: question ``n`` is in set ``n // PER_SET``."""
        return tuple(q for s in self.sets for q in s.questions)

    @property
    def length(self) -> str:
        """How long it takes and how it goes, said before it begins."""
        return f"About {self.minutes} minutes · {len(self.sets)} sets of {PER_SET}"

    def where(self, at: int) -> str:
        """Where question ``at`` (counted from 0) falls: "Set 2 of 3 · question 5 of 12 ·
        Going deeper", the same in the app and on the command line."""
        number, place = divmod(at, PER_SET)
        words = f"Set {number + 1} of {len(self.sets)} · question {place + 1} of {PER_SET}"
        title = self.sets[number].title
        return f"{words} · {title}" if title else words


def load_evening(root: Path) -> EveningOfQuestions:
    doc = read_document(root / FILE)
    top = Fields(doc, doc.meta, "front matter")
    raw_sets = top.mappings("sets")
    if len(raw_sets) != SETS:
        raise ContentError(
            doc.path,
            f"'sets' should hold {SETS} sets of {PER_SET} questions; it holds {len(raw_sets)}.",
            line_of(doc.path, "sets:"),
        )
    sets = []
    for i, raw in enumerate(raw_sets, 1):
        anchor = f"title: {raw.get('title')}" if isinstance(raw, dict) else None
        f = Fields(doc, raw, f"set {i}", anchor=anchor)
        questions = f.strings("questions")
        if len(questions) != PER_SET or not all(questions):
            found = len([q for q in questions if q])
            raise f.fail("questions", f"should be {PER_SET} questions with words; found {found}.")
        sets.append(QuestionSet(title=f.text("title"), questions=questions))
    minutes = top.integer("minutes")
    if minutes < 1:
        raise top.fail("minutes", "should be about how long the evening takes, like 45.")
    return EveningOfQuestions(
        title=top.text("title"),
        minutes=minutes,
        intro=flowing(doc.body),
        close=top.text("close"),
        sets=tuple(sets),
    )
