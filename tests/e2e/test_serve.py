"""``hearthside serve`` keeps to this computer unless told otherwise, and says so."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest
from click.testing import CliRunner

from hearthside.cli.main import cli
from hearthside.cli.serve import app_command, is_loopback
from tests.e2e.serving import Served, serving
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


# -- only the printed address opens it -----------------------------------------------

WORDS = "Our walk by the river"  # short enough to show whole in the list
EVIL = "http://evil.example"


@pytest.fixture
def served(hearthside: Path, welcomed: Path, tmp_path: Path) -> Iterator[Served]:
    """``hearthside serve`` on a journal holding one entry, WORDS."""
    added = subprocess.run(
        [str(hearthside), "--home", str(welcomed), "add", WORDS],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert added.returncode == 0, added.stderr
    with serving(hearthside, welcomed, tmp_path) as server:
        yield server


def browser() -> aiohttp.ClientSession:
    """A client that keeps cookies as a browser does, for 127.0.0.1 too."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


def address(server: Served) -> str:
    return f"127.0.0.1:{server.port}"


# What a hostile page, or a site that rebinds its name to 127.0.0.1, can send.
REFUSED: dict[str, Callable[[Served], tuple[str, dict[str, str]]]] = {
    "no token": lambda server: (f"http://{address(server)}/", {}),
    "a wrong token": lambda server: (f"http://{address(server)}/?token=guess", {}),
    "another site's Origin": lambda server: (server.url, {"Origin": EVIL}),
    "another name in Host": lambda server: (server.url, {"Host": f"evil.example:{server.port}"}),
    "a null Origin": lambda server: (server.url, {"Origin": "null"}),
}


@pytest.mark.e2e
@pytest.mark.parametrize("how", REFUSED)
async def test_the_page_is_refused_without_the_printed_address(served: Served, how: str) -> None:
    url, headers = REFUSED[how](served)
    async with browser() as session, session.get(url, headers=headers) as answer:
        body = await answer.text()
        assert answer.status == 403
        assert "Set-Cookie" not in answer.headers
    assert "address that `hearthside serve` printed" in body
    assert "token=" not in body  # it never gives the token away


@pytest.mark.e2e
@pytest.mark.parametrize("path", ["/static/js/textual.js", "/download/anything", "/ws"])
async def test_every_route_needs_the_token(served: Served, path: str) -> None:
    async with (
        browser() as session,
        session.get(f"http://{address(served)}{path}") as answer,
    ):
        assert answer.status == 403


@pytest.mark.e2e
@pytest.mark.parametrize("how", REFUSED)
async def test_the_journal_is_not_sent_to_another_page(served: Served, how: str) -> None:
    _url, headers = REFUSED[how](served)
    origin = {"Origin": f"http://{address(served)}"}
    async with browser() as session:
        # The browser holds the cookie of a real visit, as it would; only `how` differs.
        async with session.get(served.url) as page:
            assert page.status == 200 and page.cookies
        if how in ("no token", "a wrong token"):
            session.cookie_jar.clear()
            if how == "a wrong token":
                session.cookie_jar.update_cookies({f"hearthside-{served.port}": "guess"})
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            async with session.ws_connect(
                f"ws://{address(served)}/ws?width=80&height=24", headers={**origin, **headers}
            ) as socket_:
                await read_the_journal(socket_)  # as a hostile page would, were it let in
    assert refused.value.status == 403
    assert served.apps() == []  # no app was started, so nothing of the journal went out


@pytest.mark.e2e
async def test_the_printed_address_opens_the_journal(served: Served) -> None:
    assert served.url.startswith(f"http://{address(served)}/?token=")
    async with browser() as session:
        async with session.get(served.url) as page:
            assert page.status == 200
            assert f'data-session-websocket-url="ws://{address(served)}/ws"' in await page.text()
            cookie = page.cookies[f"hearthside-{served.port}"]  # carries the token to /ws
            assert cookie["httponly"] and cookie["samesite"] == "Strict"
        async with session.ws_connect(
            f"ws://{address(served)}/ws?width=100&height=30",
            headers={"Origin": f"http://{address(served)}"},
        ) as socket_:
            await read_the_journal(socket_)  # what the other pages above never get


async def read_the_journal(socket_: aiohttp.ClientWebSocketResponse) -> None:
    """Wait for the app, go to the Journal room, and read WORDS off its screen."""
    await read_screen(socket_, "Today's review")
    await socket_.send_json(["stdin", "2"])
    await read_screen(socket_, WORDS)


async def read_screen(socket_: aiohttp.ClientWebSocketResponse, text: str) -> None:
    """Read what the app paints until ``text`` shows; fail with what it painted."""
    painted = ""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(TIMEOUT):
            async for message in socket_:
                if message.type == aiohttp.WSMsgType.BINARY:
                    painted += message.data.decode("utf-8", "replace")
                if text in painted:
                    return
    raise AssertionError(f"{text!r} never showed; the app painted:\n{painted[-2000:]!r}")


# -- a quiet console ------------------------------------------------------------------


@pytest.mark.e2e
@pytest.mark.parametrize("verbose", [False, True])
async def test_the_console_shows_the_address_and_requests_only_when_asked(
    hearthside: Path, welcomed: Path, tmp_path: Path, verbose: bool
) -> None:
    with serving(hearthside, welcomed, tmp_path, *(["--verbose"] if verbose else [])) as server:
        async with browser() as session:
            for url in (server.url, f"http://{address(server)}/static/js/textual.js"):
                async with session.get(url) as answer:
                    assert answer.status == 200
    said = [line for line in server.said().splitlines() if line.strip()]
    requests = [line for line in said if "GET /static/js/textual.js" in line]
    if verbose:
        assert len(requests) == 1 and " 200 " in requests[0]
    else:
        assert requests == [] and len(said) == 3  # where it is open, how far, how to stop
    assert said[0].startswith(f"Hearthside is open at {server.url}  (journal: ")
    token = server.url.partition("?token=")[2]
    assert token and [line for line in said if token in line] == [said[0]]  # not in a request
