"""The output and export formats the CLI offers, named without loading what writes them."""
from __future__ import annotations

import enum


class OutputFormat(enum.StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"
    xlsx = "xlsx"


class ExportFormat(enum.StrEnum):
    """`vplan export --format` (`export.EXPORTERS` writes each)."""
    parquet = "parquet"
    duckdb = "duckdb"
    xlsx = "xlsx"
