"""Commands for what lies ahead: commitments, milestones and the weekly check-in."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
