"""Stars on entries and notes: the ones to come back to."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from hearthside.cli.context import app_context, home_option, say

if TYPE_CHECKING:
    from hearthside.texts.items import Question


@click.command()
@home_option
@click.argument("ref", metavar="ID")
@click.option("--undo", is_flag=True, help="Take the star off instead.")
def star(ref: str, undo: bool) -> None:
    """Star an entry or note to come back to (Good memories in the app shows them),
    or a question by the id `ask` shows, as a favourite."""
    from hearthside.services.favourites import star as set_star

    c = app_context()
    question = next((q for q in c.content.questions if q.id == ref.strip()), None)
    if question is not None:
        star_question(question, undo)
        return
    record = set_star(c.store, ref, starred=not undo)
    if undo:
        say(f"Took the star off the {record.LABEL} {record.short_id}.")
    else:
        say(
            f"Starred the {record.LABEL} {record.short_id}. "
            f"`hearthside star {record.short_id} --undo` takes the star off."
        )


def star_question(question: Question, undo: bool) -> None:
    from hearthside.services import decks

    c = app_context()
    changed = decks.set_favourite(c.store, question, not undo, today=c.today())
    if undo:
        say(
            f"Took the star off the question {question.id}."
            if changed
            else f"The question {question.id} wasn't one of your favourites."
        )
    elif changed:
        say(
            f"Starred the question {question.id}; `hearthside ask --favourites` draws "
            "from your favourites."
        )
    else:
        say(f"The question {question.id} is already one of your favourites.")


COMMANDS: list[click.Command] = [star]
