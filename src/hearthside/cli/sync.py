"""``hearthside sync-setup``: the journal folder made ready for a sync tool."""

from __future__ import annotations

import click

from hearthside.cli.context import app_context, home_option, say


@click.command(name="sync-setup")
@home_option
def sync_setup() -> None:
    """Keep this computer's own files out of Syncthing (and list them for other tools)."""
    from hearthside.paths import ensure_private_dir
    from hearthside.services.sync_setup import (
        STIGNORE,
        per_computer,
        syncthing_above,
        write_stignore,
    )

    home = ensure_private_dir(app_context().home)
    path = home / STIGNORE
    if write_stignore(home):
        say(f"Wrote Syncthing's list of files to leave alone in {path}.")
    else:
        say(f"{path} already lists the files to leave alone. Nothing was changed.")
    say(
        "Syncthing never passes .stignore on: run `hearthside sync-setup` on the other "
        "computer too."
    )
    above = syncthing_above(home)
    if above is not None:
        say(
            f"Syncthing shares {above}, a folder above the journal, and reads only that "
            "folder's .stignore. Share the journal folder itself instead, so this list applies."
        )
    say("")
    say("With another sync tool (Nextcloud, Dropbox…), leave these out of the journal folder:")
    rows = per_computer(home)
    width = max(len(pattern) for pattern, _why in rows)
    for pattern, why in rows:
        say(f"  {pattern.lstrip('/'):<{width}}  {why}")


COMMANDS: list[click.Command] = [sync_setup]
