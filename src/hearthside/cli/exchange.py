"""Commands that take words out of Hearthside or bring them in: export, import, share, card.

The services are imported inside each command, so other quick commands never pay
for them. The format and kind names are repeated here for the same reason; a test
keeps them equal to the services' own.
"""

from __future__ import annotations

from pathlib import Path

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.domain.wording import plural

EXPORT_FORMATS = ("md", "txt", "json", "html", "ics")
EXPORT_KINDS = ("entries", "notes", "all")
CARD_FORMATS = ("txt", "md", "html")
DRY_RUN_SHOWN = 50

_OUTPUT = click.Path(dir_okay=True, path_type=Path)


@click.command(name="export")
@home_option
@click.option(
    "--format", "-f", "fmt", type=click.Choice(EXPORT_FORMATS), default="md", show_default=True
)
@click.option("--since", metavar="DATE", help="From this day or span: 2026-11-01, 2026-11, …")
@click.option("--until", metavar="DATE", help="Up to this day or span (its last day).")
@click.option("--tag", metavar="TAG", help="Only entries with this tag.")
@click.option(
    "--kind",
    type=click.Choice(EXPORT_KINDS),
    default="all",
    show_default=True,
    help="What to take.",
)
@click.option("--step", type=int, metavar="N", help="Only what is linked to strategy N.")
@click.option("--include-private", is_flag=True, help="Include entries and notes marked private.")
@click.option("--split", is_flag=True, help="Markdown only: one file per entry, into a folder.")
@click.option("-o", "--output", type=_OUTPUT, help="File (or folder) to write; default exports/.")
@click.option("--force", is_flag=True, help="Replace a file that is already there.")
def export_command(
    fmt: str,
    since: str | None,
    until: str | None,
    tag: str | None,
    kind: str,
    step: int | None,
    include_private: bool,
    split: bool,
    output: Path | None,
    force: bool,
) -> None:
    """Export entries and notes (md, txt, json, html) or milestones and commitments (ics)."""
    from hearthside.services.exchange.exporting.exporter import export
    from hearthside.services.exchange.exporting.selection import Selection
    from hearthside.store.encryption.keys import is_encrypted

    c = app_context()
    selection = Selection.from_text(
        since=since,
        until=until,
        tag=tag,
        kind=kind,
        step=step,
        include_private=include_private,
        settings=c.store.settings(),
        today=c.today(),
    )
    content = None if fmt == "ics" else c.content
    result = export(
        c.store, content, fmt, selection, output=output, split=split, force=force, today=c.today()
    )
    say(result.summary())
    if is_encrypted(c.home):
        say("It is a plain file, not encrypted like your journal: keep it somewhere private.")
    if result.private_left_out:
        say(
            f"Left out {plural('private record', result.private_left_out)}; "
            "add --include-private to include them."
        )


@click.command(name="import")
@home_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be added; write nothing.")
def import_command(file: Path, dry_run: bool) -> None:
    """Bring in a Hearthside export or sharing bundle, or a jrnl JSON export."""
    from hearthside.domain.printable import one_line
    from hearthside.services.exchange.importing.importer import import_file, preview

    c = app_context()
    report = import_file(c.store, file, content=c.content, dry_run=dry_run)
    say(report.summary())
    if dry_run:
        for record in report.added[:DRY_RUN_SHOWN]:
            day, words = preview(record)
            say(f"  {day:<10}  {record.LABEL:<12} {one_line(words, 50)}".rstrip())
        if len(report.added) > DRY_RUN_SHOWN:
            say(f"  … and {len(report.added) - DRY_RUN_SHOWN} more.")


@click.command(name="share")
@home_option
@click.argument("refs", metavar="NOTE_ID...", nargs=-1, required=True)
@click.option(
    "--from",
    "sender",
    metavar="NAME",
    help="Your name, shown on the page (default: yours from `hearthside settings`).",
)
@click.option(
    "-o", "--output", type=_OUTPUT, help="Folder to write; default a new one in exports/."
)
@click.option("--include-private", is_flag=True, help="Allow notes marked private.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace files already in the folder, and share notes with ___ gaps left as they are.",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Share notes shared before again, writing over the folder they went to.",
)
def share_command(
    refs: tuple[str, ...],
    sender: str | None,
    output: Path | None,
    include_private: bool,
    force: bool,
    replace: bool,
) -> None:
    """Write notes for your spouse: a page to read, and JSON their Hearthside can import."""
    from hearthside.services.exchange.sharing import share_notes

    result = share_notes(
        app_context().store,
        refs,
        sender=sender,
        output=output,
        include_private=include_private,
        force=force,
        replace=replace,
        allow_gaps=force,
    )
    again = " again, replacing the earlier share" if result.replaced else ""
    say(f"Shared {plural('note', len(result.notes))}{again} in {result.folder}.")
    say(f"  To read or print: {result.page}")
    say(f"  For their Hearthside: {result.data} (hearthside import {result.data.name})")


@click.command(name="card")
@home_option
@click.argument("ref", metavar="NOTE_ID")
@click.option(
    "--format", "-f", "fmt", type=click.Choice(CARD_FORMATS), default="html", show_default=True
)
@click.option("-o", "--output", type=_OUTPUT, help="File to write; default exports/.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace a card that is already there, and make one with ___ gaps left as they are.",
)
@click.option("--include-private", is_flag=True, help="Allow a note marked private.")
@click.option(
    "--from",
    "sender",
    metavar="NAME",
    help="Sign it with this name (default: yours from `hearthside settings`).",
)
def card_command(
    ref: str, fmt: str, output: Path | None, force: bool, include_private: bool, sender: str | None
) -> None:
    """Save one note as a card to hand over: text, Markdown, or a printable page."""
    from hearthside.services.exchange.exporting.cards import export_card

    c = app_context()
    path = export_card(
        c.store,
        c.content,
        ref,
        fmt,
        output=output,
        force=force,
        allow_gaps=force,
        include_private=include_private,
        sender=sender,
    )
    say(f"Saved the card to {path}.")


COMMANDS: list[click.Command] = [export_command, import_command, share_command, card_command]
