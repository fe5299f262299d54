"""The ``ask`` command: a question drawn from the decks, or the favourite ones."""

from __future__ import annotations

import random

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.texts.items import Question


def _line(question: Question) -> str:
    return f"{question.theme} · {question.depth} · {question.id}"


@click.command()
@home_option
@click.option("--deck", metavar="DECK", help="Draw from this deck (its id or the start of it).")
@click.option("--depth", metavar="DEPTH", help="light, deeper or deep.")
@click.option("--favourites", is_flag=True, help="List the questions you starred instead.")
def ask(deck: str | None, depth: str | None, favourites: bool) -> None:
    """A question to ask each other, drawn from a deck at a depth."""
    from hearthside.services import decks

    c = app_context()
    pool = decks.matching(c.content, deck, depth)
    if favourites:
        starred = decks.favourites(c.store, c.content)
        chosen = [q for q in starred if q in pool]
        if not starred:
            say("No favourites yet. Star a question with f in the app's Draw a question.")
        elif not chosen:
            say("None of your favourites is in that deck at that depth.")
        for q in chosen:
            say(f"“{q.text}”\n  {_line(q)}")
        return
    if not pool:
        say("No question is both in that deck and at that depth; try another depth.")
        return
    question = decks.draw(pool, random.Random())
    say(f"“{question.text}”\n  {_line(question)}")


COMMANDS: list[click.Command] = [ask]
