"""Shared by the trust tests: no passphrase leaks from one test into the next."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hearthside.store.encryption import sealing as crypto


@pytest.fixture(autouse=True)
def no_keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)
    yield
    crypto.forget()
    crypto.ask_with(None)
