"""The love map from the command line: note what you learned about them, and read it back."""

from __future__ import annotations

from datetime import date

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.domain import date_words
from hearthside.domain.printable import one_line
from hearthside.errors import HearthsideError


@click.command()
@home_option
@click.argument("topic", required=False)
@click.argument("text", required=False)
@click.option("--date", "-d", "day", metavar="DATE", help="The day you learned it (today).")
@click.option("--confirm", "ref", metavar="ID", help="Mark something learned before still true.")
@click.option("--change", "changed", metavar="ID", help="Put something learned in new words.")
def learned(
    topic: str | None, text: str | None, day: str | None, ref: str | None, changed: str | None
) -> None:
    """Keep something you learned about them under a love-map topic."""
    from hearthside.services import lovemap

    c = app_context()
    if ref is not None and changed is not None:
        raise HearthsideError("Use one of --confirm and --change at a time. Nothing was saved.")
    if changed is not None:
        if topic is None or text is not None or day is not None:
            raise HearthsideError(
                'Give the id and the new words: hearthside learned --change ID "new words". '
                "Nothing was saved."
            )
        item = lovemap.change_text(c.store, changed, topic)
        say(f"Changed ({item.short_id}): {one_line(item.text)}")
        return
    if ref is not None:
        if topic is not None or day is not None:
            raise HearthsideError(
                "--confirm takes only the id: hearthside learned --confirm ID. Nothing was saved."
            )
        item = lovemap.confirm(c.store, ref, today=c.today())
        say(f"Still true: {one_line(item.text)} ({item.short_id}).")
        return
    if topic is None:
        raise HearthsideError(
            'Say which topic and what you learned: hearthside learned dreams "a cabin by '
            'the sea". `hearthside lovemap` lists the topics.'
        )
    found = c.content.lovemap_topic(topic)
    item = lovemap.learn(c.store, c.content, found.id, text or "", day=day, today=c.today())
    say(f"Kept under {found.title.lower()} ({item.short_id}): {one_line(item.text)}")


@click.command(name="lovemap")
@home_option
@click.argument("topic", required=False)
def love_map(topic: str | None) -> None:
    """What you know about them, topic by topic, and how fresh each topic is."""
    from hearthside.services import lovemap

    c = app_context()
    maps = lovemap.love_map(c.store, c.content, today=c.today(), only=topic)
    name = c.store.settings().spouse()
    say(f"What you know about {name}")
    for found in maps:
        say("")
        say(f"{found.topic.title} ({found.topic.id}) · {found.freshness}")
        for item in found.items:
            when = _dates(item.date, item.confirmed)
            say(f"  {item.short_id}  {one_line(item.text, 56)}  ({when})")
        if not found.items or topic is not None:
            say(f"  Listen for: {found.topic.listen}")
    if not any(found.items for found in maps):
        say("")
        say('Add what you learn: hearthside learned TOPIC "what you learned".')


def _dates(learned_on: str, confirmed: str | None) -> str:
    words = f"learned {date_words.day_month_year(date.fromisoformat(learned_on))}"
    if confirmed is not None:
        words += f", still true {date_words.day_month_year(date.fromisoformat(confirmed))}"
    return words


COMMANDS: list[click.Command] = [learned, love_map]
