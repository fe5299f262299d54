"""``hearthside practice``: make practices of your own, as the app's "Your practices" does."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.errors import HearthsideError

if TYPE_CHECKING:
    from hearthside.domain.records import OwnPractice

_TARGET_HELP = "How often: daily, weekly, every 2 weeks, monthly, or N per day/week/month."


@click.group(name="practice")
def practice_group() -> None:
    """Make, change and put away practices of your own."""


@practice_group.command(name="add")
@home_option
@click.argument("name")
@click.option("--target", "-t", required=True, metavar="HOW OFTEN", help=_TARGET_HELP)
@click.option("--minutes", is_flag=True, help="Ask for minutes each time it is logged.")
@click.option(
    "--alias", "aliases", multiple=True, metavar="WORD", help="Another name to log it by."
)
@click.option("--why", default="", help="A line on why it matters to you.")
def add(name: str, target: str, minutes: bool, aliases: tuple[str, ...], why: str) -> None:
    """Add a practice of your own, counted on the dashboard beside the others."""
    from hearthside.services import practice_book

    c = app_context()
    draft = practice_book.OwnDraft(name, target, minutes, aliases, why)
    made = practice_book.add_own(c.store, c.content, draft)
    say(f"Added {describe(made)}.")
    say(f"Log it with: hearthside log {made.key}")


@practice_group.command(name="list")
@home_option
@click.option("--all", "everything", is_flag=True, help="Include practices put away.")
def list_command(everything: bool) -> None:
    """List your own practices, then the ones Hearthside keeps for everyone."""
    from hearthside.services import practice_book

    c = app_context()
    mine = practice_book.own_practices(c.store, archived=everything)
    if not mine:
        say('None of your own yet. Add one: hearthside practice add "Evening walk" -t "3 per week"')
    else:
        say("Your own:")
        width = max(len(own.key) for own in mine)
        for own in mine:
            away = f"  (put away {own.archived})" if own.archived else ""
            say(f"  {own.key:<{width}}  {describe(own)}{away}")
    given = [
        p for p in practice_book.practices(c.store, c.content) if p.id not in {o.key for o in mine}
    ]
    say("From Hearthside: " + ", ".join(f"{p.name} ({p.target.label})" for p in given))


@practice_group.command(name="edit")
@home_option
@click.argument("ref", metavar="PRACTICE")
@click.option("--name", help="A new name (its logs keep counting).")
@click.option("--target", "-t", metavar="HOW OFTEN", help=_TARGET_HELP)
@click.option("--minutes/--no-minutes", default=None, help="Ask for minutes, or stop asking.")
@click.option("--alias", "aliases", multiple=True, metavar="WORD", help="Replace its other names.")
@click.option("--why", help="A line on why it matters to you.")
def edit(
    ref: str,
    name: str | None,
    target: str | None,
    minutes: bool | None,
    aliases: tuple[str, ...],
    why: str | None,
) -> None:
    """Change one of your own practices: name, target, minutes, other names."""
    from hearthside.services import practice_book

    c = app_context()
    own = practice_book.find_own(c.store, ref)
    was = practice_book.draft_of(own)
    if name is None and target is None and minutes is None and not aliases and why is None:
        raise HearthsideError(
            "Say what to change: --name, --target, --minutes/--no-minutes, --alias or --why. "
            "Nothing was changed."
        )
    draft = practice_book.OwnDraft(
        was.name if name is None else name,
        was.target if target is None else target,
        was.minutes if minutes is None else minutes,
        aliases or was.aliases,
        was.why if why is None else why,
    )
    changed = practice_book.edit_own(c.store, c.content, own, draft)
    say(f"Changed: {describe(changed)}.")


@practice_group.command(name="archive")
@home_option
@click.argument("ref", metavar="PRACTICE")
@click.option("--undo", is_flag=True, help="Bring a practice back from being put away.")
def archive(ref: str, undo: bool) -> None:
    """Put one of your own practices away; its logs stay in your history."""
    from hearthside.services import practice_book

    c = app_context()
    own = practice_book.find_own(c.store, ref)
    if undo == (own.archived is None):
        state = "in use" if undo else "put away already"
        say(f"{own.name} is {state}; nothing changed.")
        return
    done = practice_book.archive_own(c.store, own, undo=undo, today=c.today())
    if undo:
        say(f"{done.name} is back on your dashboard.")
    else:
        say(f"Put {done.name} away. Its logs stay; bring it back with --undo.")


def describe(own: OwnPractice) -> str:
    """ "Evening walk, 3 per week, with minutes (walk, stroll)"."""
    minutes = ", with minutes" if own.minutes else ""
    aliases = f" ({', '.join(own.aliases)})" if own.aliases else ""
    return f"{own.name}, {own.target}{minutes}{aliases}"


COMMANDS: list[click.Command] = [practice_group]
