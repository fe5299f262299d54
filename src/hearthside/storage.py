"""A TinyDB storage that can't leave a half-written journal behind.

TinyDB's own JSONStorage truncates and rewrites the file in place, so a kill
mid-write leaves a broken file. This one writes a temp file beside the journal,
fsyncs it, renames it over the old one and fsyncs the folder: after a crash the
file is either the old version or the new one, never a mix.

It is also the one seam where bytes meet the disk: ``write_atomically`` seals
what it writes and ``decode_database`` / ``read_private`` open what was read, when
the file is a private file of an encrypted journal (see crypto.py). So every
writer (journal files, backups, drafts, conflict copies) gets encryption without
a copy of the logic, and plaintext never reaches a temp file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from hearthside import crypto
from hearthside.errors import StoreError
from hearthside.paths import FILE_MODE

TEMP_PREFIX = ".hearthside-"
TEMP_SUFFIX = ".tmp"

# What identifies one version of the file on disk: a rename gives a new inode,
# and mtime plus size catch the rare reuse of an inode number.
Signature = tuple[int, int, int]


def signature_of(st: os.stat_result) -> Signature:
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def disk_signature(path: Path) -> Signature | None:
    try:
        return signature_of(path.stat())
    except FileNotFoundError:
        return None


def unseal(raw: bytes, path: Path) -> bytes:
    """The plaintext of bytes read from ``path`` (as they are unless the file is sealed)."""
    try:
        return crypto.unseal(path, raw)
    except crypto.DamagedFile as exc:
        raise CorruptDatabase(path, exc.problem) from None


def read_private(path: Path) -> bytes:
    """Read ``path`` and open it if sealed: for the small private files (drafts)."""
    return unseal(path.read_bytes(), path)


def decode_database(raw: bytes, path: Path) -> dict[str, dict[str, Any]]:
    """Parse the journal file, refusing anything that isn't a TinyDB document map."""
    if not raw.strip():
        raise CorruptDatabase(path, "the file is empty (0 bytes)")
    raw = unseal(raw, path)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptDatabase(path, f"it is not valid JSON ({exc.msg} at byte {exc.pos})") from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptDatabase(path, "it is JSON, but not a Hearthside journal")
    return data


def quick_check(path: Path) -> None:
    """A cheap look at a file not read yet: empty, cut short or not JSON at all.

    The full check happens when the file is first read; this one makes a damaged
    file known at start, without reading years of journal.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(64).lstrip()
            size = fh.seek(0, os.SEEK_END)
            fh.seek(max(0, size - 64))
            tail = fh.read().rstrip()
    except FileNotFoundError:
        return
    if not head:
        raise CorruptDatabase(path, "the file is empty (0 bytes)")
    if crypto.is_sealed(head):
        # Encrypted: only opening it can prove it whole (the tag covers every byte).
        if size < crypto.HEADER_SIZE + crypto.TAG_SIZE:
            raise CorruptDatabase(path, "it is encrypted, but cut short")
        return
    if not head.startswith(b"{"):
        raise CorruptDatabase(path, "it is not a Hearthside journal (it doesn't start like one)")
    if not tail.endswith(b"}"):
        raise CorruptDatabase(path, "it is cut short (it doesn't end like a whole file)")


class CorruptDatabase(StoreError):
    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"The journal file {path} can't be read: {problem}.")


def write_atomically(path: Path, payload: bytes) -> Signature:
    """Replace ``path`` with ``payload`` so that readers see the old or the new file, whole.

    A private file of an encrypted journal is sealed first, so even the temp file
    holds only ciphertext. Returns the new file's signature, taken from the written
    descriptor so no other writer can slip in between writing and remembering it.
    """
    tmp, sig = stage(path, crypto.seal(path, payload))
    try:
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _not_written(path, exc) from None
    fsync_dir(path.parent)
    return sig


def stage(path: Path, data: bytes) -> tuple[Path, Signature]:
    """Write ``data`` as it is to a new private temp file beside ``path``, on disk for good.

    The only place Hearthside's files get their bytes; ``write_atomically`` renames
    the result into place (turning encryption on or off stages every file first).
    """
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), FILE_MODE)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            sig = signature_of(os.fstat(fh.fileno()))
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _not_written(path, exc) from None
    return tmp, sig


def _not_written(path: Path, exc: OSError) -> StoreError:
    return StoreError(
        f"Couldn't write {path} ({exc.strerror or exc}). Nothing was lost: "
        "what was there before is unchanged. Free some disk space or check "
        "the folder's permissions, then try again."
    )


def fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; some filesystems refuse O_RDONLY fsync on dirs.
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


class AtomicJSONStorage(Storage):
    """orjson in, orjson out, atomic replace on every write."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.signature: Signature | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            self.signature = None
            return None
        with os.fdopen(fd, "rb") as fh:
            # fstat on the open descriptor: the bytes and the signature belong together
            # even if another process renames a new file into place meanwhile.
            sig = signature_of(os.fstat(fh.fileno()))
            raw = fh.read()
        data = decode_database(raw, self.path)
        self.signature = sig
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.signature = write_atomically(self.path, orjson.dumps(data))

    def close(self) -> None:
        pass
