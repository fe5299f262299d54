"""What every importer shares: the refusal, the plan, and the checks every record meets."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hearthside.domain import record_checks, validation
from hearthside.domain.records import (
    Checkin,
    FavouriteQuestion,
    Learned,
    Milestone,
    Note,
    PracticeLog,
    Record,
)
from hearthside.domain.settings import Settings
from hearthside.errors import HearthsideError

if TYPE_CHECKING:
    from hearthside.texts.library import Content


TAG_RULE = (
    f"a tag is one word of up to {validation.MAX_TAG_LENGTH} characters, "
    "without spaces or control characters"
)


class ImportRefused(HearthsideError):
    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        super().__init__(f"Can't import {path}: {problem}. Nothing was imported.")


@dataclass
class Plan:
    """What a checked file would add; nothing is written until all of it is checked."""

    source: str
    records: list[Record]
    settings: Settings | None = None


def record_problem(record: Record, content: Content, practices: Collection[str] = ()) -> str | None:
    """The same rules as for a record typed in, and the content it names must be there
    (a practice log may also name one of ``practices``: one's own)."""
    return record_checks.record_problem(record) or _content_problem(record, content, practices)


def _content_problem(record: Record, content: Content, practices: Collection[str]) -> str | None:
    """Where a record names something from the content folder, it must be there."""
    listed = record_checks.listed_problem
    if isinstance(record, Note):
        return listed("kind", record.kind, [k.id for k in content.note_kinds])
    if isinstance(record, Milestone):
        return listed("kind", record.kind, [k.id for k in content.milestone_kinds])
    if isinstance(record, PracticeLog):
        return listed("practice", record.practice, [*(p.id for p in content.practices), *practices])
    if isinstance(record, Learned):
        return listed("topic", record.topic, [t.id for t in content.lovemap_topics])
    if isinstance(record, Checkin):
        signs = [s.id for s in content.signs]
        return next((listed("ratings", k, signs) for k in record.ratings if k not in signs), None)
    if isinstance(record, FavouriteQuestion) and all(
        q.id != record.question for q in content.questions
    ):
        return "its 'question' isn't one of the questions in the content folder"
    return None
