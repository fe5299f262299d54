"""The ``hearthside`` command: quick capture and scripting, or the full-screen app.

Quick commands never import Textual, so ``hearthside log hug`` starts fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from hearthside import __version__
from hearthside.cli import context as cli_context
from hearthside.cli import exchange as cli_sharing
from hearthside.cli import plans as cli_plans
from hearthside.cli import progress as cli_progress
from hearthside.cli import secure as cli_secure
from hearthside.cli import serve as cli_serve
from hearthside.cli.context import (
    app_context,
    confirm,
    home_option,
    read_text,
    say,
)
from hearthside.domain import date_parsing
from hearthside.domain.printable import one_line
from hearthside.errors import HearthsideError


class UserError(click.ClickException):
    """A HearthsideError on its way out: a short message, exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        say(f"hearthside: {self.message}", err=True)


# How ``--help`` groups the commands, so a person finds the one they need; a command
# missing here still shows, under "Other".
HELP_SECTIONS = {
    "Write": ("add", "list", "show", "search"),
    "Practices": ("log", "moment", "stats", "pause", "pauses"),
    "Notes": ("note", "notes", "card"),
    "Plans": ("commit", "done", "missed", "milestone", "upcoming", "checkin", "guide"),
    "Exchange": ("export", "import", "share", "serve"),
    "Care of the journal": ("doctor", "restore", "encrypt", "decrypt"),
}


class HearthsideGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
        except HearthsideError as exc:
            raise UserError(str(exc)) from None
        context = ctx.find_root().ensure_object(dict).get("context")
        if context is not None:
            context.finished()
        return result

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        named: set[str] = set()
        sections = []
        for title, names in HELP_SECTIONS.items():
            found = [(n, self.commands[n]) for n in names if n in self.commands]
            named.update(names)
            sections.append((title, found))
        sections.append(("Other", [(n, c) for n, c in self.commands.items() if n not in named]))
        width = formatter.width - 6 - max(len(n) for n in self.commands)
        for title, found in sections:
            rows = [(n, c.get_short_help_str(width)) for n, c in found if not c.hidden]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


@click.group(
    cls=HearthsideGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", prog_name="hearthside")
@home_option
@click.option("--theme", metavar="NAME", help="Open the app with this theme.")
@click.pass_context
def cli(ctx: click.Context, theme: str | None) -> None:
    """Hearthside: small daily steps back toward each other.

    Run with no command to open the full-screen app.
    """
    if ctx.invoked_subcommand is None:
        # Textual is imported only here, so the quick commands never pay for it.
        from hearthside.store.encryption import sealing as crypto
        from hearthside.tui.app import make_app

        home = app_context().home
        # The app asks for an encrypted journal's passphrase itself, in a dialog.
        crypto.ask_with(None)
        run_app(make_app(home=home, theme=theme))


# -- journal -------------------------------------------------------------------


@cli.command()
@home_option
@click.argument("text", required=False)
@click.option("--title", "-t", default="", help="A title for the entry.")
@click.option(
    "--date", "-d", "day", metavar="DATE", help="today, yesterday, 3 days ago, 2026-11-24…"
)
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="A tag (repeat for more).")
@click.option("--closeness", type=int, metavar="1-5", help="How close you felt today.")
@click.option("--private", is_flag=True, help="Leave this entry out of exports.")
def add(
    text: str | None,
    title: str,
    day: str | None,
    tags: tuple[str, ...],
    closeness: int | None,
    private: bool,
) -> None:
    """Write a journal entry (TEXT, piped text, or your $EDITOR)."""
    from hearthside.services.journal import add_entry

    c = app_context()
    body = read_text(text)
    entry = add_entry(
        c.store, body=body, title=title, day=day, tags=tags, closeness=closeness, private=private
    )
    echo_date = f" (read {day!r} as {entry.date})" if day and day.strip() != entry.date else ""
    say(f"Saved entry {entry.short_id} for {entry.date}{echo_date}.")


@cli.command(name="list")
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
    order = c.store.settings().date_order
    query = EntryQuery(
        tags=tuple(clean_tags(tags)),
        since=date_parsing.parse_date(since, date_order=order) if since else None,
        until=date_parsing.parse_date(until, date_order=order) if until else None,
    )
    print_entries(list_entries(c.store, query, limit=limit))


