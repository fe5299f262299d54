"""``hearthside serve``: the same full-screen app, in a web browser on this computer.

textual-serve runs one ``hearthside`` process per browser tab and shows its screen
in the page. The server lives in tui/serve.py and is imported only when the
command runs, so the quick commands never pay for it.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.errors import HearthsideError
from hearthside.store.encryption.keys import PASSPHRASE_ENV

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """True for addresses only this computer can reach (127.x.x.x, ::1, localhost)."""
    import ipaddress

    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may well resolve to an outside address


def app_command(home: Path) -> str:
    """The shell command textual-serve runs for each browser session."""
    return shlex.join([sys.executable, "-m", "hearthside", "--home", str(home.absolute())])


@click.command()
@home_option
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="The port to listen on.",
)
@click.option(
    "--host",
    default=DEFAULT_HOST,
    show_default=True,
    metavar="HOST",
    help="The address to listen on. Only loopback addresses keep it to this computer.",
)
@click.option("--verbose", is_flag=True, help="Also show each request the browser makes.")
def serve(port: int, host: str, verbose: bool) -> None:
    """Open Hearthside in a web browser on this computer.

    Open the address it prints: it carries a token, new each time, and nothing
    without it gets in, not even another web page open in the same browser.
    Listens only on this computer (127.0.0.1) unless --host says otherwise: then
    anyone on the network who sees that address (it travels unencrypted) can
    open your journal. Each browser tab runs its own Hearthside on the same
    journal, so keep to one tab at a time. Stop with ctrl+c.
    """
    ctx = click.get_current_context()
    explicit = ctx.get_parameter_source("host") is click.core.ParameterSource.COMMANDLINE
    loopback = is_loopback(host)
    if not loopback and not explicit:
        # Only a --host typed on the command line may open the journal to the network.
        raise HearthsideError(
            f"Not listening on {host}: that is reachable from other computers. "
            "Pass --host explicitly if that is really what you want."
        )

    from hearthside.tui.serve import run_server

    home = app_context().home

    def announce(address: str) -> None:
        # Called once the address is bound, so it never claims a port it didn't get.
        say(f"Hearthside is open at {address}  (journal: {home})")
        if loopback:
            say(f"Listening only on this computer ({host}); other computers can't reach it.")
        else:
            say(
                f"Listening on {host}: anyone who can reach port {port} and sees this "
                "address, token and all, can open your journal. It travels unencrypted."
            )
        say("Press ctrl+c to stop.")

    # Each browser tab runs the app in a child process that inherits this environment:
    # a passphrase left in it would open an encrypted journal without asking anyone.
    os.environ.pop(PASSPHRASE_ENV, None)
    try:
        run_server(app_command(home), host=host, port=port, announce=announce, verbose=verbose)
    except OSError as exc:
        raise HearthsideError(
            f"Couldn't listen on {host} port {port} ({exc.strerror or exc}). "
            "Is another server using it? Choose another with --port."
        ) from None


COMMANDS: list[click.Command] = [serve]
