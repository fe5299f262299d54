"""Commands for the journal itself: write an entry, list, search and show them."""

from __future__ import annotations

import click

from hearthside.cli import context
from hearthside.cli.context import app_context, home_option, read_text, say
from hearthside.domain.entry import Entry
from hearthside.domain.marks import with_marks
from hearthside.domain.printable import one_line
from hearthside.errors import HearthsideError


@click.command()
@home_option
@click.argument("text", required=False)
@click.option("--title", "-t", default="", help="A title for the entry.")
@click.option(
    "--date", "-d", "day", metavar="DATE", help="today, yesterday, 3 days ago, 2026-11-24…"
)
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="A tag (repeat for more).")
@click.option("--closeness", type=int, metavar="1-5", help="How close you felt today.")
@click.option("--private", is_flag=True, help="Leave this entry out of exports.")
@click.option(
    "--template",
    "template_ref",
    metavar="NAME",
    help="Start from a template's prompts (hard-moment, good-day…); TEXT goes under the first.",
)
def add(
    text: str | None,
    title: str,
    day: str | None,
    tags: tuple[str, ...],
    closeness: int | None,
    private: bool,
    template_ref: str | None,
) -> None:
    """Write a journal entry (TEXT, piped text, or your $EDITOR)."""
    from hearthside.services.journal import add_entry

    c = app_context()
    if template_ref is None:
        body = read_text(text)
    else:
        body, title = from_template(template_ref, text, title)
    entry = add_entry(
        c.store, body=body, title=title, day=day, tags=tags, closeness=closeness, private=private
    )
    echo_date = f" (read {day!r} as {entry.date})" if day and day.strip() != entry.date else ""
    say(f"Saved entry {entry.short_id} for {entry.date}{echo_date}.")


def from_template(ref: str, text: str | None, title: str) -> tuple[str, str]:
    """The body and title of an entry begun from a template: TEXT (or piped text) under
    its first prompt, or the template opened in $EDITOR; the template's title unless one
    is given."""
    from hearthside.texts.entry_templates import find_template

    template = find_template(app_context().content.entry_templates, ref)
    if text is None and context.stdin_is_interactive():
        body = read_text(None, initial=template.body)
    else:
        body = template.filled(read_text(text))
    if body.strip() == template.body.strip():
        # No words of theirs to keep: the editor's file goes, or it would be offered back.
        app_context().finished()
        raise HearthsideError(
            f"Nothing was written under the prompts of {template.name!r}, so nothing was "
            "saved. Pass the words as TEXT, or write them in the editor."
        )
    return body, title or template.title


@click.command(name="list")
@home_option
@click.option("-n", "limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--since", metavar="DATE")
@click.option("--until", metavar="DATE")
@click.option("--tag", "tags", multiple=True, metavar="TAG")
def list_command(limit: int, since: str | None, until: str | None, tags: tuple[str, ...]) -> None:
    """List journal entries, newest first."""
    from hearthside.domain.validation import clean_tags
    from hearthside.services.journal import EntryQuery, list_entries

    c = app_context()
    since_day = until_day = None
    if since or until:
        # Only a command given a date pays for reading one.
        from hearthside.domain.date_parsing import parse_date

        order = c.store.settings().date_order
        since_day = parse_date(since, date_order=order) if since else None
        until_day = parse_date(until, date_order=order) if until else None
    query = EntryQuery(tags=tuple(clean_tags(tags)), since=since_day, until=until_day)
    print_entries(list_entries(c.store, query, limit=limit))


@click.command()
@home_option
@click.argument("words", nargs=-1, required=True)
@click.option("-n", "limit", type=click.IntRange(min=1), default=50, show_default=True)
def search(words: tuple[str, ...], limit: int) -> None:
    """Find entries containing all WORDS (any case)."""
    from hearthside.services.journal import EntryQuery, list_entries

    c = app_context()
    found = list_entries(c.store, EntryQuery(words=tuple(" ".join(words).split())), limit=limit)
    print_entries(found)


def print_entries(entries: list[Entry]) -> None:
    if not entries:
        say("No entries match.")
        return
    for entry in entries:
        tags = " ".join(f"#{t}" for t in entry.tags)
        words = with_marks(one_line(entry.headline, 50), entry)
        say(f"{entry.date}  {entry.short_id}  {words}  {tags}".rstrip())


@click.command()
@home_option
@click.argument("ref", metavar="ID")
def show(ref: str) -> None:
    """Show one journal entry in full."""
    c = app_context()
    entry = c.store.get(Entry, ref)
    lines = [f"{entry.date}  {with_marks(entry.title or entry.headline, entry)}"]
    if entry.tags:
        lines.append("tags: " + " ".join(f"#{t}" for t in entry.tags))
    if entry.closeness:
        lines.append(f"closeness: {entry.closeness}/5")
    if entry.steps:
        titles = ", ".join(c.content.step_label(n) for n in entry.steps)
        lines.append(f"strategies: {titles}")
    if entry.deleted:
        lines.append("(in the trash)")
    lines.append(f"id: {entry.id}")
    lines += ["", entry.body]
    say("\n".join(lines))


@click.command()
@home_option
@click.argument("ref", metavar="ID")
@click.option("--undo", is_flag=True, help="Bring it back from the trash instead.")
def delete(ref: str, undo: bool) -> None:
    """Move an entry, note, promise, milestone, days away or love-map note to the trash
    (or back)."""
    from hearthside.services.trash import bring_back, move_to_trash

    c = app_context()
    if undo:
        record = bring_back(c.store, ref)
        say(f"Brought the {record.LABEL} {record.short_id} back from the trash.")
        return
    record = move_to_trash(c.store, ref)
    say(
        f"Moved the {record.LABEL} {record.short_id} to the trash. "
        f"`hearthside delete {record.short_id} --undo` brings it back."
    )


COMMANDS: list[click.Command] = [add, list_command, search, show, delete]
