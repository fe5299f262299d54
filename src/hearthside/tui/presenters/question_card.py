"""Today's question as the Today room's card shows it: the question (starred when it is
a favourite), how it was answered, its keys, and how many wait kept for later."""

from __future__ import annotations

from textual.content import Content

from hearthside.domain.wording import plural
from hearthside.services import prompts
from hearthside.services.review.session import ReviewState
from hearthside.texts.items import Question

STAR = "★"  # a favourite question, wherever one is shown


def question_card(
    state: ReviewState, favourites: set[str], kept: list[Question]
) -> tuple[Content, Content]:
    """The question's text, and the lines under it; ``favourites`` holds the ids of the
    starred questions, ``kept`` the questions kept for later."""
    question = state.question
    if question is None:
        return Content("There are no questions in the content folder yet."), Content("")
    starred = f" {STAR}" if question.id in favourites else ""
    text = Content.assemble("“", Content(question.text), "”", starred)
    parts: list[Content] = []
    if state.answers.question == question.id and state.answers.outcome:
        parts.append(Content.styled(prompts.OUTCOME_WORDS.get(state.answers.outcome, ""), "italic"))
    parts.append(Content(f"t we talked about it · s skip · l keep for later · f {STAR}"))
    others = [q for q in kept if q.id != question.id]
    if others:
        parts.append(Content(f"{plural('question', len(others))} kept for another day."))
    return text, Content("\n").join(parts)
