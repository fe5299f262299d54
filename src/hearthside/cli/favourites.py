"""Stars on entries and notes: the ones to come back to."""

from __future__ import annotations

import click

from hearthside.cli.context import app_context, home_option, say


@click.command()
@home_option
@click.argument("ref", metavar="ID")
@click.option("--undo", is_flag=True, help="Take the star off instead.")
def star(ref: str, undo: bool) -> None:
    """Star an entry or note to come back to (Good memories in the app shows them)."""
    from hearthside.services.favourites import star as set_star

    c = app_context()
    record = set_star(c.store, ref, starred=not undo)
    if undo:
        say(f"Took the star off the {record.LABEL} {record.short_id}.")
    else:
        say(
            f"Starred the {record.LABEL} {record.short_id}. "
            f"`hearthside star {record.short_id} --undo` takes the star off."
        )


COMMANDS: list[click.Command] = [star]
