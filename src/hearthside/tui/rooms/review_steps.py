"""The daily review as laid out on screen: its six steps with their fields, titles and
hints, and the words of today's question and its answers.

The screen (``review.ReviewScreen``) moves between the steps and routes the keys,
``review_saves`` says what saving a step means; this module only says what is shown.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Header, Input, Static

from hearthside.domain.records import Answers
from hearthside.services import prompts
from hearthside.services.review import session as review
from hearthside.services.review.past import CLOSENESS_WORDS
from hearthside.texts.items import Practice, Question
from hearthside.tui.presenters.practice_keys import practice_keys
from hearthside.tui.widgets.checklist import Item, LetterChecklist
from hearthside.tui.widgets.day_lines import quoted
from hearthside.tui.widgets.keys_footer import KeysFooter
from hearthside.tui.widgets.scale import ClosenessScale
from hearthside.tui.widgets.summary_view import SummaryView

STEP_NAMES = ("What you did", "Moments", "Today's question", "A thank-you", "Closeness", "Summary")
OUTCOME_CHOICES = {
    prompts.TALKED: "we talked about it",
    prompts.SKIPPED: "skip it",
    prompts.LATER: "keep it for later",
}
OUTCOME_KEYS = {prompts.TALKED: "t", prompts.SKIPPED: "s", prompts.LATER: "l"}
STEP_HINTS = (
    "A letter ticks or unticks · space ticks the highlighted one · digits go to the minutes",
    "↑ and ↓ change the count of the row you're on · tab to the other row · lines are optional",
    "t, s or l answers and goes on · enter leaves it for now",
    "One line is plenty · enter saves it and goes on",
    "1 to 5 chooses · tab or just type for the reflection (optional) · enter goes on",
    "Enter or escape goes back to Today",
)

# Each step's fields, in the order tab visits them.
STEP_FIELDS = {
    0: ("#review-practices", "#review-minutes"),
    1: ("#review-positive-line", "#review-negative-line"),
    3: ("#review-gratitude",),
    4: ("#review-closeness", "#review-reflection"),
}


def offers_learned(step: int, outcome: str) -> bool:
    """Whether the summary offers to note in the love map what the talk taught: only
    once the day is done, so the offer never catches a key meant for a step."""
    return step == len(review.STEPS) - 1 and outcome == prompts.TALKED


def step_heading(step: int, outcome: str) -> tuple[Content, Content, Content]:
    """Which step this is, by name; a dot for each step, lit up to this one; its keys."""
    count = len(review.STEPS)
    heading = Content.assemble((f"Step {step + 1} of {count}", "bold"), f" · {STEP_NAMES[step]}")
    dots = " ".join("●" if i <= step else "○" for i in range(count))
    hint = STEP_HINTS[step]
    if offers_learned(step, outcome):
        hint = f"m notes what you learned from today's question · {hint}"
    return heading, Content(dots), Content(hint)


def compose_review(
    step: int, a: Answers, *, spouse: str, repair_hint: str, items: list[Item]
) -> ComposeResult:
    """The review's screen: which step it is, the steps (one shown at a time, ``step``
    first) with their fields filled from ``a``, and the keys of the step shown."""
    yield Header()
    with Vertical(id="review"):
        with Horizontal(id="review-top"):
            yield Static("", id="review-step")
            yield Static("", id="review-dots")
        with ContentSwitcher(id="review-steps", initial=f"review-step-{step}"):
            with Vertical(id="review-step-0", classes="review-step"):
                yield Static("Which of these happened today?", classes="step-title")
                yield LetterChecklist(items, id="review-practices")
                with Horizontal(id="review-minutes-row", classes="field-row"):
                    yield Static("Minutes together", classes="field-label")
                    yield Input(
                        str(a.minutes or ""),
                        placeholder="minutes",
                        type="integer",
                        max_length=4,
                        id="review-minutes",
                    )
                    yield Static("optional", id="review-minutes-note", classes="field-note")
            with Vertical(id="review-step-1", classes="review-step"):
                yield Static(f"Moments with {spouse} today", classes="step-title")
                for role, label, hint in (
                    ("positive", "Good moments", "One you'd like to remember (optional)"),
                    ("negative", "Hard moments", "What happened, in a few words (optional)"),
                ):
                    with Horizontal(classes="field-row moment-row"):
                        yield Static(label, classes="field-label")
                        yield Static("", id=f"review-{role}-count", classes="counter")
                        yield Input(
                            getattr(a, f"{role}_line"),
                            placeholder=hint,
                            id=f"review-{role}-line",
                        )
                yield Static(Content(repair_hint), id="review-repair-hint")
            with Vertical(id="review-step-2", classes="review-step"):
                yield Static("Today's question", classes="step-title")
                yield Static("", id="review-question")
                yield Static("", id="review-choices")
            with Vertical(id="review-step-3", classes="review-step"):
                yield Static(f"One thing to thank {spouse} for", classes="step-title")
                yield Input(a.gratitude, placeholder="Thank you for…", id="review-gratitude")
                yield Static(
                    "It's kept as a draft note, ready to hand over from the Notes room "
                    "when the moment is right.",
                    classes="step-note",
                )
            with Vertical(id="review-step-4", classes="review-step"):
                yield Static("How close did you feel today?", classes="step-title")
                yield ClosenessScale(
                    words=CLOSENESS_WORDS,
                    inline=True,
                    value=a.closeness,
                    id="review-closeness",
                )
                yield Static(
                    "A line or two about today (optional; it goes in your journal)",
                    classes="step-note",
                )
                yield Input(a.reflection, placeholder="Today…", id="review-reflection")
            yield SummaryView(id="review-step-5", classes="review-step")
        yield Static("", id="review-hint")
    yield KeysFooter()


def practice_items(
    found: Sequence[Practice], ticked: Collection[str], elsewhere: Collection[str]
) -> list[Item]:
    """The first step's checklist: a letter for each practice; one logged in another room
    today is ticked, and can't be unticked here."""
    letters = practice_keys(found)
    items = []
    for p in found:
        label = Content.assemble((f"{p.name:<22}", "bold"), (", ".join(p.aliases[:3]), "dim"))
        if p.id in elsewhere:
            label = Content.assemble(label, ("  · logged earlier today", "italic"))
        items.append(
            Item(
                letters.get(p.id, ""),
                label,
                p.id,
                p.id in ticked or p.id in elsewhere,
                p.id in elsewhere,
            )
        )
    return items


def question_lines(question: Question | None, outcome: str) -> tuple[Content, Content]:
    """Today's question, and its answers with their keys, the one chosen lit."""
    if question is None:
        return Content("There are no questions in the content folder yet."), Content("")
    text = Content.assemble(quoted(question.text, 200), "\n", (question.theme, "dim italic"))
    parts = []
    for choice, label in OUTCOME_CHOICES.items():
        chosen = choice == outcome
        parts.append(
            Content.assemble(
                (f" {OUTCOME_KEYS[choice]} ", "bold reverse" if chosen else "bold"),
                (f" {label}", "bold" if chosen else ""),
            )
        )
    return text, Content("     ").join(parts)
