"""DuckDB views over the curated Parquet tables."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from .schema import TABLES


def table_glob(out: Path, table: str) -> str:
    return str(out / table / "**" / "*.parquet")


def connect(curated: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per curated table (empty where nothing is ingested yet)."""
    con = duckdb.connect()
    for table, schema in TABLES.items():
        if any((curated / table).glob("**/*.parquet")):
            path = table_glob(curated, table).replace("'", "''")
            con.execute(f"create view {table} as select * from read_parquet('{path}', "
                        "hive_partitioning = true, union_by_name = true)")
        else:
            con.register(f"_empty_{table}", pa.Table.from_pylist([], schema=schema))
            con.execute(f"create view {table} as select * from _empty_{table}")
    return con
