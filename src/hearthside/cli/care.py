"""Care of the journal: ``doctor`` checks it, ``restore`` mends it from a backup.

Turning encryption on and off, the rest of the care, is in ``secure``.
"""

from __future__ import annotations

from pathlib import Path

import click

from hearthside.cli.context import app_context, confirm, home_option, say


@click.command()
@home_option
def doctor() -> None:
    """Check the journal, its lock, backups and content."""
    from hearthside.services.doctor import run_checks

    c = app_context()
    ok = True
    for good, message in run_checks(c.home, c.keys):
        ok = ok and good
        say(f"{'ok ' if good else '!! '} {message}")
    if not ok:
        raise click.exceptions.Exit(1)


@click.command()
@home_option
@click.argument("backup", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Don't ask before replacing files (for scripts).")
def restore(backup: Path | None, yes: bool) -> None:
    """Mend damaged or missing journal files from the newest whole backup (or BACKUP)."""
    from hearthside.store.restore import carry_out, plan_restore

    c = app_context()
    plan = plan_restore(c.home, c.keys, backup)
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
    kept = carry_out(plan, c.keys)
    mended = sum(m.copy is not None for m in plan.mends)
    if mended and plan.backup is not None:
        say(f"Mended {mended} journal file(s) from the backup of {plan.backup.name}.")
    if kept:
        say(f"What was there before is kept in {kept}.")


COMMANDS: list[click.Command] = [doctor, restore]
