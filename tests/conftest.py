from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hearthside.store.store import Store
from hearthside.texts.library import Content

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own journal folder; nothing touches the real one."""
    home = tmp_path / "home"
    monkeypatch.setenv("HEARTHSIDE_HOME", str(home))
    monkeypatch.delenv("HEARTHSIDE_CONTENT", raising=False)
    return home


@pytest.fixture
def store(private_home: Path) -> Iterator[Store]:
    s = Store(private_home)
    yield s
    s.close()


@pytest.fixture(scope="session")
def content() -> Content:
    return Content()


def disk_state(home: Path) -> dict[str, bytes]:
    """Every journal file's bytes, to show that something changed nothing."""
    from hearthside.paths import journal_files

    return {p.name: p.read_bytes() for p in journal_files(home) if p.exists()}
