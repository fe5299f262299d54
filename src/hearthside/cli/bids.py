"""Noting a bid for connection from the command line: theirs (the default) or yours,
and how it was met."""

from __future__ import annotations

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.domain.printable import one_line
from hearthside.domain.records import BidResponse, BidWhose


@click.command()
@home_option
@click.argument(
    "how", metavar="toward|away|against", type=click.Choice([r.value for r in BidResponse])
)
@click.argument("text", required=False, default="")
@click.option("--mine", is_flag=True, help="A bid you made, and how they met it.")
@click.option("--date", "-d", "day", metavar="DATE", help="The day it happened (today).")
def bid(how: str, text: str, mine: bool, day: str | None) -> None:
    """Note a bid for connection (theirs, or --mine) and how it was met."""
    from hearthside.services.bids import add_bid, bid_words

    c = app_context()
    whose = BidWhose.MINE if mine else BidWhose.THEIRS
    record = add_bid(c.store, BidResponse(how), whose=whose, text=text, day=day, today=c.today())
    about = f": {one_line(record.text, 60)}" if record.text else ""
    say(f"Noted {bid_words(record, f' on {record.date}')}{about}.")


COMMANDS: list[click.Command] = [bid]
