"""The ``hearthside`` command: quick capture and scripting, or the full-screen app.

Quick commands never import Textual, so ``hearthside log hug`` starts fast.
"""

from __future__ import annotations

from typing import Any

import click

from hearthside import __version__
from hearthside.cli import bids as cli_bids
from hearthside.cli import care as cli_care
from hearthside.cli import days as cli_days
from hearthside.cli import decks as cli_decks
from hearthside.cli import exchange as cli_sharing
from hearthside.cli import favourites as cli_favourites
from hearthside.cli import guide as cli_guide
from hearthside.cli import journal as cli_journal
from hearthside.cli import knowing as cli_knowing
from hearthside.cli import lovemap as cli_lovemap
from hearthside.cli import notes as cli_notes
from hearthside.cli import nudge as cli_nudge
from hearthside.cli import own_practices as cli_own_practices
from hearthside.cli import plans as cli_plans
from hearthside.cli import progress as cli_progress
from hearthside.cli import secure as cli_secure
from hearthside.cli import serve as cli_serve
from hearthside.cli import settings as cli_settings
from hearthside.cli import sync as cli_sync
from hearthside.cli import weekly as cli_weekly
from hearthside.cli.app import run_app
from hearthside.cli.context import app_context, home_option, say
from hearthside.errors import HearthsideError


class UserError(click.ClickException):
    """A HearthsideError on its way out: a short message, exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        say(f"hearthside: {self.message}", err=True)


# How ``--help`` groups the commands, so a person finds the one they need; a command
# missing here still shows, under "Other".
HELP_SECTIONS = {
    "Write": ("add", "list", "show", "search", "star", "delete"),
    "Practices": (
        "log",
        "moment",
        "practice",
        "bid",
        "question",
        "ask",
        "stats",
        "pause",
        "pauses",
    ),
    "Notes": ("note", "notes", "card"),
    "Knowing them": ("learned", "lovemap", "evening", "memories", "weekly"),
    "Plans": (
        "commit",
        "done",
        "missed",
        "milestone",
        "upcoming",
        "checkin",
        "review",
        "nudge",
        "guide",
    ),
    "Exchange": ("export", "import", "share", "serve"),
    "Care of the journal": (
        "settings",
        "doctor",
        "restore",
        "encrypt",
        "decrypt",
        "sync-setup",
    ),
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
        from hearthside.tui.app import make_app

        # The app asks for an encrypted journal's passphrase itself, in a dialog.
        home = app_context().home
        run_app(make_app(home=home, theme=theme))


for _module in (
    cli_journal,
    cli_favourites,
    cli_progress,
    cli_own_practices,
    cli_bids,
    cli_days,
    cli_decks,
    cli_notes,
    cli_nudge,
    cli_lovemap,
    cli_knowing,
    cli_weekly,
    cli_plans,
    cli_guide,
    cli_sharing,
    cli_serve,
    cli_care,
    cli_settings,
    cli_secure,
    cli_sync,
):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    cli(prog_name="hearthside")
