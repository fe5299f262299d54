"""``hearthside settings``: see the settings, or change them, as the app's Settings does."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from hearthside.cli.context import app_context, home_option, say
from hearthside.domain.dates import WEEKDAYS

if TYPE_CHECKING:
    from pathlib import Path

    from hearthside.domain.settings import Settings


@click.command(name="settings")
@home_option
@click.option("--spouse", metavar="NAME", help="Your spouse's name, shown on your screens.")
@click.option("--me", metavar="NAME", help="Your own name, signing your cards and shares.")
@click.option("--week-start", metavar="DAY", help="The first day of your week: monday…sunday.")
@click.option("--date-order", metavar="DMY|MDY|YMD", help="How you write dates like 03/04.")
@click.option(
    "--six-hours/--no-six-hours",
    default=None,
    help="Track the week's six hours: partings, reunions, thanks, touch, a date, a talk.",
)
def settings_command(
    spouse: str | None,
    me: str | None,
    week_start: str | None,
    date_order: str | None,
    six_hours: bool | None,
) -> None:
    """Show your settings, or change them (an empty NAME clears it)."""
    from hearthside.services.settings import Changes, change_settings

    c = app_context()
    asked = Changes()
    if spouse is not None:
        asked["spouse_name"] = spouse
    if me is not None:
        asked["my_name"] = me
    if week_start is not None:
        asked["week_start"] = week_start
    if date_order is not None:
        asked["date_order"] = date_order
    if six_hours is not None:
        asked["six_hours"] = six_hours
    if asked:
        shown = change_settings(c.store, **asked)
        say("Saved your settings:")
    else:
        shown = c.store.settings()
    for line in settings_lines(shown, c.home):
        say(line)


def settings_lines(settings: Settings, home: Path) -> list[str]:
    """One line a setting: its name, then its value."""
    from hearthside.services.settings import DATE_ORDER_WORDS, encryption_words

    return [
        f"spouse: {settings.spouse(unnamed='(not set)')}",
        f"me: {settings.my_name or '(not set)'}",
        f"week start: {WEEKDAYS[settings.week_start]}",
        f"date order: {settings.date_order} ({DATE_ORDER_WORDS[settings.date_order]})",
        f"theme: {settings.theme}",
        f"six hours: {'tracked' if settings.six_hours else 'not tracked'}",
        f"encryption: {encryption_words(home)}",
    ]


COMMANDS: list[click.Command] = [settings_command]
