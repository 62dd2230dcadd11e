"""Print or write a query result as a table, CSV, JSON or Parquet."""
from __future__ import annotations

import enum
import json
import sys
from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.table import Table

from parsers.errors import UsageError


class OutputFormat(str, enum.Enum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


def plain(value):
    """A cell as JSON-friendly Python: lists, maps and numpy values unwrapped."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    return value


def write_result(df: pd.DataFrame, fmt: OutputFormat, output: Path | None, limit: int) -> None:
    if fmt is OutputFormat.parquet:
        if output is None:
            raise UsageError("--format parquet needs --output FILE")
        df.to_parquet(output, index=False)
        return
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt is OutputFormat.csv:
            df.to_csv(stream, index=False)
        elif fmt is OutputFormat.json:
            rows = [{k: plain(v) for k, v in row.items()} for row in df.to_dict("records")]
            stream.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
        else:
            print_table(df, Console(file=stream, soft_wrap=False, width=None if output is None else 200), limit)
    finally:
        if output:
            stream.close()


def print_table(df: pd.DataFrame, console: Console, limit: int) -> None:
    table = Table(*map(str, df.columns))
    for row in df.head(limit).itertuples(index=False):
        table.add_row(*["" if plain(v) is None else str(plain(v)) for v in row])
    console.print(table)
    if len(df) > limit:
        console.print(f"({len(df) - limit} more rows; --limit or --format csv shows them)")
