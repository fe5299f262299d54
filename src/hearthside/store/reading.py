"""Reading Hearthside's files: only regular ones, opened if sealed, refused when damaged.

A damaged file is a CorruptDatabase naming the file and what is wrong with it, so
the store can point at a backup (``backups.corrupt_advice``) instead of showing a
traceback. Sealed files (an encrypted journal) are opened here, on their way in,
as atomic_storage seals them on their way out.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from hearthside.errors import StoreError
from hearthside.store.atomic_storage import Signature, kind_of_file, signature_of
from hearthside.store.encryption import cipher, sealing
from hearthside.store.encryption.keys import Keyring


class CorruptDatabase(StoreError):
    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"The journal file {path} can't be read: {problem}.")


def disk_signature(path: Path) -> Signature | None:
    try:
        return signature_of(path.stat())
    except FileNotFoundError:
        return None


def unseal(raw: bytes, path: Path, keys: Keyring | None) -> bytes:
    """The plaintext of bytes read from ``path`` (as they are unless the file is sealed)."""
    try:
        return sealing.unseal(path, raw, keys)
    except cipher.DamagedFile as exc:
        raise CorruptDatabase(path, exc.problem) from None


def read_private(path: Path, keys: Keyring | None) -> bytes:
    """Read ``path`` and open it if sealed: for the small private files (drafts)."""
    return unseal(path.read_bytes(), path, keys)


def read_regular(path: Path) -> tuple[bytes, Signature]:
    """The bytes of the regular file at ``path`` and their signature.

    A folder, a pipe or a device in its place is refused as damage (CorruptDatabase),
    without blocking on it; FileNotFoundError passes through.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise StoreError(
            f"The file {path} can't be opened ({exc.strerror or exc}). Nothing was "
            "changed; check who owns it and its permissions."
        ) from None
    with _regular(fd, path) as fh:
        # fstat on the open descriptor: the bytes and the signature belong together
        # even if another process renames a new file into place meanwhile.
        return fh.read(), signature_of(os.fstat(fh.fileno()))


def _regular(fd: int, path: Path) -> BinaryIO:
    """The open ``fd`` as a file, once it is known to be a regular one (else closed)."""
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise CorruptDatabase(path, f"it is {kind_of_file(mode)}, not a file")
    return os.fdopen(fd, "rb")


def decode_database(raw: bytes, path: Path, keys: Keyring | None) -> dict[str, dict[str, Any]]:
    """Parse the journal file, refusing anything that isn't a TinyDB document map."""
    if not raw.strip():
        raise CorruptDatabase(path, "the file is empty (0 bytes)")
    raw = unseal(raw, path, keys)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptDatabase(path, f"it is not valid JSON ({exc.msg} at byte {exc.pos})") from None
    if not isinstance(data, dict):
        raise CorruptDatabase(path, "it is JSON, but not a Hearthside journal")
    for name, table in data.items():
        _check_table(path, name, table)
    return data


def _check_table(path: Path, name: str, table: Any) -> None:
    """A table maps record numbers to records (objects): what TinyDB relies on."""
    if not isinstance(table, dict):
        raise CorruptDatabase(path, f"its {name[:30]!r} part is not a table of records")
    for number, doc in table.items():
        if not (number.isascii() and number.isdecimal()):
            raise CorruptDatabase(
                path, f"its {name[:30]!r} table has a record numbered {number[:12]!r}, not a number"
            )
        if not isinstance(doc, dict):
            raise CorruptDatabase(
                path, f"record {number} of its {name[:30]!r} table is not a record (an object)"
            )


def quick_check(path: Path) -> None:
    """A cheap look at a file not read yet: empty, cut short or not JSON at all.

    The full check happens when the file is first read; this one makes a damaged
    file known at start, without reading years of journal.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise CorruptDatabase(path, f"it can't be opened ({exc.strerror or exc})") from None
    with _regular(fd, path) as fh:
        head = fh.read(64).lstrip()
        size = fh.seek(0, os.SEEK_END)
        fh.seek(max(0, size - 64))
        tail = fh.read().rstrip()
    if not head:
        raise CorruptDatabase(path, "the file is empty (0 bytes)")
    if cipher.is_sealed(head):
        # Encrypted: only opening it can prove it whole (the tag covers every byte).
        if size < cipher.HEADER_SIZE + cipher.TAG_SIZE:
            raise CorruptDatabase(path, "it is encrypted, but cut short")
        return
    if not head.startswith(b"{"):
        raise CorruptDatabase(path, "it is not a Hearthside journal (it doesn't start like one)")
    if not tail.endswith(b"}"):
        raise CorruptDatabase(path, "it is cut short (it doesn't end like a whole file)")
