"""Two real Syncthing instances on this computer, sharing one folder over 127.0.0.1 only.

Each has its own home (keys, config, database), listens on a free local port, and
knows the other by device id and address; discovery, relays, NAT traversal, usage
reports, crash reports and upgrades are all off, so nothing leaves the machine. The
folder is scanned only when asked (no watcher, no timed rescans), so a test decides
when each side notices its changes. Every wait is bounded and fails saying what it
was waiting for; ``pair`` stops both processes however the test ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

FOLDER_ID = "hearthside"
SETTLE_SECONDS = 120.0


def available() -> bool:
    return shutil.which("syncthing") is not None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Instance:
    name: str
    home: Path  # Syncthing's own: keys, config, database, log
    folder: Path  # the shared folder: the journal
    device_id: str = ""
    api_key: str = ""
    gui_port: int = 0
    listen_port: int = 0
    process: subprocess.Popen[bytes] | None = None

    def generate(self) -> None:
        subprocess.run(
            ["syncthing", "generate", "--home", str(self.home), "--no-default-folder"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        root = ET.parse(self.home / "config.xml").getroot()
        self.device_id = root.findall("device")[0].attrib["id"]
        self.api_key = root.findtext("gui/apikey") or ""
        self.gui_port, self.listen_port = free_port(), free_port()

    def configure(self, other: Instance) -> None:
        """Local only, nothing automatic, and the folder shared with ``other``."""
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        assert gui is not None
        _set(gui, "address", f"127.0.0.1:{self.gui_port}")
        options = root.find("options")
        assert options is not None
        for tag, value in {
            "listenAddress": f"tcp://127.0.0.1:{self.listen_port}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "urAccepted": "-1",
            "startBrowser": "false",
            "crashReportingEnabled": "false",
            "autoUpgradeIntervalH": "0",
            "reconnectionIntervalS": "1",
            "setLowPriority": "false",
        }.items():
            _set(options, tag, value)
        device = ET.SubElement(
            root,
            "device",
            {"id": other.device_id, "name": other.name, "compression": "metadata"},
        )
        _set(device, "address", f"tcp://127.0.0.1:{other.listen_port}")
        folder = ET.Element(
            "folder",
            {
                "id": FOLDER_ID,
                "label": "Journal",
                "path": str(self.folder),
                "type": "sendreceive",
                "rescanIntervalS": "0",
                "fsWatcherEnabled": "false",
                "ignorePerms": "false",
            },
        )
        for ident in (self.device_id, other.device_id):
            ET.SubElement(folder, "device", {"id": ident, "introducedBy": ""})
        # Syncthing's own default, which a folder written by hand must state: with 0, a
        # file changed on both sides keeps one version and silently drops the other.
        _set(folder, "maxConflicts", "10")
        root.insert(0, folder)
        tree.write(path)
        # The marker Syncthing looks for before it trusts a folder to be there.
        (self.folder / ".stfolder").mkdir(parents=True, exist_ok=True)

    def start(self) -> None:
        env = {**os.environ, "STNOUPGRADE": "1", "STNORESTART": "1", "STNODEFAULTFOLDER": "1"}
        with (self.home / "stdout.log").open("wb") as log:
            self.process = subprocess.Popen(
                [
                    "syncthing",
                    "serve",
                    "--home",
                    str(self.home),
                    "--no-browser",
                    "--no-restart",
                    "--no-upgrade",
                    f"--logfile={self.home / 'syncthing.log'}",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def api(self, method: str, route: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{route}",
            data=data,
            method=method,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            raw = response.read()
        return json.loads(raw) if raw.strip() else None

    def log_tail(self) -> str:
        for name in ("syncthing.log", "stdout.log"):
            with contextlib.suppress(OSError):
                return (self.home / name).read_text(errors="replace")[-2000:]
        return ""


def wait_until(what: str, check: Callable[[], bool], timeout: float, *pair: Instance) -> None:
    """Poll ``check`` until it holds; fail after ``timeout`` seconds naming ``what``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ValueError):
            if check():
                return
        time.sleep(0.25)
    logs = "\n".join(f"--- {i.name}'s log ---\n{i.log_tail()}" for i in pair)
    raise AssertionError(f"Syncthing: gave up after {timeout:.0f} s waiting for {what}.\n{logs}")


@contextlib.contextmanager
def pair(root: Path) -> Iterator[tuple[Instance, Instance]]:
    """Two Syncthing instances sharing ``root/desk`` and ``root/laptop``, running and
    connected; both stopped when the block ends, however it ends."""
    desk = Instance("desk", root / "st-desk", root / "desk")
    laptop = Instance("laptop", root / "st-laptop", root / "laptop")
    try:
        for one in (desk, laptop):
            one.generate()
        desk.configure(laptop)
        laptop.configure(desk)
        for one in (desk, laptop):
            one.start()
        for one in (desk, laptop):
            wait_until(f"{one.name} to answer", partial(_pings, one), 60, desk, laptop)
        wait_until("the two to connect", lambda: connected(desk, laptop), 60, desk, laptop)
        yield desk, laptop
    finally:
        for one in (desk, laptop):
            one.stop()


def _pings(one: Instance) -> bool:
    return bool(one.api("GET", "/rest/system/ping").get("ping") == "pong")


def connected(a: Instance, b: Instance) -> bool:
    seen = a.api("GET", "/rest/system/connections")["connections"]
    return bool(seen.get(b.device_id, {}).get("connected"))


def set_paused(a: Instance, b: Instance, paused: bool) -> None:
    """``a`` stops (or resumes) talking to ``b``: as if one computer were switched off."""
    a.api("POST", f"/rest/system/{'pause' if paused else 'resume'}?device={b.device_id}")


def scan(one: Instance) -> None:
    one.api("POST", f"/rest/db/scan?folder={FOLDER_ID}")


def shared_names(one: Instance) -> set[str]:
    """The names at the top of the shared folder as Syncthing knows them."""
    listed = one.api("GET", f"/rest/db/browse?folder={FOLDER_ID}&levels=0")
    return {entry["name"] for entry in listed} if isinstance(listed, list) else set(listed)


def settled(a: Instance, b: Instance, same: Callable[[], bool]) -> bool:
    """Both idle, each holding all the other has, and (``same``) the folders alike."""
    for one, other in ((a, b), (b, a)):
        status = one.api("GET", f"/rest/db/status?folder={FOLDER_ID}")
        if status["state"] != "idle" or status["needTotalItems"] or status["pullErrors"]:
            return False
        done = one.api("GET", f"/rest/db/completion?folder={FOLDER_ID}&device={other.device_id}")
        if done["completion"] < 100 or done["needItems"] or done["needDeletes"]:
            return False
    return same()


def settle(a: Instance, b: Instance, same: Callable[[], bool]) -> None:
    """Scan both folders, then wait until everything is passed on both ways."""
    for one in (a, b):
        scan(one)
    wait_until("both folders to be alike", lambda: settled(a, b, same), SETTLE_SECONDS, a, b)


def _set(parent: ET.Element, tag: str, text: str) -> None:
    found = parent.find(tag)
    if found is None:
        found = ET.SubElement(parent, tag)
    found.text = text
