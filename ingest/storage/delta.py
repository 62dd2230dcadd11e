"""One Delta table of the output directory: where it lives, one commit to it, and clean errors."""
from __future__ import annotations

import errno
import json
import os
import re
import sys
import tempfile
from collections.abc import Collection
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
from deltalake import CommitProperties, DeltaTable, write_deltalake
from deltalake.exceptions import DeltaError

from parsers.errors import StorageError

from ..schema import INGEST_ERRORS, TABLES

SCHEMAS: dict[str, pa.Schema] = {**TABLES, "ingest_errors": INGEST_ERRORS}
OTHER_TABLES = [t for t in SCHEMAS if t != "documents"]  # committed before documents in every batch
META_KEY = "vplan"  # the commit-metadata key of vplan's own commits to documents
# Delta drops log entries older than 30 days by default; an audit trail keeps them (vacuum decides about data).
TABLE_CONFIGURATION = {"delta.logRetentionDuration": "interval 3650 days"}

OS_ERRORS = {errno.ENOSPC: "no space left on device", errno.EDQUOT: "disk quota exceeded",
             errno.EROFS: "read-only file system", errno.EACCES: "permission denied",
             errno.EPERM: "operation not permitted", errno.ENOENT: "a file the table needs is missing"}


def table_dir(out: Path, name: str) -> Path:
    return Path(out) / name


def is_delta(path: Path) -> bool:
    return (path / "_delta_log").is_dir() and DeltaTable.is_deltatable(str(path))


def doc_predicate(doc_ids: Collection[str]) -> str:
    """A Delta predicate matching the rows of these documents (doc_ids are hex digits)."""
    return "doc_id IN (" + ", ".join(f"'{d}'" for d in sorted(doc_ids)) + ")"


def write_table(out: Path, name: str, data: pa.Table, replace: Collection[str] = (), overwrite: bool = False,
                meta: dict | None = None) -> int:
    """One commit to table `name`; the table's new version.

    The rows of the documents in `replace` are replaced by `data` in that same
    commit; with `overwrite` the table becomes `data`; else `data` is appended
    (no rows still makes a commit, so every table moves with each batch). A
    column new in `ingest/schema.py` is added to the table's schema.
    """
    path = table_dir(out, name)
    props = CommitProperties(custom_metadata={META_KEY: json.dumps(meta)}) if meta is not None else None
    with storage_errors(path):
        if overwrite or replace:
            predicate = None if overwrite else doc_predicate(replace)
            write_deltalake(str(path), data, mode="overwrite", predicate=predicate, schema_mode="merge",
                            configuration=TABLE_CONFIGURATION, commit_properties=props)
        else:
            write_deltalake(str(path), data, mode="append", schema_mode="merge",
                            configuration=TABLE_CONFIGURATION, commit_properties=props)
        return DeltaTable(str(path)).version()


def log_versions(path: Path) -> list[int]:
    """The versions of a table whose commit file its log holds, newest first."""
    with storage_errors(path):
        return sorted((int(p.stem) for p in (path / "_delta_log").glob("*.json") if p.stem.isdigit()), reverse=True)


def commit_info(path: Path, version: int) -> dict:
    """The commit information of one version of a table (time, operation, metadata), with its version.

    It is read from that version's own log file: delta-rs's `history()` numbers
    the newest commits counting down from the version its table object was
    loaded at, so a commit made in between gets the wrong number.
    """
    with storage_errors(path):
        lines = (path / "_delta_log" / f"{version:020}.json").read_text(encoding="utf-8").splitlines()
    info: dict = next((json.loads(line)["commitInfo"] for line in lines if '"commitInfo"' in line), {})
    return {**info, "version": version}


def latest_version(path: Path) -> int:
    with storage_errors(path):
        return DeltaTable(str(path)).version()


def os_errno(exc: BaseException) -> int | None:
    if isinstance(exc, OSError) and exc.errno:
        return exc.errno
    found = re.search(r"os error (\d+)|code: (\d+)", str(exc))
    return int(found.group(1) or found.group(2)) if found else None


def describe(exc: BaseException) -> str:
    """A one-line account of an error from the file system or from delta-rs."""
    code = os_errno(exc)
    if code in OS_ERRORS:
        return f"{OS_ERRORS[code]} (errno {code})"
    text = re.sub(r"\x1b\[[0-9;]*m|↳", "", str(exc))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0][:300] if lines else type(exc).__name__


PANIC_LINE = re.compile(r"^thread '.*' \(?\d*\)? ?panicked at |^stack backtrace:|^note: .*RUST_BACKTRACE|^\s+\d+: |^\s+at ")


def without_panics(text: str) -> str:
    """`text` without the report of a Rust panic (its first line, its message line and any backtrace)."""
    kept, after_panic = [], False
    for line in text.splitlines(keepends=True):
        if PANIC_LINE.match(line):
            after_panic = line.startswith("thread ")
            continue
        if after_panic:  # the panic's message, on the line after "panicked at …:"
            after_panic = False
            continue
        kept.append(line)
    return "".join(kept).strip("\n") + ("\n" if kept and "".join(kept).strip() else "")


@contextmanager
def native_panics_hidden():
    """Keep a delta-rs background thread's panic report off the terminal.

    When a write fails (a full disk), object_store's buffered writer panics in
    a tokio thread after the error has already come back as an exception, and
    Rust prints that to file descriptor 2. While Delta works, descriptor 2 goes
    to a temporary file; what else was written there is passed on after.
    """
    try:
        sys.stderr.flush()
        captured = tempfile.TemporaryFile()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no descriptor 2, or no room for the file: leave it be
        yield
        return
    with captured:
        os.dup2(captured.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            rest = without_panics(captured.read().decode("utf-8", "replace"))
            if rest:
                sys.stderr.write(rest)


@contextmanager
def storage_errors(where: Path):
    """Turn the file system's and delta-rs's errors into a StorageError naming `where`."""
    try:
        with native_panics_hidden():
            yield
    except (OSError, DeltaError) as exc:
        raise StorageError(describe(exc), str(where)) from exc
    except Exception as exc:
        if not isinstance(exc, duckdb_io_errors()):
            raise
        raise StorageError(describe(exc), str(where)) from exc


def duckdb_io_errors() -> tuple[type[Exception], ...]:
    """DuckDB's error for a file it cannot read or write, when DuckDB is in use (it is loaded only
    by what queries; ingest does without it)."""
    duckdb = sys.modules.get("duckdb")
    return (duckdb.IOException,) if duckdb is not None else ()


def conform(data: pa.Table, schema: pa.Schema) -> pa.Table:
    """`data` with exactly the columns of `schema`, in its order and types; a column it lacks is null."""
    columns = [data[f.name].cast(f.type) if f.name in data.column_names else pa.nulls(data.num_rows, f.type)
               for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)
