"""Who ``hearthside serve`` lets in: only a page from the address it printed."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import make_mocked_request

from hearthside.tui.serve import Guard, authority


@pytest.mark.parametrize(
    ("host", "port", "named"),
    [
        ("127.0.0.1", 8000, "127.0.0.1:8000"),
        ("::1", 8000, "[::1]:8000"),
        ("[::1]", 8000, "[::1]:8000"),
        ("LocalHost", 8000, "localhost:8000"),
        ("127.0.0.1", 80, "127.0.0.1"),  # browsers leave HTTP's own port out
    ],
)
def test_the_address_served_as_a_browser_names_it(host: str, port: int, named: str) -> None:
    assert authority(host, port) == named


@pytest.mark.parametrize("port", [8000, 80])
def test_a_browser_at_the_printed_address_is_let_in(port: int) -> None:
    guard = Guard("127.0.0.1", port)
    named = authority("127.0.0.1", port)
    assert guard.page_url == f"http://{named}/?token={guard.token}"
    page = make_mocked_request("GET", f"/?token={guard.token}", headers={"Host": named})
    assert guard.allows(page)
    socket = make_mocked_request(
        "GET",
        "/ws",
        headers={
            "Host": named,
            "Origin": f"http://{named}",
            "Cookie": f"{guard.cookie}={guard.token}",
        },
    )
    assert guard.allows(socket)
    assert not guard.allows(make_mocked_request("GET", "/ws", headers={"Host": named}))


def test_each_launch_has_its_own_token() -> None:
    first, second = Guard("127.0.0.1", 8000), Guard("127.0.0.1", 8000)
    assert first.token != second.token and len(first.token) >= 40
    assert not first.has_token(second.token) and not first.has_token("")
    assert not first.has_token("é")  # compared as bytes: no TypeError for non-ASCII
