"""The weekly talk from the command line: read the agenda, mark it held, or print it."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.domain import date_words
from hearthside.domain.printable import one_line
from hearthside.errors import HearthsideError

if TYPE_CHECKING:
    from hearthside.services.weekly_talk import Agenda

# Repeated from the exporter so that reading the agenda doesn't import it.
AGENDA_FORMATS = ("md", "html")
WIDTH = 78


def _say_wrapped(text: str, indent: str = "  ") -> None:
    for paragraph in text.split("\n\n"):
        say(textwrap.fill(paragraph, WIDTH, initial_indent=indent, subsequent_indent=indent))


@click.command()
@home_option
@click.option("--held", is_flag=True, help="Mark this week's talk held (today, or --date).")
@click.option("--issue", metavar="TEXT", help="With --held: the one thing you talked through.")
@click.option(
    "--answer", metavar="TEXT", help="With --held: the closing answer; it becomes a promise."
)
@click.option("--date", "-d", "day", metavar="DATE", help="With --held: the day it was held.")
@click.option("--print", "fmt", type=click.Choice(AGENDA_FORMATS), help="Save the agenda to print.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="With --print: the file.")
@click.option("--force", is_flag=True, help="With --print: replace a file already there.")
def weekly(
    held: bool,
    issue: str | None,
    answer: str | None,
    day: str | None,
    fmt: str | None,
    output: Path | None,
    force: bool,
) -> None:
    """A weekly talk about the two of you: this week's agenda, in four parts."""
    if held and fmt is not None:
        raise HearthsideError("Use --held or --print, one at a time. Nothing was written.")
    loose = [n for n, v in (("--issue", issue), ("--answer", answer), ("--date", day)) if v]
    if loose and not held:
        raise HearthsideError(
            f"{' and '.join(loose)} go with --held: hearthside weekly --held --issue TEXT "
            "--answer TEXT. Nothing was written."
        )
    if (output is not None or force) and fmt is None:
        raise HearthsideError(
            "-o and --force go with --print: hearthside weekly --print html -o FILE. "
            "Nothing was written."
        )
    from hearthside.services import plans, weekly_talk

    c = app_context()
    if held:
        talk = weekly_talk.hold(
            c.store, c.content, issue=issue, answer=answer, day=day, today=c.today()
        )
        when = date_words.long_day(date.fromisoformat(talk.held or ""))
        say(f"Held on {when}: it counts as the week's real conversation.")
        if talk.issue:
            say(f"  Talked through: {one_line(talk.issue)}")
        if talk.promise:
            promise = plans.find_commitment(c.store, talk.promise)
            due = date_words.long_day(date.fromisoformat(promise.due))
            say(f"  Your promise, by {due}: {one_line(promise.title)} ({promise.short_id})")
        return
    if fmt is not None:
        from hearthside.services.exchange.exporting.weekly import export_agenda

        path = export_agenda(c.store, c.content, fmt, today=c.today(), output=output, force=force)
        say(f"Saved the agenda to {path}.")
        return
    _show(weekly_talk.agenda(c.store, c.content, today=c.today()))


def _show(found: Agenda) -> None:
    guide, talk = found.guide, found.talk
    say(f"{guide.title} · {found.week_words}")
    say(guide.length)
    for number, (part, items) in enumerate(found.filled, 1):
        say("")
        say(f"{number}. {part.title}")
        _say_wrapped(part.words)
        if part.id == "issue" and talk is not None and talk.issue:
            say(f"  To talk through: {one_line(talk.issue, 70)}")
        elif items:
            if part.id == "issue":
                say("  Things you might raise (choose one, or your own):")
            for item in items:
                when = date_words.short_day(item.day)
                say(f"  · {when} · {item.what}: {one_line(item.words, 50)}")
        else:
            _say_wrapped(part.empty)
        if part.id == "issue":
            say("  When you speak:")
            for line in guide.speaker:
                _say_wrapped(f"- {line}", "    ")
            say("  When you listen:")
            for line in guide.listener:
                _say_wrapped(f"- {line}", "    ")
    closing = guide.part("closing")
    say("")
    say(f"4. {closing.title}")
    _say_wrapped(closing.words)
    say(f"  {guide.closing_question}")
    if talk is not None and talk.answer:
        say(f"  Your answer: {one_line(talk.answer, 60)}")
    say("")
    if found.held_words:
        say(found.held_words)
    else:
        say('Once you have talked: hearthside weekly --held --issue "…" --answer "…"')
    say("To print it: hearthside weekly --print html")


COMMANDS: list[click.Command] = [weekly]
