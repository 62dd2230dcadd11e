"""DuckDB over a snapshot of the curated tables: real tables (not views over folders) and `queries/_views.sql`."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from .config import QUERIES_DIR
from .storage.snapshot import empty_tables, snapshot


def snapshot_tables(curated: Path, as_of: str | int | datetime | None = None) -> dict[str, pa.Table]:
    """Every curated table at the latest snapshot (or the one `as_of`); empty tables before any ingest."""
    snap = snapshot(Path(curated), as_of)
    return snap.tables() if snap else empty_tables()


def load_tables(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> None:
    """Copy the tables into the connection, then create the views the named queries build on."""
    for name, data in tables.items():
        con.register("_snapshot_table", data)
        con.execute(f"create or replace table {name} as select * from _snapshot_table")
        con.unregister("_snapshot_table")
    con.execute((QUERIES_DIR / "_views.sql").read_text(encoding="utf-8"))


def connect(curated: Path, as_of: str | int | datetime | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB holding one snapshot of the curated tables and the views over them."""
    con = duckdb.connect()
    load_tables(con, snapshot_tables(curated, as_of))
    return con
