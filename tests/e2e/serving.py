"""``hearthside serve`` started for a test: on a free port, stopped however the test ends."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.tmux import TIMEOUT

OPEN_AT = re.compile(r"Hearthside is open at (http://\S+)")


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    url: str
    """The address ``serve`` printed, token and all."""

    def said(self) -> str:
        """Everything ``serve`` has written to its console so far."""
        return self.log.read_text(encoding="utf-8")

    def apps(self) -> list[int]:
        """The app processes it has started (one per browser tab)."""
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError):
                fields = stat.read_text().rsplit(")", 1)[-1].split()
                if int(fields[1]) == self.process.pid and fields[0] != "Z":
                    children.append(int(stat.parent.name))
        return children


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def serving(hearthside: Path, home: Path, folder: Path, *options: str) -> Iterator[Served]:
    """``hearthside serve`` on a free port, once it says where it is open.

    When the test is done it must stop on SIGTERM, as under a service manager;
    whatever happens, nothing of it (nor the apps it started) is left running.
    """
    port = free_port()
    log_path = folder / "serve.log"
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [str(hearthside), "--home", str(home), "serve", "--port", str(port), *options],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the apps it starts go with it
        )
    try:
        deadline = time.monotonic() + TIMEOUT
        while not (found := OPEN_AT.search(log_path.read_text(encoding="utf-8"))):
            assert server.poll() is None, f"serve ended early:\n{log_path.read_text()}"
            assert time.monotonic() < deadline, f"serve didn't start:\n{log_path.read_text()}"
            time.sleep(0.1)
        yield Served(server, port, log_path, found.group(1))
        assert stop(server), f"serve didn't stop on SIGTERM:\n{log_path.read_text()}"
    finally:
        stop(server)


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
