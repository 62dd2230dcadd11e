"""Turn the rows of an activity table into `Activity` records.

This is the one place where table rows become activities, for Word and PDF
alike: header mapping, category rows, placeholders, vertical merges.
"""
from __future__ import annotations

from .headers import is_activity_header, map_header
from .model import Cell, Row, Table
from .normalise import match_miljomal, parse_tid, tid_is_parsed
from .records import ACTIVITY_FIELDS, Activity
from .text import collapse, fold
from .vocabulary import words_for


def header_rows(table: Table) -> int:
    """How many leading rows form the header: the author's marked rows, else one."""
    marked = 0
    for row in table.rows:
        if not row.is_header:
            break
        marked += 1
    return max(marked, 1) if table.rows else 0


def header_texts(rows: list[Row], n_cols: int) -> list[str]:
    """One text per column, joining the texts of stacked header rows."""
    cols = [""] * n_cols
    for row in rows:
        for i, text in enumerate(row.texts()[:n_cols]):
            cols[i] = collapse(f"{cols[i]} {text}")
    return cols


def table_header(table: Table) -> tuple[int, list[str]]:
    """The number of header rows and the header text of each column."""
    n_head = header_rows(table)
    return n_head, header_texts(table.rows[:n_head], table.n_cols)


def is_activity_table(table: Table) -> bool:
    return bool(table.rows) and is_activity_header(table_header(table)[1])


def fill_vertical_merges(rows: list[list[Cell]]) -> list[list[str]]:
    """Cell texts per row, where a merged continuation takes the value of the cell above."""
    out: list[list[str]] = []
    for cells in rows:
        texts = []
        for i, cell in enumerate(cells):
            text = collapse(cell.text)
            if cell.v_merge == "continue" and not text and out and i < len(out[-1]):
                text = out[-1][i]
            texts.append(text)
        out.append(texts)
    return out


def is_placeholder(text: str) -> bool:
    return fold(text).rstrip(".") in {fold(w) for w in words_for("sections", "placeholder")}


def category_of(row: Row, texts: list[str], title_col: int) -> str | None:
    """The category a row announces, or None for an activity row.

    A category row has one filled cell, merged over the whole row or standing
    at or left of the activity-title column.
    """
    filled = [i for i, t in enumerate(texts) if t]
    if len(filled) != 1:
        return None
    if len(row.cells) == 1 or filled[0] <= title_col:
        return texts[filled[0]]
    return None


OBJECTIVE_WORDS = {"flertalet", "flerpart", "alla", "samtliga"}
CONTENT_SHARE = 0.6  # share of a column's filled cells that must read as timings / objectives


def looks_like_objectives(text: str) -> bool:
    return bool(match_miljomal(text)) or fold(text).rstrip(".") in OBJECTIVE_WORDS


def infer_fields(fields: list[str], rows: list[list[str]]) -> list[str]:
    """Columns whose header names no field take one from their content: timings or objectives."""
    fields = list(fields)
    for i, field in enumerate(fields):
        cells = [r[i] for r in rows if i < len(r) and r[i]]
        if not field.startswith("extra:") or len(cells) < 2:
            continue
        for candidate, test in (("effektmal", looks_like_objectives), ("tid", lambda t: tid_is_parsed(parse_tid(t)))):
            if candidate not in fields and sum(map(test, cells)) >= CONTENT_SHARE * len(cells):
                fields[i] = candidate
                break
    return fields


def table_to_activities(table: Table, plan_year: int | None, category: str | None,
                        first_seq: int = 0) -> list[Activity]:
    """Activities of one activity table, in document order."""
    n_head, header = table_header(table)
    n_cols = table.n_cols
    fields = map_header(header)
    body = table.rows[n_head:]
    grids = [row.grid()[:n_cols] for row in body]
    texts_by_row = fill_vertical_merges(grids)
    fields = infer_fields(fields, texts_by_row)
    header_fold = [fold(h) for h in header]
    title_col = fields.index("aktivitet") if "aktivitet" in fields else 0
    out: list[Activity] = []
    for row, texts in zip(body, texts_by_row):
        texts = texts + [""] * (n_cols - len(texts))
        if not any(texts) or [fold(t) for t in texts] == header_fold:
            continue
        announced = category_of(row, texts, title_col)
        if announced is not None:
            if not is_placeholder(announced):
                category = announced
            continue
        out.append(row_to_activity(fields, texts, row, plan_year, category, first_seq + len(out)))
    return out


def row_to_activity(fields: list[str], texts: list[str], row: Row, plan_year: int | None,
                    category: str | None, seq: int) -> Activity:
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    for field, text in zip(fields, texts):
        if field.startswith("extra:"):
            if text:
                extra[field[len("extra:"):]] = text
        else:
            values[field] = text
    return Activity(
        plan_year=plan_year, category=category, seq=seq,
        **{f: values.get(f) for f in ACTIVITY_FIELDS},
        extra=extra, page_start=row.page_start, page_end=row.page_end,
    )
