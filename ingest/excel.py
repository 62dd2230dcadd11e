"""Tables as an Excel workbook (openpyxl): one sheet per DataFrame, ready to filter.

Each sheet has a bold, frozen header row and an autofilter; columns are as wide as their
longest value (at most `MAX_WIDTH` characters). Numbers stay numbers, and a float column
that holds only whole numbers (a year or a count with gaps) is written as integers. Lists
and maps are written as text the way the CSV output writes them ("a; b", "key: value; …").
Excel has no time zones: timestamps are written in UTC. Text is always text: a value that
starts with "=" is not turned into a formula.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from parsers.errors import UsageError

from .output import flat, plain, replacing

MAX_WIDTH = 60  # characters; longer texts wrap in Excel's cell editor, not across the screen
MAX_ROWS = 1_048_575  # Excel's limit, less the header row
MAX_TEXT = 32_767  # characters Excel keeps in one cell
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def write_xlsx(sheets: dict[str, pd.DataFrame], path: Path) -> Path:
    """Write one sheet per entry to `path` (written beside it first, then renamed into place)."""
    path = Path(path)
    too_long = [name for name, df in sheets.items() if len(df) > MAX_ROWS]
    if too_long:
        raise UsageError(f"{too_long[0]} has more rows than an Excel sheet holds ({MAX_ROWS:,}); "
                         "write CSV or Parquet instead")
    with replacing(path) as tmp, open(tmp, "wb") as stream:  # an unwritable folder fails before any sheet
        book = Workbook(write_only=True)
        for name, df in zip(sheet_names(list(sheets)), sheets.values()):
            write_sheet(book, name, excel_frame(df))
        book.save(stream)
    return path


def sheet_names(names: list[str]) -> list[str]:
    """Names Excel accepts: at most 31 characters, none of []:*?/\\, unique regardless of case."""
    taken: set[str] = set()
    result = []
    for name in names:
        base = SHEET_NAME_BAD.sub("_", str(name)).strip("'")[:31] or "Sheet"
        candidate, n = base, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{base[:31 - len(str(n)) - 1]}_{n}"
        taken.add(candidate.lower())
        result.append(candidate)
    return result


def excel_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The frame as Excel can hold it: nested values as text, timestamps without time zone, whole floats as ints."""
    columns = {}
    for name, column in df.items():
        if isinstance(column.dtype, pd.DatetimeTZDtype):
            column = column.dt.tz_convert("UTC").dt.tz_localize(None)
        elif column.dtype == object:
            column = column.map(flat)
        elif pd.api.types.is_float_dtype(column) and whole_numbers(column):
            column = column.astype("Int64")
        columns[str(name)] = column
    return pd.DataFrame(columns, index=df.index)


def whole_numbers(column: pd.Series) -> bool:
    values = column.dropna()
    return len(values) > 0 and bool((values == values.round()).all()) and bool((values.abs() < 2**53).all())


def write_sheet(book: Workbook, name: str, df: pd.DataFrame) -> None:
    sheet = book.create_sheet(name)
    for i, width in enumerate(column_widths(df), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    if len(df.columns):
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
    header = []
    for title in df.columns:
        cell = WriteOnlyCell(sheet, value=text_cell(title))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in df.itertuples(index=False, name=None):
        sheet.append([excel_value(sheet, v) for v in row])


def column_widths(df: pd.DataFrame) -> list[int]:
    """Each column as wide as its header or longest value, plus a margin, at most `MAX_WIDTH`."""
    widths = []
    for name, column in df.items():
        longest = column.dropna().astype(str).str.len().max() if len(column) else 0
        longest = 0 if pd.isna(longest) else int(longest)
        widths.append(min(max(len(str(name)) + 2, longest) + 2, MAX_WIDTH))
    return widths


def excel_value(sheet, value):
    """A value openpyxl writes as it is; texts go through `text_cell` so they stay texts."""
    value = plain(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if value is pd.NaT:
        return None
    if isinstance(value, str):
        text = text_cell(value)
        if text.startswith("=") or text.startswith("#"):
            cell = WriteOnlyCell(sheet, value=text)
            cell.data_type = "s"  # not a formula or an error code
            return cell
        return text
    return value


def text_cell(value) -> str:
    """Text without the control characters the xlsx format cannot hold, cut to Excel's cell limit."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_TEXT]
