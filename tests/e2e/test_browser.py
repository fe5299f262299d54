"""``hearthside serve`` in a real browser: Debian's headless Chromium, driven by Playwright.

textual-serve paints the app into an xterm.js terminal on a canvas, so there is
no text in the page's DOM to read. A script added before the page's own records
each object that textual-serve stores as ``.terminal`` (its xterm.js Terminal),
and the test reads the rows that terminal paints from its buffer. The screenshot
shows the same thing to a person.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e.apps import need

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium as root, with no network beyond this machine.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT = 30.0  # seconds: starting a server, a browser and the app on a busy CI machine

# Runs before the page's scripts: keep every object assigned to a `.terminal` property.
KEEP_TERMINALS = """
(() => {
  const seen = [];
  window.__hearthsideTerminals = seen;
  Object.defineProperty(Object.prototype, "terminal", {
    configurable: true,
    set(value) {
      Object.defineProperty(this, "terminal", {
        value, writable: true, configurable: true, enumerable: true,
      });
      seen.push(value);
    },
  });
})();
"""

# The rows the xterm.js terminal shows, as text (null until it exists).
READ_ROWS = """
() => {
  const term = (window.__hearthsideTerminals || []).find(t => t && t.buffer && t.buffer.active);
  if (!term) return null;
  const buffer = term.buffer.active;
  const rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def served(hearthside: Path, welcomed: Path, tmp_path: Path) -> Iterator[str]:
    """``hearthside serve`` on a free port; its address. Stopped however the test ends."""
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [str(hearthside), "--home", str(welcomed), "serve", "--port", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the apps it starts go with it
        )
    try:
        deadline = time.monotonic() + TIMEOUT
        while "Hearthside is open at" not in log_path.read_text(encoding="utf-8"):
            assert server.poll() is None, f"serve ended early:\n{log_path.read_text()}"
            assert time.monotonic() < deadline, f"serve didn't start:\n{log_path.read_text()}"
            time.sleep(0.1)
        said = log_path.read_text(encoding="utf-8")
        assert f"Hearthside is open at http://127.0.0.1:{port}" in said
        assert "Listening only on this computer (127.0.0.1)" in said
        yield f"http://127.0.0.1:{port}/"
        assert stop(server), f"serve didn't stop on SIGTERM:\n{log_path.read_text()}"
    finally:
        stop(server)  # whatever happened above, nothing of it is left running


def stop(server: subprocess.Popen[bytes]) -> bool:
    """SIGTERM, as a service manager would; True when it stopped by itself in time.

    Anything left of its process group (the apps it started) is killed after that.
    """
    stopped = True
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            stopped = False
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=5)
    return stopped


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Page]:
    need("Chromium", CHROMIUM.exists(), "apt-get install chromium")
    need(
        "Playwright for Python",
        importlib.util.find_spec("playwright") is not None,
        "pip install -e '.[test]'",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),  # a fresh, empty profile
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 800},
        )
        try:
            tab = browser.pages[0] if browser.pages else browser.new_page()
            tab.set_default_timeout(TIMEOUT * 1000)
            tab.add_init_script(KEEP_TERMINALS)
            # Nothing leaves this machine: the page's web font request is refused at once.
            tab.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith("http://127.0.0.1:")
                    else route.abort()
                ),
            )
            yield tab
        finally:
            browser.close()


def wait_for_text(page: Page, text: str) -> str:
    """Poll the painted terminal's rows until ``text`` shows; fail with what is shown."""
    deadline = time.monotonic() + TIMEOUT
    shown: str | None = None
    while time.monotonic() < deadline:
        shown = page.evaluate(READ_ROWS)
        if shown and text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"Waited {TIMEOUT:.0f} s for {text!r} in the page; it shows:\n{shown}")


def test_serve_shows_the_today_room_in_a_browser(served: str, page: Page, tmp_path: Path) -> None:
    page.goto(served)
    page.wait_for_selector("body.-first-byte")  # the app's first bytes reached the page
    shown = wait_for_text(page, "Hearthside — with Sam")
    shown = wait_for_text(page, "Today's review")
    assert "1 Today" in shown and "2 Journal" in shown  # the footer's keys

    shot = tmp_path / "hearthside-in-browser.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000  # a painted page, not a blank one
    canvas = page.locator(".xterm-screen")
    box = canvas.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 400

    # Keys typed in the page reach the app: the Journal room, then quit.
    page.locator(".xterm-helper-textarea").focus()
    page.keyboard.press("2")
    wait_for_text(page, "No entries yet")
    page.keyboard.press("Control+q")
    page.wait_for_selector("body.-closed")  # textual-serve's "Session ended."
