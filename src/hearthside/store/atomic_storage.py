"""Writing Hearthside's files so that a kill never leaves half of one behind.

TinyDB's own JSONStorage truncates and rewrites the file in place, so a kill
mid-write leaves a broken file. Here every file is written to a temp file beside
it, fsynced, renamed over the old one and the folder fsynced: after a crash the
file is either the old version or the new one, never a mix. Several files change
as one transaction (``write_together``), and the temp files a killed writer leaves
are found and removed (``stale_temps``).

It is also the one seam where bytes go to the disk: what is staged is sealed when
the file is a private file of an encrypted journal (see encryption/), with the
keys of the ``Keyring`` each caller is given, and ``reading`` opens what was read.
So every writer (journal files, backups, drafts, conflict copies) gets encryption
without a copy of the logic, and plaintext never reaches a temp file.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from hearthside.errors import StoreError
from hearthside.paths import FILE_MODE
from hearthside.store.encryption import sealing
from hearthside.store.encryption.keys import Keyring

TEMP_PREFIX = ".hearthside-"
TEMP_SUFFIX = ".tmp"
# The writer's pid is in a temp file's name, so a leftover of a dead writer can be
# told from a file a live one (an export, a draft) is still writing.
_TEMP_NAME = re.compile(r"^\.hearthside-(?:(\d+)-)?[^/]*\.tmp$")
TRANSACTION = ".transaction"

# What identifies one version of the file on disk: a rename gives a new inode,
# and mtime plus size catch the rare reuse of an inode number.
Signature = tuple[int, int, int]


def signature_of(st: os.stat_result) -> Signature:
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def kind_of_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a link to another file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something other than a file"


def write_atomically(path: Path, payload: bytes, keys: Keyring | None = None) -> Signature:
    """Replace ``path`` with ``payload`` so that readers see the old or the new file, whole.

    A private file of an encrypted journal is sealed first, so even the temp file
    holds only ciphertext. Returns the new file's signature, taken from the written
    descriptor so no other writer can slip in between writing and remembering it.
    """
    refuse_unless_regular(path)
    tmp, sig = stage(path, sealing.seal(path, payload, keys))
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
    # Imported on the first write: a command that only reads never pays for it.
    import tempfile

    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=path.parent
        )
    except OSError as exc:
        raise _not_written(path, exc) from None
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


def refuse_unless_regular(path: Path) -> None:
    """Only a new path or a regular file is ever written: never a link, a device or a pipe."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _not_written(path, exc) from None
    if not stat.S_ISREG(mode):
        raise StoreError(
            f"{path} is {kind_of_file(mode)}, not a regular file. Nothing was written: "
            "Hearthside only writes new files or replaces regular ones, never through a "
            "link or over a device."
        )


def write_together(files: list[tuple[Path, bytes]], keys: Keyring | None) -> dict[Path, Signature]:
    """Replace several files of one folder as one change: after a kill, all of it or none.

    Each file is staged (sealed when private) beside its target; then the list of
    staged files is written atomically as the commit marker; only then are they
    renamed into place. A kill before the marker leaves temp files the next start
    removes (none of the change); a kill after it leaves a change the next start
    finishes (all of it, see ``finish_interrupted``). Files are renamed in the order
    given, so a reader that sees the last one sees the others.
    """
    if len(files) == 1:
        path, data = files[0]
        return {path: write_atomically(path, data, keys)}
    folders = {path.parent for path, _data in files}
    if len(folders) != 1:
        raise ValueError("one transaction writes files of one folder")
    folder = folders.pop()
    for path, _data in files:
        refuse_unless_regular(path)
    staged: list[tuple[Path, Path, Signature]] = []
    try:
        for path, data in files:
            tmp, sig = stage(path, sealing.seal(path, data, keys))
            staged.append((tmp, path, sig))
        plan = [{"temp": t.name, "file": p.name, "signature": list(s)} for t, p, s in staged]
        write_atomically(folder / TRANSACTION, orjson.dumps(plan))
    except BaseException:
        for tmp, _path, _sig in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    # Committed: from here on the change is made; a failure only delays finishing it.
    _roll_forward(folder, [(t.name, p.name) for t, p, _s in staged])
    return {path: sig for _tmp, path, sig in staged}


def finish_interrupted(folder: Path) -> dict[str, Signature]:
    """Under the write lock: finish a change a kill interrupted after it was committed.

    Returns each finished file's name and signature (a rename keeps the staged
    file's), so they can be noted as Hearthside's own writing.
    """
    marker = folder / TRANSACTION
    try:
        raw = marker.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise StoreError(
            f"{marker} can't be read ({exc.strerror or exc}), so an interrupted save can't "
            "be finished. Nothing was changed; check the folder's permissions."
        ) from None
    plan = _read_plan(raw)
    if plan is None:
        # Not a marker Hearthside wrote whole (markers are replaced atomically): the
        # files it would name were never renamed, and the journal is as it was.
        with contextlib.suppress(OSError):
            marker.unlink()
        return {}
    _roll_forward(folder, [(temp, name) for temp, name, _sig in plan])
    return {name: sig for _temp, name, sig in plan}


def _read_plan(raw: bytes) -> list[tuple[str, str, Signature]] | None:
    try:
        found = orjson.loads(raw)
        plan = [
            (str(step["temp"]), str(step["file"]), _signature(step["signature"])) for step in found
        ]
    except (orjson.JSONDecodeError, TypeError, KeyError, ValueError):
        return None
    for temp, name, _sig in plan:
        if not _TEMP_NAME.match(temp) or "/" in name or name.startswith("."):
            return None
    return plan


def _signature(raw: Any) -> Signature:
    ino, mtime, size = (int(v) for v in raw)
    return (ino, mtime, size)


def _roll_forward(folder: Path, renames: list[tuple[str, str]]) -> None:
    """Rename the staged files into place. The change is committed already, so a rename
    that fails leaves the marker for the next start to finish, rather than an error."""
    finished = True
    for temp, name in renames:
        try:
            (folder / temp).replace(folder / name)
        except FileNotFoundError:
            pass  # renamed by an earlier, interrupted run
        except OSError:
            finished = False
    fsync_dir(folder)
    if finished:
        with contextlib.suppress(OSError):
            (folder / TRANSACTION).unlink()
        fsync_dir(folder)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running (ours included)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except (OverflowError, ValueError):
        return False
    return True


def stale_temps(folders: Iterable[Path]) -> list[Path]:
    """Temp files in ``folders`` whose writer is gone: what a kill mid-write leaves.

    Not those of a committed change still to be finished (``finish_interrupted``).
    """
    found = []
    for folder in folders:
        try:
            names = [p for p in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}") if p.is_file()]
        except OSError:
            continue
        if not names:
            continue
        pending = set()
        with contextlib.suppress(OSError):
            plan = _read_plan((folder / TRANSACTION).read_bytes())
            pending = {temp for temp, _name, _sig in plan or []}
        for path in names:
            match = _TEMP_NAME.match(path.name)
            writer = match.group(1) if match else None
            if path.name not in pending and not (writer and pid_alive(int(writer))):
                found.append(path)
    return sorted(found)


def temp_folders(root: Path) -> set[Path]:
    """Every folder under ``root`` (itself included) holding a temp file."""
    return {p.parent for p in root.rglob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}")}


def remove_stale_temps(folders: Iterable[Path]) -> list[Path]:
    """Remove what ``stale_temps`` finds; returns what was removed."""
    removed = []
    for path in stale_temps(folders):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


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
