"""Commands for what lies ahead: commitments, milestones and the weekly check-in.

Services are imported inside each command, so ``hearthside log hug`` never pays
for loading them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from hearthside.cli import context as cli_context
from hearthside.cli.context import app_context, home_option, say
from hearthside.domain.printable import one_line
from hearthside.errors import HearthsideError

if TYPE_CHECKING:
    from hearthside.texts.items import Sign

DATE_HELP = "today, tomorrow, next friday, 2026-12-04…"


@click.command()
@home_option
@click.argument("title")
@click.option("--due", required=True, metavar="DATE", help=DATE_HELP)
@click.option("--every", metavar="REPEAT", help="weekly, every 2 weeks, monthly or an RRULE.")
@click.option("--change", "ref", metavar="ID", help="Change this promise to what is given.")
def commit(title: str, due: str, every: str | None, ref: str | None) -> None:
    """Promise something (date night, a chore, a plan) and keep track of it."""
    from hearthside.services.plans import add_commitment, edit_commitment

    c = app_context()
    if ref is not None:
        made = edit_commitment(c.store, ref, title, due=due, every=every, today=c.today())
    else:
        made = add_commitment(c.store, title, due=due, every=every, today=c.today())
    repeats = f", repeating {made.every}" if made.every else ""
    did = "Changed the promise to" if ref is not None else "Committed to"
    say(f"{did} {one_line(made.title)} ({made.short_id}), due {made.due}{repeats}.")


@click.command()
@home_option
@click.argument("ref", metavar="ID")
@click.option("--undo", is_flag=True, help="Take back the latest date marked done.")
def done(ref: str, undo: bool) -> None:
    """Mark a commitment done (its current or next date)."""
    from hearthside.services.plans import mark_done

    c = app_context()
    if undo:
        take_back(ref, done=True)
        return
    commitment, on = mark_done(c.store, ref, today=c.today())
    say(f"Marked {one_line(commitment.title)} done for {on.isoformat()}. Promise kept.")


def take_back(ref: str, *, done: bool) -> None:
    from hearthside.services.plans import unmark_latest

    commitment, on = unmark_latest(app_context().store, ref, done=done)
    say(f"Took back the mark on {one_line(commitment.title)} for {on.isoformat()}.")


@click.command()
@home_option
@click.argument("ref", metavar="ID")
@click.option("--undo", is_flag=True, help="Take back the latest date marked missed.")
def missed(ref: str, undo: bool) -> None:
    """Mark a commitment's current date as missed."""
    from hearthside.services.plans import mark_missed

    c = app_context()
    if undo:
        take_back(ref, done=False)
        return
    commitment, on = mark_missed(c.store, ref, today=c.today())
    say(
        f"Marked {one_line(commitment.title)} missed for {on.isoformat()}. "
        "If you can, tell them and offer a new time."
    )


@click.command()
@home_option
@click.argument("title")
@click.option("--date", "-d", "day", required=True, metavar="DATE", help=DATE_HELP)
@click.option(
    "--yearly/--once",
    default=None,
    help="Repeat every year or not (anniversaries and birthdays repeat unless --once).",
)
@click.option(
    "--kind",
    default="event",
    show_default=True,
    metavar="KIND",
    help="anniversary, birthday or event",
)
@click.option("--change", "ref", metavar="ID", help="Change this milestone to what is given.")
def milestone(title: str, day: str, yearly: bool | None, kind: str, ref: str | None) -> None:
    """Remember a day that matters: an anniversary, a birthday, their big event."""
    from hearthside.services.plans import add_milestone, edit_milestone

    c = app_context()
    if ref is not None:
        made = edit_milestone(
            c.store, c.content, ref, title, day=day, kind=kind, yearly=yearly, today=c.today()
        )
    else:
        made = add_milestone(
            c.store, c.content, title, day=day, kind=kind, yearly=yearly, today=c.today()
        )
    repeats = ", every year" if made.yearly else ""
    say(f"Saved {made.kind} {one_line(made.title)} ({made.short_id}) on {made.date}{repeats}.")


