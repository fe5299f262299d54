"""Running the full-screen app from the command line, and how it ends."""

from __future__ import annotations

from typing import Any

import click

from hearthside.cli.context import say


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
