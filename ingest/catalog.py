"""DuckDB views over the curated Parquet tables, in memory or in a catalog file."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pyarrow as pa

from .config import QUERIES_DIR
from .schema import INGEST_ERRORS, TABLES


def table_glob(out: Path, table: str) -> str:
    return str(out / table / "**" / "*.parquet")


def create_views(con: duckdb.DuckDBPyConnection, curated: Path, materialise: bool = False) -> None:
    """One view per curated table (empty where nothing is ingested yet), then `queries/_views.sql`.

    With `materialise` the tables are loaded into the connection once, so that
    warm queries do not read the Parquet files again.
    """
    for table, schema in {**TABLES, "ingest_errors": INGEST_ERRORS}.items():
        source = f"_files_{table}"
        if any((curated / table).glob("**/*.parquet")):
            path = table_glob(curated, table).replace("'", "''")
            con.execute(f"create or replace view {source} as select * from read_parquet('{path}', "
                        "hive_partitioning = true, union_by_name = true)")
        else:
            con.register("_empty", pa.Table.from_pylist([], schema=schema))
            con.execute(f"create or replace table {source} as select * from _empty")
            con.unregister("_empty")
        listed = "" if table in ("documents", "ingest_errors") else \
            " where doc_id in (select doc_id from _files_documents)"  # leftovers of a killed run are not listed
        kind = "table" if materialise else "view"
        con.execute(f"create or replace {kind} {table} as select * from {source}{listed}")
    con.execute((QUERIES_DIR / "_views.sql").read_text(encoding="utf-8"))


def connect(curated: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB holding the curated tables and the views over them."""
    con = duckdb.connect()
    create_views(con, Path(curated), materialise=True)
    return con


def write_catalog(curated: Path) -> Path:
    """A DuckDB database file beside the curated tables holding the same views (absolute paths)."""
    path = Path(curated) / "vplan.duckdb"
    tmp = path.with_name("vplan.duckdb.tmp")
    tmp.unlink(missing_ok=True)
    with duckdb.connect(str(tmp)) as con:
        create_views(con, Path(curated).resolve())
    os.replace(tmp, path)
    return path
