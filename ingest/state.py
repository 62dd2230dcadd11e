"""What the curated directory already holds, and the lock that lets one ingest run at a time."""
from __future__ import annotations

import fcntl
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq

from parsers import PARSER_VERSION

from .compact import doc_files, part_files, recover
from .config import TMP_DIRNAME
from .schema import CHILD_TABLES
from .writer import remove_document

LOCK_NAME = ".lock"


class CuratedLock:
    """An exclusive lock on an output directory; a second run waits for the first."""

    def __init__(self, out: Path, on_wait=None):
        self.path = out / LOCK_NAME
        self.on_wait = on_wait
        self.fd: int | None = None

    def __enter__(self) -> CuratedLock:
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


@dataclass
class CuratedState:
    """The documents already written: their parser version and source path."""

    versions: dict[str, str] = field(default_factory=dict)  # doc_id -> parser_version
    by_path: dict[str, str] = field(default_factory=dict)  # source_path -> doc_id
    compacted: set[str] = field(default_factory=set)  # doc_ids whose rows live in part files

    @classmethod
    def load(cls, out: Path) -> CuratedState:
        state = cls()
        if not any((out / "documents").glob("*.parquet")):
            return state
        table = ds.dataset(out / "documents", format="parquet").to_table(
            columns=["doc_id", "parser_version", "source_path"])
        for row in table.to_pylist():
            state.versions[row["doc_id"]] = row["parser_version"]
            state.by_path[row["source_path"]] = row["doc_id"]
        for part in part_files(out, "documents"):
            state.compacted |= set(pq.read_table(part, columns=["doc_id"]).column("doc_id").to_pylist())
        return state

    def is_current(self, doc_id: str) -> bool:
        """Written before by this parser version: nothing to do."""
        return self.versions.get(doc_id) == PARSER_VERSION


def remove_leftovers(out: Path, state: CuratedState) -> int:
    """Delete what a killed run left: staged files, and table files of documents never completed."""
    recover(out)
    shutil.rmtree(out / TMP_DIRNAME, ignore_errors=True)
    orphans = set()
    for table in CHILD_TABLES:
        orphans |= {f.stem for f in doc_files(out, table) if f.stem not in state.versions}
    for doc_id in orphans:
        remove_document(out, doc_id)
    return len(orphans)
