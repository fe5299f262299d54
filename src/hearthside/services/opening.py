"""Opening a journal for the app: its store with the keys it was given, read through.

The app builds nothing of the store layer itself; it asks here for a journal, open or
still locked, and for what changed on disk since it last looked.
"""

from __future__ import annotations

from pathlib import Path

from hearthside.store.conflicts import conflict_notice
from hearthside.store.encryption.keys import Keyring
from hearthside.store.store import Store


def open_unless_locked(home: Path) -> Store | None:
    """The journal at ``home``, open but not yet read through (see ``read_through``);
    None when it is encrypted and no passphrase is at hand yet (see ``unlock``)."""
    keys = Keyring()
    if keys.needs_passphrase(home):
        return None
    return Store(home, keys)


def unlock(home: Path, passphrase: str) -> Store:
    """The encrypted journal at ``home``, opened with ``passphrase`` (or WrongPassphrase)
    and read through, so a damaged file shows while the passphrase is still asked."""
    keys = Keyring()
    keys.unlock(home, passphrase)
    return read_through(Store(home, keys))


def read_through(store: Store) -> Store:
    """Read and check every file (StoreError for a damaged one): the rooms need them all,
    and a damaged file or record must show as the journal opens, not later."""
    store.read_everything()
    return store


def changed_elsewhere(store: Store) -> str | None:
    """Words for files another program changed under the journal, kept aside; once."""
    found = store.take_conflicts()
    return conflict_notice(found) if found else None
