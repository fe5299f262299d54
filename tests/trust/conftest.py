"""Shared by the trust tests: no passphrase leaks in from the environment."""

from __future__ import annotations

import pytest

from hearthside.store.encryption.keys import PASSPHRASE_ENV


@pytest.fixture(autouse=True)
def no_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
