"""The sealed format: what a file encrypted with a journal's key looks like.

A sealed file is ``MAGIC + key id (8 bytes) + nonce (12 bytes) + AES-256-GCM
ciphertext and tag``. The associated data binds the header and the file's name,
so a year's file can't pass for another's, nor a draft for a journal file.

``cryptography`` is imported only when a key is used, so a plain journal's quick
commands never pay for it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hearthside.errors import StoreError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"HEARTHSIDE SEALED 1\n"
KEY_ID_SIZE = 8
NONCE_SIZE = 12
TAG_SIZE = 16
HEADER_SIZE = len(MAGIC) + KEY_ID_SIZE + NONCE_SIZE


@dataclass(frozen=True)
class Key:
    """A journal's key, unlocked: the cipher made from it and the id files are sealed under."""

    aead: AESGCM
    key_id: bytes


class DamagedFile(StoreError):
    """A file that can't be opened as sealed; atomic_storage.py turns it into CorruptDatabase."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(
            f"The file {path} can't be read: {problem}. It was refused; nothing was written."
        )


def is_sealed(raw: bytes) -> bool:
    return raw.startswith(MAGIC)


def associated_data(key_id: bytes, name: str) -> bytes:
    return MAGIC + key_id + b"\x00" + name.encode("utf-8")


def seal_with(key: Key, name: str, payload: bytes) -> bytes:
    nonce = os.urandom(NONCE_SIZE)
    sealed = key.aead.encrypt(nonce, payload, associated_data(key.key_id, name))
    return MAGIC + key.key_id + nonce + sealed


def open_with(key: Key, name: str, raw: bytes, path: Path) -> bytes:
    from cryptography.exceptions import InvalidTag

    key_id = raw[len(MAGIC) : len(MAGIC) + KEY_ID_SIZE]
    nonce = raw[len(MAGIC) + KEY_ID_SIZE : HEADER_SIZE]
    if len(raw) < HEADER_SIZE + TAG_SIZE:
        raise DamagedFile(path, "it is encrypted, but cut short")
    if key_id != key.key_id:
        raise DamagedFile(path, "it was encrypted with another passphrase than this journal's")
    try:
        return key.aead.decrypt(nonce, raw[HEADER_SIZE:], associated_data(key_id, name))
    except InvalidTag:
        raise DamagedFile(
            path,
            "it is encrypted, but it was changed or damaged after Hearthside wrote it "
            "(or it is another file put in its place)",
        ) from None
