"""The words the app shows, loaded from Markdown files with YAML front matter.

Content is the single source for strategies, practices and their targets, signs
of drift, conversation questions in decks, the FAQ, note templates and journal entry
templates. Each part loads on first use, so a quick ``hearthside log hug`` only reads
``practices.md``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from hearthside.errors import HearthsideError
from hearthside.paths import content_folder
from hearthside.texts.entry_templates import EntryTemplate, load_entry_templates
from hearthside.texts.front_matter import (
    ContentError,
    Document,
    Fields,
    line_of,
    read_document,
    sections,
)
from hearthside.texts.items import (
    Deck,
    FaqItem,
    Hint,
    MilestoneKind,
    NoteKind,
    Practice,
    Question,
    RatioAim,
    Sign,
    Step,
    Template,
)
from hearthside.texts.lovemap import GuideLink, LoveMapTopic, load_guide_link, load_topics
from hearthside.texts.naming import named
from hearthside.texts.practices import SixHours, find_practice, load_six_hours, read_practices
from hearthside.texts.questions import Questions, load_questions
from hearthside.texts.thirty_six import EveningOfQuestions, load_evening
from hearthside.texts.weekly_talk import WeeklyTalkGuide, load_weekly_talk

# A placeholder in a milestone's suggestion, like {title}.
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class Content:
    """The loaded content folder. Each property reads its files once, when first asked."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = content_folder(root)

    # -- strategies --------------------------------------------------------------

    @cached_property
    def steps(self) -> tuple[Step, ...]:
        files = sorted((self.root / "steps").glob("*.md"))
        if not files:
            raise ContentError(self.root / "steps", "no strategy files (*.md) were found.")
        steps = []
        for path in files:
            doc = read_document(path)
            f = Fields(doc, doc.meta, "front matter")
            steps.append(
                Step(
                    id=f.text("id"),
                    number=f.integer("number"),
                    title=f.text("title"),
                    summary=f.text("summary"),
                    practices=f.strings("practices", required=False),
                    body=doc.body.strip(),
                )
            )
        steps.sort(key=lambda s: s.number)
        numbers = [s.number for s in steps]
        if len(set(numbers)) != len(numbers):
            raise ContentError(self.root / "steps", "two strategy files share a number.")
        return tuple(steps)

    def step(self, ref: int | str) -> Step:
        text = str(ref).strip().lower()
        for step in self.steps:
            if text in (str(step.number), step.id):
                return step
        raise HearthsideError(
            f"There is no strategy {str(ref)[:30]!r}; choose a number from 1 to {len(self.steps)}."
        )

    def step_label(self, number: int) -> str:
        """'3. Turn toward each other', or 'strategy 3' for one the guide no longer has
        (a record keeps its links when the content folder changes)."""
        found = next((s for s in self.steps if s.number == number), None)
        return f"strategy {number}" if found is None else f"{number}. {found.title}"

    # -- practices -----------------------------------------------------------------

    @cached_property
    def _practices_doc(self) -> Document:
        # Practices, the ratio and the intro share one file; parse its YAML once.
        return read_document(self.root / "practices.md")

    @cached_property
    def practices(self) -> tuple[Practice, ...]:
        found = read_practices(self._practices_doc)
        timed = next((p for p in found if p.minutes_floor is not None), None)
        # Only the timed practice's minutes are counted, so only its logs ask for them.
        return tuple(replace(p, minutes=True) if p is timed else p for p in found)

    @property
    def timed_practice(self) -> Practice | None:
        """The one practice whose logs carry minutes together (time together, in the
        seed): the first with a ``minutes_floor``. Only its minutes are asked for and
        counted, should content give another one minutes too."""
        return next((p for p in self.practices if p.minutes_floor is not None), None)

    @property
    def talk_practice(self) -> Practice | None:
        """The practice that "we talked about it" on the day's question logs (real
        conversation, in the seed): the first with ``counts_from_question: true``."""
        return next((p for p in self.practices if p.counts_from_question), None)

    @cached_property
    def ratio(self) -> RatioAim:
        doc = self._practices_doc
        top = Fields(doc, doc.meta, "front matter")
        if "ratio" not in doc.meta:
            raise top.fail("ratio", "is missing; expected aim, repair_steps and repair_hint.")
        f = Fields(doc, doc.meta["ratio"], "ratio")
        aim = f.integer("aim")
        everyday = f.optional_int("everyday_aim")
        # A content folder from before the everyday aim holds one aim for both.
        everyday = aim if everyday is None else everyday
        for name, value in (("aim", aim), ("everyday_aim", everyday)):
            if value < 1:
                why = "must be 1 or more (5 means five good moments for each hard one)."
                raise f.fail(name, why)
        return RatioAim(
            aim=aim,
            everyday_aim=everyday,
            repair_steps=f.numbers("repair_steps"),
            repair_hint=f.text("repair_hint"),
        )

    def repair_steps(self) -> tuple[Step, ...]:
        """The strategies the ratio's pointer names, checked against the strategy files."""
        known = {s.number: s for s in self.steps}
        for number in self.ratio.repair_steps:
            if number not in known:
                path = self._practices_doc.path
                raise ContentError(
                    path,
                    f"ratio: 'repair_steps' names strategy {number}, which doesn't exist; "
                    f"use numbers from 1 to {len(self.steps)}.",
                    line_of(path, "repair_steps:"),
                )
        return tuple(known[n] for n in self.ratio.repair_steps)

    def practice(self, ref: str) -> Practice:
        """Find a practice by id, alias, or an unambiguous prefix of either."""
        return find_practice(self.practices, ref)

    @cached_property
    def six_hours(self) -> SixHours:
        return load_six_hours(self.root / "six-hours.md", self.practices)

    # -- check-in, questions, FAQ ------------------------------------------------------

    @cached_property
    def signs(self) -> tuple[Sign, ...]:
        doc = read_document(self.root / "signs.md")
        signs = []
        for i, raw in enumerate(Fields(doc, doc.meta, "front matter").mappings("signs"), 1):
            f = Fields(doc, raw, f"sign {i}")
            signs.append(Sign(id=f.text("id"), label=f.text("label"), question=f.text("question")))
        return tuple(signs)

    @cached_property
    def signs_intro(self) -> str:
        return read_document(self.root / "signs.md").body.strip()

    @cached_property
    def _questions(self) -> Questions:
        topics = {t.id for t in self.lovemap_topics}
        return load_questions(self.root, topics, {s.number for s in self.steps})

    @property
    def questions(self) -> tuple[Question, ...]:
        return self._questions.questions

    @property
    def decks(self) -> tuple[Deck, ...]:
        return self._questions.decks

    @cached_property
    def _lovemap(self) -> tuple[tuple[LoveMapTopic, ...], str]:
        return load_topics(self.root)

    @property
    def lovemap_topics(self) -> tuple[LoveMapTopic, ...]:
        return self._lovemap[0]

    @property
    def lovemap_intro(self) -> str:
        return self._lovemap[1]

    def lovemap_topic(self, ref: str) -> LoveMapTopic:
        """A topic by id, or by the start of its id or title (as typed on the command line)."""
        topics = self.lovemap_topics
        found = named(ref, [(t, (t.id, t.title)) for t in topics])
        if len(found) == 1:
            return found[0]
        raise HearthsideError(
            f"{ref[:30]!r} isn't a love-map topic; use one of: {', '.join(t.id for t in topics)}."
        )

    @cached_property
    def lovemap_guide(self) -> GuideLink:
        return load_guide_link(self.root, [s.number for s in self.steps])

    @cached_property
    def thirty_six(self) -> EveningOfQuestions:
        return load_evening(self.root)

    @cached_property
    def weekly_talk(self) -> WeeklyTalkGuide:
        return load_weekly_talk(self.root)

    @cached_property
    def faq(self) -> tuple[FaqItem, ...]:
        doc = read_document(self.root / "faq.md")
        items = tuple(FaqItem(q, a) for q, a in sections(doc.body))
        if not items:
            raise ContentError(doc.path, "expected '## Question' headings, each with an answer.")
        return items

    @cached_property
    def faq_markdown(self) -> str:
        doc = read_document(self.root / "faq.md")
        title = str(doc.meta.get("title", "Questions people ask"))
        return f"# {title}\n\n{doc.body.strip()}\n"

    @cached_property
    def practices_intro(self) -> str:
        return self._practices_doc.body.strip()

    # -- note kinds and templates ---------------------------------------------------

    @cached_property
    def note_kinds(self) -> tuple[NoteKind, ...]:
        files = sorted((self.root / "templates").glob("*.md"))
        if not files:
            raise ContentError(self.root / "templates", "no note template files were found.")
        docs = [read_document(path) for path in files]
        # An optional `order:` puts the kinds in a sensible order (gratitude first).
        docs.sort(
            key=lambda d: (
                Fields(d, d.meta, "front matter").integer("order", default=99),
                d.path.name,
            )
        )
        return tuple(self._note_kind(doc) for doc in docs)

    def _note_kind(self, doc: Document) -> NoteKind:
        f = Fields(doc, doc.meta, "front matter")
        hints = []
        for i, raw in enumerate(doc.meta.get("hints") or [], 1):
            hf = Fields(doc, raw, f"hint {i}")
            try:
                pattern = re.compile(hf.text("pattern"), re.IGNORECASE)
            except re.error as exc:
                raise hf.fail("pattern", f"is not a valid pattern ({exc}).") from None
            hints.append(Hint(pattern, hf.text("message")))
        templates = tuple(Template(name, text) for name, text in sections(doc.body))
        if not templates:
            raise ContentError(doc.path, "expected at least one '## Template name' section.")
        return NoteKind(
            id=f.text("kind"),
            label=f.text("label"),
            step=f.optional_int("step"),
            guidance=f.strings("guidance", required=False),
            min_words=f.integer("min_words", default=0),
            short_hint=f.text("short_hint", default="A few more words would help: be specific."),
            hints=tuple(hints),
            templates=templates,
        )

    def note_kind(self, ref: str) -> NoteKind:
        wanted = ref.strip().lower()
        for kind in self.note_kinds:
            if wanted in (kind.id, kind.label.lower()):
                return kind
        hits = [k for k in self.note_kinds if wanted and k.id.startswith(wanted)]
        if len(hits) == 1:
            return hits[0]
        names = ", ".join(k.id for k in self.note_kinds)
        raise HearthsideError(f"There is no note kind {ref[:30]!r}. Choose one of: {names}.")

    @cached_property
    def entry_templates(self) -> tuple[EntryTemplate, ...]:
        return load_entry_templates(self.root)

    @cached_property
    def milestone_kinds(self) -> tuple[MilestoneKind, ...]:
        doc = read_document(self.root / "milestones.md")
        kinds = []
        for i, raw in enumerate(Fields(doc, doc.meta, "front matter").mappings("kinds"), 1):
            named = raw.get("id") if isinstance(raw, dict) else None
            f = Fields(doc, raw, f"kind {i}", anchor=f"id: {named}" if named else None)
            yearly = raw.get("yearly", False)
            if not isinstance(yearly, bool):
                raise f.fail("yearly", "must be true or false.")
            suggestions = f.strings("suggestions")
            if not suggestions or not all(suggestions):
                raise f.fail("suggestions", "needs one or more texts to show the day before.")
            for text in suggestions:
                for name in _PLACEHOLDER.findall(text):
                    if name != "title":
                        raise ContentError(
                            doc.path,
                            f"kind {i}: {{{name}}} in 'suggestions' isn't something Hearthside "
                            "can fill in; {title} (the milestone's title) is.",
                            line_of(doc.path, f"{{{name}}}", f.start or 1),
                        )
            kinds.append(
                MilestoneKind(
                    id=f.text("id").lower(),
                    label=f.text("label"),
                    yearly=yearly,
                    suggestions=suggestions,
                )
            )
        return tuple(kinds)
