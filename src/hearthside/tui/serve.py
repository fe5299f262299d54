"""The web server behind ``hearthside serve`` (textual-serve, one app per browser tab)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable

from aiohttp import web
from textual_serve.server import Server


class HearthsideServer(Server):
    """textual-serve, announcing itself only once the port is really bound."""

    def __init__(self, command: str, *, host: str, port: int, announce: Callable[[str], None]):
        super().__init__(command, host=host, port=port, title="Hearthside")
        self.announce = announce

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: textual-serve's banner would speak before the port is bound."""

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=self.announce,
        )


def run_server(command: str, *, host: str, port: int, announce: Callable[[str], None]) -> None:
    HearthsideServer(command, host=host, port=port, announce=announce).serve()
