"""``hearthside serve`` keeps to this computer unless told otherwise, and says so."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from hearthside.cli import cli
from hearthside.cli_serve import app_command, is_loopback
from tests.e2e.tmux import TIMEOUT


@pytest.mark.e2e
def test_its_help_says_it_listens_only_on_this_computer(hearthside: Path) -> None:
    result = subprocess.run(
        [str(hearthside), "serve", "--help"], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert result.returncode == 0
    assert "Listens only on this computer (127.0.0.1) unless --host says" in result.stdout
    assert "[default: 127.0.0.1]" in result.stdout


@pytest.mark.e2e
def test_a_port_in_use_gets_a_clear_message(hearthside: Path, home: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(hearthside), "--home", str(home), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    assert result.returncode == 2
    assert f"Couldn't listen on 127.0.0.1 port {port}" in result.stderr
    assert "Choose another with --port" in result.stderr
    assert "Hearthside is open" not in result.stdout  # it never claims a port it didn't get


def test_an_outside_address_needs_an_explicit_host(home: Path) -> None:
    # A default from anywhere but the command line (a config's default_map, say) is refused.
    result = CliRunner().invoke(cli, ["serve"], default_map={"serve": {"host": "0.0.0.0"}})
    assert result.exit_code == 2
    assert "Not listening on 0.0.0.0" in result.output
    assert "Pass --host explicitly" in result.output


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("example.org", False),
    ],
)
def test_which_hosts_keep_it_to_this_computer(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_each_browser_session_runs_this_python_on_the_same_home(tmp_path: Path) -> None:
    home = tmp_path / "a folder with spaces"
    command = app_command(home)
    assert command.endswith(f"-m hearthside --home '{home}'")
