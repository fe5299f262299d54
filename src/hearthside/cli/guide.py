"""The ``guide`` command: the strategies from the content folder, as text."""

from __future__ import annotations

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.errors import HearthsideError
from hearthside.services import decks


@click.command()
@home_option
@click.argument("step", required=False)
def guide(step: str | None) -> None:
    """The fifteen strategies, or one of them in full."""
    c = app_context()
    if step is None:
        for s in c.content.steps:
            say(f"{s.number:>2}. {s.title}: {s.summary}")
        say("\nRead one with: hearthside guide N")
        return
    chosen = c.content.step(step)
    say(f"{chosen.number}. {chosen.title}\n\n{chosen.summary}\n\n{chosen.body}")
    if chosen.practices:
        names = ", ".join(c.content.practice(p).name for p in chosen.practices)
        say(f"\nPractices it feeds: {names}")
    served = decks.serving(c.content, chosen.number)
    if served.decks:
        named = ", ".join(f"{d.title} ({n})" for d, n in served.decks)
        say(f"\nQuestion decks for it: {named}")
        say("To talk about:")
        for q in served.few:
            say(f"  - {q.text} ({q.depth})")
        say(f"Draw one with: hearthside ask --deck {served.decks[0][0].id}")
    try:
        link = c.content.lovemap_guide
    except HearthsideError as exc:  # a broken lovemap.md hides only its own line
        say(f"hearthside: {exc}", err=True)
    else:
        if chosen.number in link.steps:
            say(f"\n{link.line}")


COMMANDS: list[click.Command] = [guide]