@click.command()
@home_option
@click.option(
    "--days", type=click.IntRange(0, 366), default=14, show_default=True, help="How far ahead."
)
def upcoming(days: int) -> None:
    """Commitments due or overdue, and milestones coming up."""
    from hearthside.services.plans import due_commitments, upcoming_milestones

    c = app_context()
    today = c.today()
    due = due_commitments(c.store, today=today, within=days)
    ahead = upcoming_milestones(c.store, c.content, today=today, days=days)
    if not due and not ahead:
        say(f"Nothing due and no milestones in the next {days} days.")
        return
    if due:
        say("Commitments")
        for item in due:
            when = "overdue" if item.overdue else "today" if item.on == today else "coming"
            say(
                f"  {item.on.isoformat()}  {item.commitment.short_id}  "
                f"{one_line(item.commitment.title, 50)}  ({when})"
            )
    if ahead:
        say("Milestones")
        for soon in ahead:
            away = {0: "today", 1: "tomorrow"}.get(soon.days_away, f"in {soon.days_away} days")
            years = f", {soon.years} years" if soon.years else ""
            say(
                f"  {soon.on.isoformat()}  {soon.milestone.short_id}  "
                f"{one_line(soon.milestone.title, 50)}  ({away}{years})"
            )
            if soon.suggestion:
                say(
                    textwrap.fill(
                        soon.suggestion,
                        78,
                        initial_indent=" " * 4,
                        subsequent_indent=" " * 4,
                    )
                )


@click.command()
@home_option
@click.option("--rate", "rates", multiple=True, metavar="SIGN=N", help="A sign rated 0 to 4.")
@click.option("--note", default="", help="A few words about the week.")
@click.option("--history", is_flag=True, help="The last eight weeks of each sign, side by side.")
def checkin(rates: tuple[str, ...], note: str, history: bool) -> None:
    """The weekly check-in: rate each sign of drift from 0 (not at all) to 4 (very much)."""
    from hearthside.services.checkins import compare, save_checkin, sign_history

    c = app_context()
    if history:
        if rates or note:
            raise HearthsideError("--history only shows; check in without it, then look back.")
        found = sign_history(
            c.store, c.content, today=c.today(), week_start=c.store.settings().week_start
        )
        say(found.heading)
        for row in found.signs if found.count else ():
            say(row.sign.label)
            say(f"    {row.line}")
        return
    ratings: dict[str, int] = {}
    if not rates and not note.strip():
        if not cli_context.stdin_is_interactive():
            signs = "; ".join(f"{i} {s.id} ({s.label})" for i, s in enumerate(c.content.signs, 1))
            raise HearthsideError(
                "Rate at least one sign, like --rate 2=3 or --rate thin-talk=3 (or run it in "
                f"a terminal to be asked). The signs: {signs}."
            )
        ratings, note = ask_checkin(c.content.signs)
    for pair in rates:
        sign, _, value = pair.partition("=")
        try:
            ratings[sign] = int(value)
        except ValueError:
            raise HearthsideError(
                f"{pair[:40]!r} isn't SIGN=N; write it like --rate thin-talk=2 (0 to 4)."
            ) from None
    saved = save_checkin(c.store, c.content, ratings, note=note, today=c.today())
    comparison = compare(c.store, c.content, today=c.today())
    before = comparison.previous
    say(f"Check-in for {saved.date}" + (f", beside {before.date}:" if before else ":"))
    width = max(len(r.sign.label) for r in comparison.ratings)
    for rating in comparison.ratings:
        now = "-" if rating.now is None else str(rating.now)
        then = (
            ""
            if before is None
            else "   was " + ("-" if rating.before is None else str(rating.before))
        )
        say(f"  {rating.sign.label:<{width}}  {now}{then}")
    if saved.note:
        say(f"Note: {one_line(saved.note, 70)}")


def ask_checkin(signs: Sequence[Sign]) -> tuple[dict[str, int], str]:
    """Each sign's question in turn, as the app asks them; Enter leaves one unrated."""
    say("How has the week felt? 0 not at all, 1 a little, 2 somewhat, 3 quite a bit,")
    say("4 very much. Enter skips a question.")
    ratings: dict[str, int] = {}
    for sign in signs:
        while True:
            answer = click.prompt(f"{sign.question} (0 to 4)", default="", show_default=False)
            if not answer.strip():
                break
            if answer.strip() in {"0", "1", "2", "3", "4"}:
                ratings[sign.id] = int(answer)
                break
            say("A number from 0 to 4, please, or Enter to skip this one.")
    note: str = click.prompt("A note about the week (optional)", default="", show_default=False)
    if not ratings and not note.strip():
        raise HearthsideError("Nothing was rated or written, so nothing was saved.")
    return ratings, note


COMMANDS: list[click.Command] = [commit, done, missed, milestone, upcoming, checkin]
