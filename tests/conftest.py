from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hearthside.cli.context import Context
from hearthside.cli.main import cli
from hearthside.domain.records import R
from hearthside.domain.settings import Settings
from hearthside.paths import package_resource
from hearthside.store import backups
from hearthside.store.store import Store
from hearthside.texts.library import Content

TODAY = date(2026, 11, 25)  # a Wednesday; its Monday-first week is Nov 23 to Nov 29

# Textual's Pilot waits, after every key and pause, until the app is idle: it sleeps in
# windows of 20 ms until one passes with under 5% of it spent on the CPU. The app's
# event loop runs in the test's own thread, so whatever it still has to do runs inside
# the window and counts; a shorter window sees the same work and wastes less time
# once it is done. With 20 ms, half of a TUI test's time was spent asleep.
IDLE_WINDOW = 1 / 200
# Every app a test runs leaves tens of thousands of widgets, styles and segments in
# cycles; with Python's default thresholds the collector swept the whole heap after
# nearly every app (over 40% of a TUI test's CPU). Rarer sweeps free the same garbage.
GC_THRESHOLDS = (10_000, 50, 50)


class Clock:
    """The day it is for Hearthside: for the command line, for the app that ``make``
    builds, and for the backup taken on each day's first save. Set ``today`` to move
    it on; ``on(day)`` moves it for a while only. ``time_of_day`` is the command line's
    hour on that day (noon unless a test sets it)."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.time_of_day = time(12, 0)

    @contextmanager
    def on(self, day: date) -> Iterator[None]:
        before, self.today = self.today, day
        try:
            yield
        finally:
            self.today = before


@pytest.fixture(autouse=True, scope="session")
def quick_idle_checks() -> Iterator[None]:
    """Pilot's idle check in windows of IDLE_WINDOW (see there)."""
    from textual import _wait

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_wait, "SLEEP_GRANULARITY", IDLE_WINDOW)
        patch.setattr(_wait, "SLEEP_IDLE", IDLE_WINDOW / 20)
        yield


@pytest.fixture(autouse=True, scope="session")
def rarer_garbage_collection() -> Iterator[None]:
    """The collector's thresholds at GC_THRESHOLDS (see there) while the tests run."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own journal folder; nothing touches the real one."""
    home = tmp_path / "home"
    monkeypatch.setenv("HEARTHSIDE_HOME", str(home))
    monkeypatch.delenv("HEARTHSIDE_CONTENT", raising=False)
    return home


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Hearthside's calendar, at TODAY until the test moves it: the wall's never decides."""
    clock = Clock(TODAY)
    monkeypatch.setattr(Context, "today", lambda _context: clock.today)
    monkeypatch.setattr(
        Context, "now", lambda _context: datetime.combine(clock.today, clock.time_of_day)
    )
    monkeypatch.setattr(backups, "backup_day", lambda: clock.today.isoformat())
    return clock


@pytest.fixture
def store(private_home: Path) -> Iterator[Store]:
    s = Store(private_home)
    yield s
    s.close()


@pytest.fixture
def welcomed(private_home: Path) -> Path:
    """A journal whose owner has met the welcome screen already; their spouse is Sam."""
    store = Store(private_home)
    try:
        store.save_settings(Settings(spouse_name="Sam", welcomed=True))
    finally:
        store.close()
    return private_home


@pytest.fixture(scope="session")
def content() -> Content:
    return Content()


def run(*args: str, input: str | None = None) -> Result:
    """A command as a person types it. catch_exceptions=False: a traceback fails the test
    instead of passing for exit status 1."""
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def stored_settings(home: Path) -> Settings:
    """The settings of the journal at ``home``, read by a store that is closed again."""
    store = Store(home)
    try:
        return store.settings()
    finally:
        store.close()


def stored(home: Path, cls: type[R]) -> list[R]:
    """The records of one kind in the journal at ``home`` (the trash left out), read by a
    store that is closed again, as another process would read them."""
    store = Store(home)
    try:
        return store.all(cls)
    finally:
        store.close()


def disk_state(home: Path) -> dict[str, bytes]:
    """Every journal file's bytes, to show that something changed nothing."""
    from hearthside.paths import journal_files

    return {p.name: p.read_bytes() for p in journal_files(home) if p.exists()}


@pytest.fixture
def own_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped content folder to break or change, in use for the test."""
    root = tmp_path / "content"
    shutil.copytree(package_resource("content"), root)
    monkeypatch.setenv("HEARTHSIDE_CONTENT", str(root))
    return root
