"""Checking the whole content folder at once, for ``doctor``.

Each part of the content checks itself as it loads; what is left to check here is
what one file says about another: a strategy naming a practice, the ratio naming
strategies, a practice counting a kind of note. (A question naming a strategy or a
love-map topic is checked as the questions load.)
"""

from __future__ import annotations

from hearthside.errors import HearthsideError
from hearthside.texts.front_matter import ContentError
from hearthside.texts.library import Content

PARTS = (
    "steps",
    "practices",
    "ratio",
    "signs",
    "lovemap_topics",
    "lovemap_guide",
    "questions",
    "thirty_six",
    "six_hours",
    "weekly_talk",
    "faq",
    "note_kinds",
    "entry_templates",
    "milestone_kinds",
)


def check_all(content: Content) -> list[str]:
    """Load every part, returning the problems found."""
    problems = []
    for part in PARTS:
        try:
            getattr(content, part)
        except HearthsideError as exc:
            problems.append(str(exc))
    if not problems:
        known_practices = {p.id for p in content.practices}
        for step in content.steps:
            for pid in step.practices:
                if pid not in known_practices:
                    problems.append(f"Strategy {step.number} names unknown practice {pid!r}.")
        problems += _check_links_from_practices(content)
    return problems


def _check_links_from_practices(content: Content) -> list[str]:
    problems = []
    try:
        content.repair_steps()
    except ContentError as exc:
        problems.append(str(exc))
    kinds = {k.id for k in content.note_kinds}
    for practice in content.practices:
        for kind in practice.counts_from_notes:
            if kind not in kinds:
                problems.append(
                    f"Practice {practice.id!r} counts notes of unknown kind {kind!r}; "
                    f"use one of: {', '.join(sorted(kinds))}."
                )
    return problems
