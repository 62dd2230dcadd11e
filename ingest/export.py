"""`vplan export` and `vplan sql`: a plain snapshot of the curated tables, for tools that do not read Delta.

Each format is one function taking the snapshot's tables (name -> Arrow
table) and a destination folder, and giving back the files it wrote.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from .catalog import load_tables, snapshot_tables
from .storage.delta import storage_errors

CATALOG_NAME = "vplan.duckdb"
EXCEL_NAME = "vplan.xlsx"


def write_parquet_files(tables: dict[str, pa.Table], folder: Path) -> list[Path]:
    """One Parquet file per table, `<folder>/<table>.parquet`."""
    written = []
    for name, data in tables.items():
        path = folder / f"{name}.parquet"
        pq.write_table(data, path.with_name(path.name + ".tmp"))
        os.replace(path.with_name(path.name + ".tmp"), path)
        written.append(path)
    return written


def write_duckdb_file(tables: dict[str, pa.Table], folder: Path) -> list[Path]:
    """`<folder>/vplan.duckdb`: the tables and the views of `queries/_views.sql`, opened with no extension."""
    path = folder / CATALOG_NAME
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    with duckdb.connect(str(tmp)) as con:
        load_tables(con, tables)
    os.replace(tmp, path)
    return [path]


def write_excel_file(tables: dict[str, pa.Table], folder: Path) -> list[Path]:
    """`<folder>/vplan.xlsx`: one sheet per table (`excel.write_xlsx`)."""
    from .excel import write_xlsx

    path = folder / EXCEL_NAME
    write_xlsx({name: data.to_pandas() for name, data in tables.items()}, path)
    return [path]


EXPORTERS: dict[str, Callable[[dict[str, pa.Table], Path], list[Path]]] = {
    "parquet": write_parquet_files,
    "duckdb": write_duckdb_file,
    "xlsx": write_excel_file,
}


def export(curated: Path, folder: Path, fmt: str, as_of: str | int | datetime | None = None) -> list[Path]:
    """Write the snapshot (latest, or `as_of`) of the curated tables to `folder` in format `fmt`."""
    tables = snapshot_tables(curated, as_of)
    with storage_errors(folder):
        folder.mkdir(parents=True, exist_ok=True)
        return EXPORTERS[fmt](tables, folder)
