"""Print or write a query result as a table, CSV, JSON, Parquet or an Excel workbook."""
from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.table import Table

from parsers.errors import UsageError

from .formats import OutputFormat  # noqa: E402  (re-exported: the writers below take it)


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


def records(df: pd.DataFrame) -> list[dict]:
    """The rows as dicts of plain Python values (`plain`)."""
    return [{k: plain(v) for k, v in row.items()} for row in df.to_dict("records")]


def flat(value):
    """A cell as one value for CSV and Excel: a list joined with "; ", a map as "key: value; …".

    A map or list inside a list is written "key: value, …" so the two levels stay apart.
    """
    value = plain(value)
    if isinstance(value, list):
        return "; ".join(_inner_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_inner_text(v)}" for k, v in value.items())
    return value


def _inner_text(value) -> str:
    if isinstance(value, list):
        return ", ".join(map(_inner_text, value))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_inner_text(v)}" for k, v in value.items())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def flat_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with its list and map columns written out as text (`flat`)."""
    nested = [c for c in df.columns if df[c].dtype == object]
    return df.assign(**{c: df[c].map(flat) for c in nested}) if nested else df


def write_result(df: pd.DataFrame, fmt: OutputFormat, output: Path | None, limit: int,
                 name: str = "result") -> None:
    """Print the result or write it to `output`; `name` names the sheet of an Excel workbook."""
    if fmt in (OutputFormat.parquet, OutputFormat.xlsx) and output is None:
        raise UsageError(f"--format {fmt.value} needs --output FILE")
    if fmt is OutputFormat.parquet:
        df.to_parquet(output, index=False)
        return
    if fmt is OutputFormat.xlsx:
        from .excel import write_xlsx
        write_xlsx({name: df}, Path(output or ""))  # output is given: checked above
        return
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt is OutputFormat.csv:
            flat_frame(df).to_csv(stream, index=False)
        elif fmt is OutputFormat.json:
            stream.write(json.dumps(records(df), ensure_ascii=False, indent=1, default=str) + "\n")
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


@contextmanager
def replacing(path: Path):
    """A temporary file beside `path` to write to, renamed onto `path` when the block succeeds.

    So a reader never sees half a file; an OSError names `path`, not the temporary file.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    finally:
        tmp.unlink(missing_ok=True)
