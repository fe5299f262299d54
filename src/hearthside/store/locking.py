"""One writer at a time, across processes, without ever leaving the journal locked.

The lock is the kernel's (flock) on ``.lock`` in the home: held only while a
change is being written, and dropped by the kernel if the holder dies, so a
killed process never leaves a stale lock behind. ``.lock`` is the one file
Hearthside writes in place, so it is opened without following a link and only
used when it is a regular file.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import time
from pathlib import Path

from hearthside.errors import StoreError
from hearthside.paths import FILE_MODE
from hearthside.store.atomic_storage import kind_of_file

LOCK_TIMEOUT = 10.0


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, timeout: float = LOCK_TIMEOUT) -> None:
        fd = self._open()
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreError(
                        f"Another Hearthside has been saving for over {timeout:.0f} s and "
                        "still holds the journal. Nothing was written; wait a moment and "
                        "try again, or run `hearthside doctor`."
                    ) from None
                time.sleep(0.01)
        # The pid is only for `doctor` to report; the kernel lock is what counts, so a
        # full disk here is no reason to refuse the save.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def _open(self) -> int:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, FILE_MODE)
        except OSError as exc:
            raise self._refusal(exc) from None
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            os.close(fd)
            raise self._not_a_file(mode)
        return fd

    def _refusal(self, exc: OSError) -> StoreError:
        if exc.errno == errno.ELOOP:
            return self._not_a_file(stat.S_IFLNK)
        if exc.errno == errno.EISDIR:
            return self._not_a_file(stat.S_IFDIR)
        return StoreError(
            f"Hearthside can't write in {self.path.parent} ({exc.strerror or exc}). Nothing "
            "was written. Check that the folder is yours and not read-only, or choose "
            "another with --home."
        )

    def _not_a_file(self, mode: int) -> StoreError:
        return StoreError(
            f"{self.path} is {kind_of_file(mode)}, where Hearthside keeps its lock file. "
            "Nothing was written, and nothing will be written through it: remove it, "
            "and Hearthside makes a new one."
        )

    def problem(self) -> str | None:
        """What is wrong with the lock file in plain words, or None (for ``doctor``)."""
        try:
            mode = os.lstat(self.path).st_mode
        except FileNotFoundError:
            return None
        except OSError as exc:
            return str(self._refusal(exc))
        return None if stat.S_ISREG(mode) else str(self._not_a_file(mode))

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

    def holder(self) -> str | None:
        """Who holds the lock right now, or None when it is free."""
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            return None  # no lock file (or not one Hearthside can use: see problem())
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.read(fd, 32).decode(errors="replace").strip()
            return f"process {pid}" if pid else "another process"
        finally:
            os.close(fd)
        return None
