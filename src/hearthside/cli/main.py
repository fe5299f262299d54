"""The ``hearthside`` command: quick capture and scripting, or the full-screen app.

Quick commands never import Textual, so ``hearthside log hug`` starts fast. Nor does
one command import another's module: each is imported when it is run (or listed by
``--help``), so ``hearthside list`` doesn't pay for the web server or the export formats.
"""

from __future__ import annotations

import gc
from importlib import import_module
from typing import Any

import click

from hearthside import __version__
from hearthside.cli.context import app_context, home_option, say
from hearthside.errors import HearthsideError


class UserError(click.ClickException):
    """A HearthsideError on its way out: a short message, exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        say(f"hearthside: {self.message}", err=True)


# Every command, by the section ``--help`` shows it under (so a person finds the one
# they need), with the module under hearthside.cli that defines it (in its COMMANDS).
SECTIONS: dict[str, dict[str, str]] = {
    "Write": {
        "add": "journal",
        "list": "journal",
        "show": "journal",
        "search": "journal",
        "star": "favourites",
        "delete": "journal",
    },
    "Practices": {
        "log": "progress",
        "moment": "progress",
        "practice": "own_practices",
        "bid": "bids",
        "question": "days",
        "ask": "decks",
        "stats": "progress",
        "pause": "progress",
        "pauses": "progress",
    },
    "Notes": {"note": "notes", "notes": "notes", "card": "exchange"},
    "Knowing them": {
        "learned": "lovemap",
        "lovemap": "lovemap",
        "evening": "knowing",
        "memories": "knowing",
        "weekly": "weekly",
    },
    "Plans": {
        "commit": "plans",
        "done": "plans",
        "missed": "plans",
        "milestone": "plans",
        "upcoming": "plans",
        "checkin": "plans",
        "review": "days",
        "nudge": "nudge",
        "guide": "guide",
    },
    "Exchange": {
        "export": "exchange",
        "import": "exchange",
        "share": "exchange",
        "serve": "serve",
    },
    "Care of the journal": {
        "settings": "settings",
        "doctor": "care",
        "restore": "care",
        "encrypt": "secure",
        "decrypt": "secure",
        "sync-setup": "sync",
    },
}
MODULES = {name: module for section in SECTIONS.values() for name, module in section.items()}


def loaded() -> None:
    """The command (or the app) is loaded: what loading made is set aside (frozen), never
    to be gone over by the collector again, and the collector is back on for the work.
    Only after entry.py turned it off: a test running commands in its process is left be."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class HearthsideGroup(click.Group):
    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        found = super().resolve_command(ctx, args)
        loaded()
        return found

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
        except HearthsideError as exc:
            raise UserError(str(exc)) from None
        context = ctx.find_root().ensure_object(dict).get("context")
        if context is not None:
            context.finished()
        return result

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, its module imported on first use; for a name that is none,
        every command is loaded, so click's "did you mean" knows them all."""
        module = MODULES.get(cmd_name)
        if module is None:
            self._load_all()
        elif cmd_name not in self.commands:
            self._load(module)
        return self.commands.get(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(MODULES)

    def _load(self, module: str) -> None:
        for command in import_module(f"hearthside.cli.{module}").COMMANDS:
            self.add_command(command)

    def _load_all(self) -> None:
        for module in dict.fromkeys(MODULES.values()):
            self._load(module)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._load_all()
        width = formatter.width - 6 - max(len(n) for n in MODULES)
        for title, names in SECTIONS.items():
            rows = [
                (n, c.get_short_help_str(width))
                for n in names
                if not (c := self.commands[n]).hidden
            ]
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
        from hearthside.cli.app import run_app
        from hearthside.tui.app import make_app

        # The app asks for an encrypted journal's passphrase itself, in a dialog.
        home = app_context().home
        app = make_app(home=home, theme=theme)
        loaded()
        run_app(app)


def main() -> None:
    try:
        cli(prog_name="hearthside")
    finally:
        # The process ends here. Its last garbage collections would go over every object
        # still alive, a tenth of a quick command's time, to free what the system frees
        # anyway: frozen, they are skipped. Files are closed as they are left, not by GC.
        gc.freeze()
