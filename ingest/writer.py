"""Write one document's rows as Parquet, atomically: temporary files first, then renames."""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .compact import drop_from_parts
from .config import TMP_DIRNAME
from .schema import CHILD_TABLES, TABLES


def table_path(out: Path, table: str, doc_id: str) -> Path:
    return out / table / f"{doc_id}.parquet"


def write_document(out: Path, doc_id: str, rows: dict[str, list[dict]], in_parts: bool = False) -> None:
    """Replace every table's file for `doc_id`.

    All files are staged first. The old documents row goes before any table
    file is replaced and the new one is renamed in last, so a document is
    listed only while all its files are complete; files of an unlisted
    document are leftovers that the next run removes. A document whose rows
    were compacted into part files (`in_parts`) is first taken out of them.
    """
    tmp = out / TMP_DIRNAME
    tmp.mkdir(parents=True, exist_ok=True)
    staged = []
    for table in CHILD_TABLES + ["documents"]:
        part = tmp / f"{table}.{doc_id}.parquet"
        pq.write_table(pa.Table.from_pylist(rows.get(table, []), schema=TABLES[table]), part)
        staged.append((part, table_path(out, table, doc_id)))
    table_path(out, "documents", doc_id).unlink(missing_ok=True)
    if in_parts:
        drop_from_parts(out, doc_id)
    for part, final in staged:
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, final)


def remove_document(out: Path, doc_id: str, in_parts: bool = False) -> None:
    """Remove a document's rows; the documents row goes first so no half document is listed."""
    for table in TABLES:  # documents first
        table_path(out, table, doc_id).unlink(missing_ok=True)
    if in_parts:
        drop_from_parts(out, doc_id)
