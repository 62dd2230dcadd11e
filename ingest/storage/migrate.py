"""Convert an output directory written by an earlier vplan (plain Parquet folders) to Delta tables, once.

The earlier layout held per-document files (`<table>/<doc_id>.parquet`) and
compacted part files (`<table>/part-*.parquet`). The conversion reads each
table as a reader of that layout did (a document's rows from one file only;
rows of documents that `documents` does not list are a killed run's
leftovers), writes the Delta tables under `.migration/` (documents last),
then moves each into place. A conversion cut short is redone from the old
folders, or, once the staged documents table is complete, finished. The two
layouts are never mixed in one folder.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from parsers.errors import UsageError

if TYPE_CHECKING:
    import duckdb

from .delta import OTHER_TABLES, SCHEMAS, conform, is_delta, storage_errors, table_dir, write_table

STAGE = ".migration"
OLD_LEFTOVERS = [".tmp", ".compact.json", "vplan.duckdb"]  # staging, journal, and a catalog of views over folders


def is_old_format(out: Path) -> bool:
    docs = table_dir(out, "documents")
    return (Path(out) / STAGE).exists() or (any(docs.glob("*.parquet")) and not is_delta(docs))


def refuse_old_format(out: Path) -> None:
    if is_old_format(out):
        raise UsageError(f"{out} holds tables in the Parquet layout of an earlier vplan; `vplan ingest --out "
                         f"{out}` or `vplan optimize --out {out}` converts them to Delta tables once")


def old_rows(con: duckdb.DuckDBPyConnection, out: Path, name: str) -> pa.RecordBatchReader:
    """A table of the earlier layout, streamed: listed documents only, each from one file."""
    files = str(table_dir(out, name) / "*.parquet").replace("'", "''")
    schema = SCHEMAS[name]
    if not any(table_dir(out, name).glob("*.parquet")):
        return pa.RecordBatchReader.from_batches(schema, [])
    source = f"read_parquet('{files}', union_by_name = true, filename = true)"
    if "doc_id" not in schema.names:
        sql = f"select * exclude (filename) from {source}"
    else:
        sql = (f"select * exclude (filename) from {source} "
               "qualify filename = min(filename) over (partition by doc_id)")  # a cut-short compaction left two
        if name != "documents":
            sql += " and doc_id in (select doc_id from _old_documents)"
    relation = con.sql(sql)
    reader = relation.to_arrow_reader() if hasattr(relation, "to_arrow_reader") else relation.fetch_arrow_reader()
    return pa.RecordBatchReader.from_batches(
        schema, (b for batch in reader for b in conform(pa.Table.from_batches([batch]), schema).to_batches()))


def stage_tables(out: Path, stage: Path) -> int:
    """Write every table of the earlier layout as a Delta table under `stage`; the documents converted."""
    import duckdb

    con = duckdb.connect()
    documents = pa.Table.from_batches(list(old_rows(con, out, "documents")), SCHEMAS["documents"])
    con.register("_old_documents", documents)
    versions = {name: write_table(stage, name, old_rows(con, out, name)) for name in OTHER_TABLES}
    doc_ids = documents.column("doc_id").to_pylist()
    write_table(stage, "documents", documents, meta={
        "operation": "migrate", "run": None, "files": len(doc_ids), "added": doc_ids, "replaced": [],
        "removed": [], "versions": versions})
    return len(doc_ids)


def swap_in(out: Path, stage: Path) -> list[str]:
    """Move the staged tables into place, documents last, the old folders aside; then clear what is left.

    The leftovers of the earlier layout that were removed.
    """
    for name in OTHER_TABLES + ["documents"]:
        if is_delta(stage / name):
            if table_dir(out, name).exists():
                table_dir(out, name).rename(stage / f"old-{name}")
            (stage / name).rename(table_dir(out, name))
    removed = [name for name in OLD_LEFTOVERS if (Path(out) / name).exists()]
    for name in removed:
        path = Path(out) / name
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    shutil.rmtree(stage)
    return removed


def migrate(out: Path, on_note: Callable[[str], None] | None = None) -> int | None:
    """Convert the earlier layout (the caller holds the lock); the documents converted, None if none."""
    out, stage = Path(out), Path(out) / STAGE
    with storage_errors(out):
        if stage.exists() and (is_delta(stage / "documents") or is_delta(table_dir(out, "documents"))):
            swap_in(out, stage)  # a conversion cut short after its last commit: finish it
            return None
        shutil.rmtree(stage, ignore_errors=True)
        if not is_old_format(out):
            return None
        if on_note:
            on_note(f"converting {out} from the Parquet layout of an earlier vplan to Delta tables")
        converted = stage_tables(out, stage)
        removed = swap_in(out, stage)
    if on_note:
        on_note(f"converted {converted} documents to Delta tables; the old files are removed"
                + (" (`vplan sql` writes a new vplan.duckdb)" if "vplan.duckdb" in removed else ""))
    return converted
