"""What the content folder holds, as plain records: strategies, practices, the ratio's
aim, signs of drift, conversation questions and their decks, the FAQ, note kinds and
milestone kinds.

The loader (``library.Content``) builds them from the Markdown files; everything
else reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hearthside.domain.targets import Target


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    title: str
    summary: str
    practices: tuple[str, ...]
    body: str


@dataclass(frozen=True)
class Practice:
    id: str
    name: str
    why: str
    target: Target
    aliases: tuple[str, ...]
    minutes_floor: int | None = None
    minutes_aim: int | None = None
    # Kinds of delivered notes that also count as doing this practice that day.
    counts_from_notes: tuple[str, ...] = ()
    # Talking about the day's question counts as doing this practice that day.
    counts_from_question: bool = False
    # Its logs carry minutes, asked for when it is logged (time together, in the seed).
    minutes: bool = False


@dataclass(frozen=True)
class RatioAim:
    """Good moments to aim for per hard one, and the strategies to turn to when it slips."""

    aim: int  # during a disagreement, where the five to one was measured
    everyday_aim: int  # the rest of the time, where stable couples ran much higher
    repair_steps: tuple[int, ...]
    repair_hint: str


@dataclass(frozen=True)
class Sign:
    id: str
    label: str
    question: str


# How far a question goes, lightest first: easy any time; more personal; tender ground.
DEPTHS = ("light", "deeper", "deep")


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    topic: str  # the love-map topic of its questions, unless one names its own
    steps: tuple[int, ...]  # the strategies its questions serve, unless one names its own


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    theme: str  # the title of its deck
    topic: str  # the love-map topic what it brings out belongs to
    deck: str  # the id of its deck
    depth: str  # one of DEPTHS
    steps: tuple[int, ...]  # the strategies (by number) talking about it serves


@dataclass(frozen=True)
class FaqItem:
    question: str
    answer: str


@dataclass(frozen=True)
class Hint:
    pattern: re.Pattern[str]
    message: str


@dataclass(frozen=True)
class Template:
    name: str
    text: str


@dataclass(frozen=True)
class NoteKind:
    id: str
    label: str
    step: int | None
    guidance: tuple[str, ...]
    min_words: int
    short_hint: str
    hints: tuple[Hint, ...]
    templates: tuple[Template, ...]


@dataclass(frozen=True)
class MilestoneKind:
    id: str
    label: str
    yearly: bool  # what a new milestone of this kind does unless told otherwise
    suggestions: tuple[str, ...]  # for the day before, one a year in turn; {title} filled in