@cli.command()
@home_option
@click.argument("words", nargs=-1, required=True)
@click.option("-n", "limit", type=click.IntRange(min=1), default=50, show_default=True)
def search(words: tuple[str, ...], limit: int) -> None:
    """Find entries containing all WORDS (any case)."""
    from hearthside.services.journal import EntryQuery, list_entries

    c = app_context()
    found = list_entries(c.store, EntryQuery(words=tuple(" ".join(words).split())), limit=limit)
    print_entries(found)


def print_entries(entries: list[Any]) -> None:
    if not entries:
        say("No entries match.")
        return
    for entry in entries:
        tags = " ".join(f"#{t}" for t in entry.tags)
        say(f"{entry.date}  {entry.short_id}  {one_line(entry.headline, 50)}  {tags}".rstrip())


@cli.command()
@home_option
@click.argument("ref", metavar="ID")
def show(ref: str) -> None:
    """Show one journal entry in full."""
    from hearthside.domain.records import Entry

    c = app_context()
    entry = c.store.get(Entry, ref)
    lines = [f"{entry.date}  {entry.title or entry.headline}"]
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


# -- practices and moments -----------------------------------------------------


@cli.command()
@home_option
@click.argument("practice")
@click.option("--minutes", "-m", type=int, help="How long, for quality time.")
@click.option("--date", "-d", "day", metavar="DATE")
@click.option("--note", default="", help="A few words about it.")
def log(practice: str, minutes: int | None, day: str | None, note: str) -> None:
    """Record a practice: affection (hug, kiss), compliments, quality time, …"""
    from hearthside.services.practices import log_practice

    c = app_context()
    entry = log_practice(c.store, c.content, practice, minutes=minutes, day=day, note=note)
    name = c.content.practice(entry.practice).name
    extra = f", {entry.minutes} min" if entry.minutes else ""
    say(f"Logged {name.lower()} for {entry.date}{extra}.")


@cli.command()
@home_option
@click.argument("sign", type=click.Choice(["+", "-"]))
@click.argument("text", required=False, default="")
@click.option("--date", "-d", "day", metavar="DATE")
def moment(sign: str, text: str, day: str | None) -> None:
    """Record a positive (+) or negative (-) moment between you."""
    from hearthside.services.practices import add_moment

    c = app_context()
    record = add_moment(c.store, sign == "+", text, day=day)
    if record.positive:
        say(f"Noted a good moment on {record.date}.")
    else:
        say(
            f"Noted a hard moment on {record.date}. Hard moments happen; "
            "a warm word later helps more than a perfect day."
        )


@cli.command()
@home_option
@click.option("--week", "day", metavar="DATE", help="Any day in the week to show, or 'last week'.")
def stats(day: str | None) -> None:
    """This week's practices against their targets: the dashboard's numbers, as text."""
    import textwrap

    from hearthside.services.stats import dashboard_view, load_index

    c = app_context()
    settings = c.store.settings()
    today = c.today()
    # A span's last day, so "last week" and "until nov 10" both land where meant.
    when = (
        date_parsing.parse_span(
            day, today=today, date_order=settings.date_order, week_start=settings.week_start
        )[1]
        if day
        else today
    )
    view = dashboard_view(
        load_index(c.store, c.content),
        c.content,
        when,
        today=today,
        week_start=settings.week_start,
    )
    say(f"Week of {view.start.isoformat()} to {view.end.isoformat()}")
    width = max(len(p.practice.name) for p in view.practices)
    for p in view.practices:
        mark = "✓" if p.met else "·"
        target = f"target: {p.practice.target.label}"
        say(
            f"  {mark} {p.practice.name:<{width}}  {p.label:<10} {target:<21} "
            f"strength {p.strength:>3}  {p.streak_label}".rstrip()
        )
    if view.paused_days:
        say(f"  Paused this week: {view.paused_days} of 7 days; streaks and strength wait for you.")
    if view.minutes:
        m = view.minutes
        say(f"  Time together: {m.total} min (floor {m.floor}, aim {m.aim}): {m.verdict}")
    if view.closeness[-1] is not None:
        say(f"  Closeness in your entries: {view.closeness[-1]:.1f} of 5")
    if view.checkins[-1] is not None:
        say(f"  Check-in: signs of drift at {view.checkins[-1]:.1f} of 4 (lower is calmer)")
    r = view.ratio
    if r.positive + r.negative == 0:
        verdict = "nothing noted yet"
    else:
        verdict = "on track" if r.met else "a few more kind moments would help"
    say(
        f"  Good to hard moments: {r.positive} to {r.negative} ({r.label}; aim {r.aim}:1) {verdict}"
    )
    if r.repair:
        say(textwrap.fill(r.repair.hint, width=88, initial_indent="  ", subsequent_indent="  "))
        for step in r.repair.steps:
            say(f"    {step.number}. {step.title}  (hearthside guide {step.number})")


