"""Practices as content describes them, one matcher for what a person types, and the
"six hours" set: the parts of a week that research found close couples give time to.

``read_practices`` serves both ``practices.md`` and ``six-hours.md`` (which adds the two
practices the seed lacks), so a practice means the same wherever it is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hearthside.domain.targets import parse_target
from hearthside.errors import HearthsideError
from hearthside.texts.front_matter import ContentError, Document, Fields, line_of, read_document
from hearthside.texts.items import Practice


def read_practices(doc: Document) -> tuple[Practice, ...]:
    """The ``practices:`` list of a content file's front matter, checked."""
    practices = []
    for i, raw in enumerate(Fields(doc, doc.meta, "front matter").mappings("practices"), 1):
        f = Fields(doc, raw, f"practice {i}")
        target_text = f.text("target")
        try:
            target = parse_target(target_text)
        except HearthsideError as exc:
            raise f.fail("target", str(exc)) from None
        practices.append(
            Practice(
                id=f.text("id"),
                name=f.text("name"),
                why=f.text("why"),
                target=target,
                aliases=tuple(a.lower() for a in f.strings("aliases", required=False)),
                minutes_floor=f.optional_int("minutes_floor"),
                minutes_aim=f.optional_int("minutes_aim"),
                counts_from_notes=tuple(
                    k.lower() for k in f.strings("counts_from_notes", required=False)
                ),
                counts_from_question=f.flag("counts_from_question"),
                minutes=f.flag("minutes"),
            )
        )
    return tuple(practices)


def find_practice(practices: Sequence[Practice], ref: str) -> Practice:
    """The practice ``ref`` names by id, name or alias, or an unambiguous start of one."""
    wanted = ref.strip().lower()
    for practice in practices:
        if wanted in (practice.id, practice.name.lower(), *practice.aliases):
            return practice
    names = {name: p for p in practices for name in (p.id, p.name.lower(), *p.aliases)}
    hits = {p.id: p for name, p in names.items() if wanted and name.startswith(wanted)}
    if len(hits) == 1:
        return next(iter(hits.values()))
    choices = "; ".join(
        f"{p.id} ({', '.join(p.aliases)})" if p.aliases else p.id for p in practices
    )
    if len(hits) > 1:
        raise HearthsideError(
            f"{ref[:30]!r} could mean {' or '.join(sorted(hits))}. Choose one of: {choices}."
        )
    raise HearthsideError(f"There is no practice called {ref[:30]!r}. Choose one of: {choices}.")


@dataclass(frozen=True)
class SixHoursPart:
    practice: str  # the id of the practice whose logs fill this part
    name: str
    minutes: int  # one time's usual length: what a log without minutes counts as
    times: int  # times a week

    @property
    def budget(self) -> int:
        """The part's minutes a week."""
        return self.minutes * self.times


@dataclass(frozen=True)
class SixHours:
    intro: str
    parts: tuple[SixHoursPart, ...]
    practices: tuple[Practice, ...]  # the ones the set adds to the seed's, when switched on

    @property
    def budget(self) -> int:
        return sum(part.budget for part in self.parts)


def load_six_hours(path: Path, seed: Sequence[Practice]) -> SixHours:
    doc = read_document(path)
    added = read_practices(doc)
    taken = {word for p in seed for word in (p.id, p.name.lower(), *p.aliases)}
    for extra in added:
        clash = sorted(taken & {extra.id, extra.name.lower(), *extra.aliases})
        if clash:
            raise ContentError(
                path,
                f"practice {extra.id!r} answers to {clash[0]!r}, which names a practice "
                "in practices.md already; choose other words.",
                line_of(path, f"id: {extra.id}"),
            )
    known = {p.id for p in (*seed, *added)}
    parts = []
    for i, raw in enumerate(Fields(doc, doc.meta, "front matter").mappings("parts"), 1):
        f = Fields(doc, raw, f"part {i}")
        practice = f.text("practice")
        if practice not in known:
            raise ContentError(
                path,
                f"part {i} counts practice {practice!r}, which doesn't exist; use one of "
                f"{', '.join(sorted(known))}.",
                line_of(path, f"practice: {practice}"),
            )
        minutes, times = f.integer("minutes"), f.integer("times")
        if minutes < 1 or times < 1:
            raise f.fail("minutes", "and 'times' must both be 1 or more.")
        parts.append(SixHoursPart(practice, f.text("name"), minutes, times))
    return SixHours(intro=doc.body.strip(), parts=tuple(parts), practices=added)
