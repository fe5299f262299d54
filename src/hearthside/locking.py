"""One writer at a time, across processes, without ever leaving the journal locked.

The lock is the kernel's (flock) on ``.lock`` in the home: held only while a
change is being written, and dropped by the kernel if the holder dies, so a
killed process never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from hearthside.errors import StoreError
from hearthside.paths import FILE_MODE

LOCK_TIMEOUT = 10.0


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, timeout: float = LOCK_TIMEOUT) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
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
        # The pid is only for `doctor` to report; the kernel lock is what counts.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

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
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.read(fd, 32).decode(errors="replace").strip()
            return f"process {pid}" if pid else "another process"
        finally:
            os.close(fd)
        return None
