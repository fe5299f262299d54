"""Commands about keeping the practices going: pausing for travel or illness."""

from __future__ import annotations

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.domain.printable import one_line
from hearthside.domain.wording import plural


@click.command()
@home_option
@click.argument("first", metavar="FROM")
@click.argument("last", metavar="TO")
@click.option("--reason", default="", help="A few words: travel, illness, a hard week…")
def pause(first: str, last: str, reason: str) -> None:
    """Pause the days FROM to TO: they won't break streaks or lower strength."""
    from hearthside.services.pauses import add_pause, pause_days

    added = add_pause(app_context().store, first, last, reason=reason)
    days = pause_days(added)
    why = f" ({one_line(added.reason, 60)})" if added.reason else ""
    say(
        f"Paused {added.start} to {added.end}, {plural('day', days)}{why}. "
        "Your streaks and strength will be waiting when you're back."
    )


@click.command()
@home_option
def pauses() -> None:
    """List the paused spans, the latest first."""
    from hearthside.services.pauses import list_pauses, pause_days

    found = list_pauses(app_context().store)
    if not found:
        say("No paused days yet. `hearthside pause FROM TO` sets some aside for travel or illness.")
        return
    for item in found:
        days = pause_days(item)
        say(
            f"{item.start} to {item.end}  {days:>3} day{'s' if days != 1 else ' '}  "
            f"{one_line(item.reason, 60)}".rstrip()
        )


COMMANDS: list[click.Command] = [pause, pauses]
