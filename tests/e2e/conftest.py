"""Fixtures for the end-to-end tests: a real terminal running the installed command."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.apps import App, need
from tests.e2e.tmux import Terminal, hearthside_command, tmux_path


@pytest.fixture
def hearthside() -> Path:
    command = hearthside_command()
    need(
        "the installed hearthside command",
        command.exists(),
        f"expected at {command}; pip install -e '.[test]'",
    )
    return command


@pytest.fixture
def terminal(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Terminal]:
    """A 100x32 tmux window of its own; its server is stopped however the test ends."""
    need("tmux", tmux_path() is not None, "apt-get install tmux")
    name = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower()).strip("-")
    term = Terminal(tmp_path, name)
    try:
        yield term
    finally:
        term.close()


@pytest.fixture
def home(private_home: Path) -> Path:
    """A fresh journal folder (the same one HEARTHSIDE_HOME points at)."""
    return private_home


@pytest.fixture
def app(hearthside: Path, home: Path, terminal: Terminal) -> App:
    return App(hearthside, home, terminal)
