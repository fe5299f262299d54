"""The ``guide`` command: the strategies from the content folder, as text."""

from __future__ import annotations

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.errors import HearthsideError


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
    if chosen.prompts:
        by_id = {q.id: q for q in c.content.questions}
        say("\nTo talk about:")
        for qid in chosen.prompts:
            if qid in by_id:
                say(f"  - {by_id[qid].text}")
    try:
        link = c.content.lovemap_guide
    except HearthsideError as exc:  # a broken lovemap.md hides only its own line
        say(f"hearthside: {exc}", err=True)
    else:
        if chosen.number in link.steps:
            say(f"\n{link.line}")


COMMANDS: list[click.Command] = [guide]
