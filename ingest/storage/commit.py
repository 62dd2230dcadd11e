"""Commit a batch of documents: every other table first, documents last, recording their versions.

A document re-ingested (or the old version of a changed file) has its rows
replaced by predicate on doc_id in the same commit that adds the new rows.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
from deltalake import DeltaTable

from .delta import OTHER_TABLES, SCHEMAS, commit_info, is_delta, log_versions, storage_errors, table_dir, write_table
from .snapshot import Snapshot, snapshot


@dataclass
class BatchWriter:
    """The documents of one run, gathered and committed a batch at a time."""

    out: Path
    run: str
    listed: set[str] = field(default_factory=set)  # doc_ids in the last committed snapshot
    rows: dict[str, list[dict]] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)  # doc_ids in this batch, in file order
    removed: set[str] = field(default_factory=set)  # doc_ids this batch takes out (old versions of changed files)
    files: int = 0  # files whose outcome this batch records
    commits: int = 0
    errors_committed: int = 0  # failed files in the ingest_errors of this run's last commit

    def add(self, doc_id: str, rows: dict[str, list[dict]]) -> None:
        for table, table_rows in rows.items():
            self.rows.setdefault(table, []).extend(table_rows)
        self.written.append(doc_id)

    def remove(self, doc_id: str) -> None:
        self.removed.add(doc_id)

    @property
    def pending(self) -> int:
        """Documents waiting for the next commit."""
        return len(self.written)

    def commit(self, errors: list[dict]) -> int:
        """Commit the gathered documents and this run's `errors`; the new version of documents."""
        # Delta checks that the new rows match the predicate, so it names every document of the batch.
        replace = set(self.written) | self.removed if (set(self.written) & self.listed) or self.removed else set()
        versions = {}
        for name in OTHER_TABLES:
            if name == "ingest_errors":
                versions[name] = write_table(self.out, name, rows_table(name, errors), overwrite=True)
            else:
                versions[name] = write_table(self.out, name, rows_table(name, self.rows.get(name, [])), replace)
        record = {"operation": "ingest", "run": self.run, "files": self.files,
                  "added": [d for d in self.written if d not in self.listed],
                  "replaced": [d for d in self.written if d in self.listed],
                  "removed": sorted(self.removed - set(self.written)), "versions": versions}
        version = write_table(self.out, "documents", rows_table("documents", self.rows.get("documents", [])),
                              replace, meta=record)
        self.listed = (self.listed - self.removed) | set(self.written)
        self.rows, self.written, self.removed, self.files = {}, [], set(), 0
        self.commits += 1
        self.errors_committed = len(errors)
        return version


def rows_table(name: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


SAME_DATA = {"OPTIMIZE", "VACUUM START", "VACUUM END"}  # operations that leave a table's rows as they were


def changed_since(path: Path, version: int) -> bool:
    """Whether a commit after `version` changed the table's rows (an optimize or vacuum does not)."""
    return any(commit_info(path, v).get("operation") not in SAME_DATA for v in log_versions(path) if v > version)


def restore_uncommitted(out: Path) -> list[str]:
    """Put back every table whose rows changed after the version the last documents commit recorded.

    Those changes belong to a batch whose documents commit never came (a run
    killed or stopped by an error); no reader has seen them. Tables written
    before any documents commit at all are removed. The tables restored.
    """
    snap: Snapshot | None = snapshot(out)
    restored = []
    for name in OTHER_TABLES:
        path = table_dir(out, name)
        if not is_delta(path):
            continue
        with storage_errors(path):
            if snap is None:
                shutil.rmtree(path)
                restored.append(name)
                continue
            target = snap.versions.get(name)
            if target is not None and changed_since(path, target):
                DeltaTable(str(path)).restore(target)
                restored.append(name)
    return restored