# -- notes ---------------------------------------------------------------------


class NoteGroup(click.Group):
    """``note KIND [TEXT]`` writes a note; ``note deliver ID`` is the one subcommand."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands:
            args = ["write", *args]
        return super().resolve_command(ctx, args)


@cli.group(cls=NoteGroup)
@home_option
def note() -> None:
    """Write a note: gratitude, compliment, apology or encouragement."""


@note.command(name="write", hidden=True)
@home_option
@click.argument("kind")
@click.argument("text", required=False)
@click.option("--template", type=int, metavar="N", help="Start from template N of this kind.")
@click.option("--occasion", default="")
@click.option("--private", is_flag=True)
def note_write(
    kind: str, text: str | None, template: int | None, occasion: str, private: bool
) -> None:
    from hearthside.services.notes import GAP, add_note, fill_template, gaps_phrase, gentle_hints

    c = app_context()
    note_kind = c.content.note_kind(kind)
    if template is None or text is not None:
        body = read_text(text, kind="note")
    else:
        if not 1 <= template <= len(note_kind.templates):
            raise HearthsideError(
                f"{note_kind.label} has templates 1 to {len(note_kind.templates)}; "
                f"{template} isn't one of them."
            )
        filled = fill_template(note_kind.templates[template - 1].text, c.store.settings())
        body = _fill_gaps(f"{note_kind.label} template {template}", filled)
    saved = add_note(
        c.store, c.content, kind=note_kind.id, text=body, occasion=occasion, private=private
    )
    say(f"Saved {note_kind.label.lower()} {saved.short_id} as a draft.")
    for hint in gentle_hints(note_kind, saved.text):
        say(f"  Hint: {hint}")
    if GAP.search(saved.text):
        say(f"  It still has {gaps_phrase(saved.text)}; `card` and `share` wait until it's done.")


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


@cli.command(name="notes")
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
        status = "" if n.status == "drafted" and not n.shared_at else f"  ({status_words(n)})"
        say(f"{n.date}  {n.short_id}  {n.kind:<13} {one_line(n.text, 50)}{status}")


# -- guide ---------------------------------------------------------------------


@cli.command()
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


# -- care ----------------------------------------------------------------------


@cli.command()
@home_option
def doctor() -> None:
    """Check the journal, its lock, backups and content."""
    from hearthside.services.doctor import run_checks

    c = app_context()
    ok = True
    for good, message in run_checks(c.home):
        ok = ok and good
        say(f"{'ok ' if good else '!! '} {message}")
    if not ok:
        raise click.exceptions.Exit(1)


@cli.command()
@home_option
@click.argument("backup", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Don't ask before replacing files (for scripts).")
def restore(backup: Path | None, yes: bool) -> None:
    """Mend damaged or missing journal files from the newest whole backup (or BACKUP)."""
    from hearthside.store.restore import carry_out, plan_restore

    plan = plan_restore(app_context().home, backup)
    if not plan.mends:
        say("Every journal file reads whole: there is nothing to restore. Nothing was changed.")
        return
    for line in plan.describe():
        say(line)
    refusal = (
        "restore replaces journal files, so it asks first: run it in a terminal, or add "
        "--yes to go ahead. Nothing was changed."
    )
    if not yes and not confirm("Go ahead?", without_terminal=refusal):
        say("Nothing was changed.")
        return
    kept = carry_out(plan)
    mended = sum(m.copy is not None for m in plan.mends)
    if mended and plan.backup is not None:
        say(f"Mended {mended} journal file(s) from the backup of {plan.backup.name}.")
    if kept:
        say(f"What was there before is kept in {kept}.")


for _module in (cli_plans, cli_progress, cli_secure, cli_serve, cli_sharing):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def run_app(app: Any) -> None:
    """Run the full-screen app; a crash or a signal ends with a non-zero status."""
    app.run()
    for line in app.kept_on_quit:
        say(line)
    if app.crashed:
        from hearthside.services.crash_reports import CRASHED, report_line

        # Not wrapped, so the report's path can be copied whole.
        say(f"{CRASHED}\n{report_line(app.crash_report)}", err=True)
    if app.return_code:
        raise click.exceptions.Exit(app.return_code)


def main() -> None:
    cli(prog_name="hearthside")
