"""Keeping the Delta tables small and fast: optimize (compaction), vacuum, and the history of batches."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from deltalake import CommitProperties, DeltaTable

if TYPE_CHECKING:
    import pandas as pd

from .commit import restore_uncommitted, rows_table
from .delta import META_KEY, OTHER_TABLES, is_delta, storage_errors, table_dir, write_table
from .migrate import refuse_old_format
from .snapshot import batch_record, commit_time, history_of, snapshot


def file_count(out: Path, name: str = "documents") -> int:
    """The data files of a table's latest version."""
    path = table_dir(out, name)
    with storage_errors(path):
        return len(DeltaTable(str(path)).file_uris()) if is_delta(path) else 0


def optimize(out: Path, run: str | None = None) -> int:
    """Compact every table's small files into large ones (documents last); the files rewritten.

    The data stay the same. A documents commit records the tables' new
    versions, so readers go on to the compacted files.
    """
    restore_uncommitted(out)
    if snapshot(out) is None:
        return 0
    rewritten, versions = 0, {}
    for name in OTHER_TABLES:
        path = table_dir(out, name)
        with storage_errors(path):
            table = DeltaTable(str(path))
            rewritten += table.optimize.compact()["numFilesRemoved"]
            versions[name] = table.version()
    record: dict = {"operation": "optimize", "run": run, "files": 0, "added": [], "replaced": [], "removed": [],
              "versions": versions}
    path = table_dir(out, "documents")
    with storage_errors(path):
        table = DeltaTable(str(path))
        before = table.version()
        rewritten += table.optimize.compact(commit_properties=CommitProperties(
            custom_metadata={META_KEY: json.dumps(record)}))["numFilesRemoved"]
        if DeltaTable(str(path)).version() == before and rewritten:  # documents had nothing to compact
            write_table(out, "documents", rows_table("documents", []), meta=record)
    return rewritten


def vacuum(out: Path, retain_hours: int) -> int:
    """Delete the files no snapshot of the last `retain_hours` needs; the files deleted."""
    restore_uncommitted(out)
    snap = snapshot(out)
    if snap is None:
        return 0
    deleted = 0
    for name, version in snap.versions.items():
        path = table_dir(out, name)
        with storage_errors(path):
            deleted += len(DeltaTable(str(path)).vacuum(
                retention_hours=retain_hours, dry_run=False, enforce_retention_duration=False,
                keep_versions=[version]))
    return deleted


def history(out: Path) -> pd.DataFrame:
    """One row per version of documents, newest first: when, what, which run, files and documents.

    Versions that vplan did not make as a batch (a vacuum's two commits)
    have no run, files or documents.
    """
    refuse_old_format(out)
    rows = []
    if is_delta(table_dir(out, "documents")):
        for entry in history_of(out):
            record = batch_record(entry)
            counts = {k: len(record[k]) for k in ("added", "replaced", "removed")} if record else {}
            rows.append({
                "version": entry["version"], "time": commit_time(entry).astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                "operation": record["operation"] if record else entry.get("operation", "").lower(),
                "run": record.get("run") if record else None, "files": record.get("files") if record else None,
                **counts})
    columns = ["version", "time", "operation", "run", "files", "added", "replaced", "removed"]
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({c: "Int64" for c in ("files", "added", "replaced", "removed")})
