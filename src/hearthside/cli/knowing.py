"""The evening of 36 questions and the good memories, from the command line, kept in the
same records the app keeps them in, so the two always agree."""

from __future__ import annotations

import random
from datetime import date

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.domain import date_words
from hearthside.domain.marks import sender_words, with_marks
from hearthside.domain.printable import one_line
from hearthside.domain.records import Entry
from hearthside.errors import HearthsideError
from hearthside.texts.thirty_six import EveningOfQuestions

MOVES = "hearthside evening --next moves on · --back goes back one · --restart starts over"


@click.command()
@home_option
@click.option("--next", "forward", is_flag=True, help="Move on to the next question.")
@click.option("--back", is_flag=True, help="Go back one question.")
@click.option("--restart", is_flag=True, help="Start the evening over from the first question.")
def evening(forward: bool, back: bool, restart: bool) -> None:
    """An evening of 36 questions, one at a time: where you are, or move on."""
    chosen = [n for n, on in (("--next", forward), ("--back", back), ("--restart", restart)) if on]
    if len(chosen) > 1:
        raise HearthsideError(
            f"{' and '.join(chosen)} pull different ways; choose one of them. Nothing was changed."
        )
    from hearthside.services import evening as evenings

    c = app_context()
    found = c.content.thirty_six
    total = len(found.questions)
    left = evenings.in_progress(c.store)
    if restart or (forward and left is None):
        at = 0
    elif left is None:
        _before(found)
        return
    elif forward:
        at = left.at + 1
    elif back and left.at > 0:
        at = left.at - 1
    else:
        if back:
            say("This is the first question; there's none before it.")
        _question(found, left.at)
        return
    evenings.keep_place(c.store, at, total=total, today=c.today())
    if at >= total:
        say(found.close)
        say("")
        say('Note what you learned about them: hearthside learned TOPIC "what you learned".')
        say("`hearthside lovemap` lists the topics; `hearthside evening` begins a new evening.")
    else:
        _question(found, at)


def _before(found: EveningOfQuestions) -> None:
    say(found.title)
    say(found.length)
    say("")
    say(found.intro)
    say("")
    say("Begin with: hearthside evening --next")


def _question(found: EveningOfQuestions, at: int) -> None:
    say(found.where(at))
    say("")
    say(found.questions[at])
    say("")
    say(MOVES)


@click.command()
@home_option
@click.option("--random", "at_random", is_flag=True, help="In an order of chance.")
@click.option("-n", "count", type=click.IntRange(min=1), metavar="N", help="Only the first N.")
def memories(at_random: bool, count: int | None) -> None:
    """Good memories: starred entries and notes, close days, notes handed over."""
    from hearthside.services.good_memories import good_memories, none_yet, shuffled

    c = app_context()
    found = good_memories(c.store)
    if not found:
        say(none_yet("with hearthside star ID"))
        return
    if at_random:
        found = shuffled(found, random.randrange(2**32))
    for i, memory in enumerate(found[:count]):
        record = memory.record
        if isinstance(record, Entry):
            what, words = "entry", record.headline
        else:
            what, words = " ".join(("note", sender_words(record))).strip(), record.text
        when = date_words.full_day(date.fromisoformat(record.date))
        if i:
            say("")
        say(f"{when} · {what} {record.short_id} · {' · '.join(memory.reasons)}")
        say(f"  {with_marks(one_line(words, 70), record)}")


COMMANDS: list[click.Command] = [evening, memories]
