"""The web server behind ``hearthside serve`` (textual-serve, one app per browser tab).

textual-serve itself answers anyone: any web page the person visits while it runs
could open its WebSocket, type into the app and read the journal off the screen,
and a site whose name is rebound to 127.0.0.1 could load the page itself. So every
request must carry this launch's token (in the printed address, then in a cookie
the page receives with it), and name the address served in ``Host`` and, when a
browser sends one, in ``Origin``. Anything else gets 403 before an app is started.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import secrets
import signal
from collections.abc import Awaitable, Callable

from aiohttp import hdrs, web
from aiohttp.abc import AbstractAccessLogger
from textual_serve.server import Server

TOKEN = "token"
REFUSED = (
    "Hearthside opens only at the address that `hearthside serve` printed, token and "
    "all. Copy that whole address into your browser's address bar."
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def authority(host: str, port: int) -> str:
    """The address served as a browser names it in ``Host``: IPv6 in brackets, and
    no port when it is HTTP's own, 80."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return (shown if port == 80 else f"{shown}:{port}").lower()


class Guard:
    """Who may use the server: only a page loaded from the printed address."""

    def __init__(self, host: str, port: int) -> None:
        self.authority = authority(host, port)
        self.origin = f"http://{self.authority}"
        self.token = secrets.token_urlsafe(32)
        # Browsers share cookies between the ports of one host: one name per server.
        self.cookie = f"hearthside-{port}"

    @property
    def page_url(self) -> str:
        return f"{self.origin}/?{TOKEN}={self.token}"

    def allows(self, request: web.Request) -> bool:
        # Host defeats DNS rebinding; Origin, a WebSocket opened by any other page.
        if request.headers.get(hdrs.HOST, "").lower() != self.authority:
            return False
        origin = request.headers.get(hdrs.ORIGIN)
        if origin is not None and origin.lower() != self.origin:
            return False
        return self.has_token(request.query.get(TOKEN)) or self.has_token(
            request.cookies.get(self.cookie)
        )

    def has_token(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    @web.middleware
    async def check(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.allows(request):
            raise web.HTTPForbidden(text=REFUSED)
        response = await handler(request)
        if self.has_token(request.query.get(TOKEN)) and not response.prepared:
            # The page's script opens the WebSocket at a fixed address with no token
            # in it; the cookie carries it there. Strict: no other site's page sends it.
            response.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict")
        return response


class RequestLog(AbstractAccessLogger):
    """One line a request, for --verbose: its path without the query, so no token."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info(
            '%s "%s %s" %s %.3fs',
            request.remote,
            request.method,
            request.path,
            response.status,
            time,
        )


class HearthsideServer(Server):
    """textual-serve behind the guard, announcing itself once the port is really bound."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        announce: Callable[[str], None],
        verbose: bool,
    ) -> None:
        self.guard = Guard(host, port)
        super().__init__(
            command, host=host, port=port, title="Hearthside", public_url=self.guard.origin
        )
        self.announce = announce
        self.verbose = verbose

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: textual-serve's banner would speak before the port is bound."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard.check)
        return app

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
        self.initialize_logging()
        # Errors (an app that failed to start, say) always show; requests only on asking.
        logging.getLogger().setLevel(logging.INFO if self.verbose else logging.WARNING)
        loop = asyncio.new_event_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda _bound: self.announce(self.guard.page_url),
            access_log_class=RequestLog,
        )


def run_server(
    command: str, *, host: str, port: int, announce: Callable[[str], None], verbose: bool
) -> None:
    """Serve until stopped; ``announce`` gets the address to open once the port is bound."""
    HearthsideServer(command, host=host, port=port, announce=announce, verbose=verbose).serve()
