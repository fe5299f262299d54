"""Commands that take words out of Hearthside or bring them in: export, import, share."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
