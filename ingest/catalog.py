"""DuckDB views over the curated Parquet tables."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from .schema import INGEST_ERRORS, TABLES


def table_glob(out: Path, table: str) -> str:
    return str(out / table / "**" / "*.parquet")


def connect(curated: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per curated table (empty where nothing is ingested yet)."""
    con = duckdb.connect()
    for table, schema in {**TABLES, "ingest_errors": INGEST_ERRORS}.items():
        source = f"_files_{table}"
        if any((curated / table).glob("**/*.parquet")):
            path = table_glob(curated, table).replace("'", "''")
            con.execute(f"create view {source} as select * from read_parquet('{path}', "
                        "hive_partitioning = true, union_by_name = true)")
        else:
            con.register(source, pa.Table.from_pylist([], schema=schema))
        listed = "" if table in ("documents", "ingest_errors") else \
            " where doc_id in (select doc_id from _files_documents)"  # leftovers of a killed run are not listed
        con.execute(f"create view {table} as select * from {source}{listed}")
    return con
