"""The lock that lets one writer (ingest, optimize, vacuum) at a time work on an output directory.

Delta's own conflict check would refuse a second writer's commit, but a batch
is several commits (one per table) and its documents were chosen against the
snapshot it started from, so writers take turns instead. Readers never lock.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from .delta import storage_errors

LOCK_NAME = ".lock"


class CuratedLock:
    """An exclusive lock on an output directory; a second writer waits for the first."""

    def __init__(self, out: Path, on_wait=None):
        self.path = Path(out) / LOCK_NAME
        self.on_wait = on_wait
        self.fd: int | None = None

    def __enter__(self) -> CuratedLock:
        with storage_errors(self.path):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.fd = fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if self.on_wait:
                self.on_wait(self.path)
            fcntl.flock(fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
