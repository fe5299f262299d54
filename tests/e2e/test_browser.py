"""``hearthside serve`` in a real browser: Debian's headless Chromium, driven by Playwright.

textual-serve paints the app into an xterm.js terminal on a canvas, so there is
no text in the page's DOM to read. A script added before the page's own records
each object that textual-serve stores as ``.terminal`` (its xterm.js Terminal),
and the test reads the rows that terminal paints from its buffer. The screenshot
shows the same thing to a person.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e.apps import need
from tests.e2e.serving import serving

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


@pytest.fixture
def served(hearthside: Path, welcomed: Path, tmp_path: Path) -> Iterator[str]:
    """The address ``hearthside serve`` printed, token and all, on a free port."""
    with serving(hearthside, welcomed, tmp_path) as server:
        said = server.said()
        assert f"Hearthside is open at http://127.0.0.1:{server.port}/?token=" in said
        assert "Listening only on this computer (127.0.0.1)" in said
        yield server.url


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
    wait_for_text(page, "Today's review")
    # Textual lists the footer's keys in a web page once the terminal there has the
    # focus (textual-serve tells the app when it has it).
    page.locator(".xterm-helper-textarea").focus()
    shown = wait_for_text(page, "1 Today")
    assert "2 Journal" in shown

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
