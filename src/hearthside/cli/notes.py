"""Commands for notes to a spouse: write one (from a template or not), hand it over, list them."""

from __future__ import annotations

import click

from hearthside.cli import context as cli_context
from hearthside.cli.context import app_context, home_option, read_text, say
from hearthside.domain.marks import sender_words, with_marks
from hearthside.domain.printable import one_line
from hearthside.domain.records import NoteStatus
from hearthside.errors import HearthsideError


class NoteGroup(click.Group):
    """``note KIND [TEXT]`` writes a note; ``note deliver ID`` is the one subcommand."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands:
            args = ["write", *args]
        return super().resolve_command(ctx, args)


@click.group(cls=NoteGroup)
@home_option
def note() -> None:
    """Write a note: gratitude, compliment, apology, encouragement or need."""


@note.command(name="write", hidden=True)
@home_option
@click.argument("kind")
@click.argument("text", required=False)
@click.option("--template", type=int, metavar="N", help="Start from template N of this kind.")
@click.option("--occasion", default="")
@click.option("--private", is_flag=True)
@click.option(
    "--from", "sender", metavar="NAME", help="A note given to you: kept as received from NAME."
)
def note_write(
    kind: str,
    text: str | None,
    template: int | None,
    occasion: str,
    private: bool,
    sender: str | None,
) -> None:
    from hearthside.services.notes import (
        GAP,
        add_note,
        fill_template,
        gaps_phrase,
        gentle_hints,
        pick_template,
    )

    c = app_context()
    note_kind = c.content.note_kind(kind)
    if sender is not None:
        _receive(kind, text, occasion, sender, template=template)
        return
    if template is None or text is not None:
        body = read_text(text, kind="note")
    else:
        chosen = pick_template(note_kind, template)
        filled = fill_template(chosen.text, c.store.settings(), today=c.today())
        body = _fill_gaps(f"{note_kind.label} template {template}", filled)
    saved = add_note(
        c.store, c.content, kind=note_kind.id, text=body, occasion=occasion, private=private
    )
    say(f"Saved {note_kind.label.lower()} {saved.short_id} as a draft.")
    for hint in gentle_hints(note_kind, saved.text):
        say(f"  Hint: {hint}")
    if GAP.search(saved.text):
        say(f"  It still has {gaps_phrase(saved.text)}; `card` and `share` wait until it's done.")


def _receive(
    kind: str, text: str | None, occasion: str, sender: str, *, template: int | None
) -> None:
    from hearthside.services.notes import receive_note, sender_name

    if template is not None:
        raise HearthsideError(
            "--template is for notes you write; a note given to you takes its own words."
        )
    sender_name(sender)  # before the editor opens: a bad name shouldn't cost the words
    c = app_context()
    body = read_text(text, kind="note")
    kept = receive_note(
        c.store, c.content, sender=sender, kind=kind, text=body, occasion=occasion, today=c.today()
    )
    label = c.content.note_kind(kept.kind).label.lower()
    say(f"Kept {label} {kept.short_id}, received {sender_words(kept)}.")


def _fill_gaps(what: str, filled: str) -> str:
    """A template's words after the writer filled its ___ gaps in their editor.

    Gaps left after editing are pointed out, with the choice to edit again or keep
    them; without a terminal there is no editor, so a template with gaps is refused.
    """
    from hearthside.services.notes import GAP, gaps_phrase

    if not cli_context.stdin_is_interactive():
        if not GAP.search(filled):
            return filled
        raise HearthsideError(
            f"{what} has {gaps_phrase(filled)}. Nothing was saved. Run this in a terminal "
            "to fill them in your editor, or pass the whole note as TEXT."
        )
    body = read_text(None, initial=filled, kind="note")
    while GAP.search(body) and click.confirm(
        f"Your note still has {gaps_phrase(body)}. Open it in your editor again? "
        "(n saves it as it is)",
        default=True,
        err=True,
    ):
        body = read_text(None, initial=body, kind="note")
    return body


@note.command(name="deliver")
@home_option
@click.argument("ref", metavar="ID")
@click.option("--how", required=True, help="aloud, handwritten, text or hidden")
def note_deliver(ref: str, how: str) -> None:
    """Mark a note as handed over."""
    from hearthside.services.notes import deliver_note, delivered_words

    c = app_context()
    delivered = deliver_note(c.store, ref, how)
    say(f"{delivered.short_id}: {delivered_words(c.content, delivered)}")


@click.command(name="notes")
@home_option
@click.option("--kind", metavar="KIND", help="Only this kind (gratitude, compliment, …).")
@click.option("--undelivered", is_flag=True, help="Only notes not handed over yet.")
def notes_command(kind: str | None, undelivered: bool) -> None:
    """List your notes, newest first."""
    from hearthside.services.notes import list_notes, status_words

    c = app_context()
    kind_id = c.content.note_kind(kind).id if kind else None
    found = list_notes(c.store, kind=kind_id, undelivered=undelivered)
    if not found:
        say("No notes match." if kind or undelivered else "No notes yet.")
        return
    for n in found:
        # The words first; how it went comes after them, only when there is something to say.
        status = (
            "" if n.status is NoteStatus.DRAFTED and not n.shared_at else f"  ({status_words(n)})"
        )
        say(f"{n.date}  {n.short_id}  {n.kind:<13} {with_marks(one_line(n.text, 50), n)}{status}")


COMMANDS: list[click.Command] = [note, notes_command]
