"""Turn the rows of an activity table into `Activity` records.

This is the one place where table rows become activities, for Word and PDF
alike: header mapping, category rows, placeholders, vertical merges.
"""
from __future__ import annotations

from dataclasses import dataclass

from .headers import is_activity_header
from .model import Cell, Row, Table
from .records import ACTIVITY_FIELDS, Activity
from .table_fields import columns_to_fields
from .text import collapse, fold
from .text import header_fold as header_fold_of
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
    """A table whose header names an activity table's fields (`headers.is_activity_header`)."""
    return bool(table.rows) and is_activity_header(table_header(table)[1])


def reads_as_activities(fields: list[str]) -> bool:
    """Whether the fields a table's columns were read as (`table_fields`, from their place and
    cells when the header names none) make an activity table: the activity's title, a column
    of sentences (its goal or method) and one more field."""
    known = {f for f in fields if not f.startswith("extra:")}
    return "aktivitet" in known and bool(known & {"aktivitetsmal", "genomforande"}) and len(known) >= 3


def header_of(table: Table) -> tuple[str, ...]:
    return tuple(table_header(table)[1])


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


def body_texts(table: Table) -> list[list[str]]:
    """The cell texts of the rows under the header, vertical merges filled."""
    n_head, _ = table_header(table)
    return fill_vertical_merges([row.grid()[:table.n_cols] for row in table.rows[n_head:]])


def fields_by_header(tables: list[Table]) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    """The fields (and warnings) of each activity-table header, decided once from the rows of every
    table under it: a plan that repeats its header over each category's table has its columns
    guessed from all of them, so one short table is read like the others."""
    parts: dict[tuple[str, ...], list[list[list[str]]]] = {}
    for table in tables:
        parts.setdefault(header_of(table), []).append(body_texts(table))
    return {header: columns_to_fields(list(header), [r for t in ts for r in t], ts) for header, ts in parts.items()}


@dataclass
class RowRead:
    """What one row of an activity table was read as: `kind` is header (a header row, or the
    header again), empty, category (it names the category of the rows under it), placeholder (a
    category row without a name: "Övrigt", "-") or activity, then with the `activity` it gave."""

    kind: str
    activity: Activity | None = None


def row_kind(row: Row, texts: list[str], header_fold: list[str], title_col: int) -> str:
    """Whether a body row is empty, the header again, a category row, a placeholder or an activity."""
    if not any(texts):
        return "empty"
    if header_fold_of(texts) == header_fold:
        return "header"
    announced = category_of(row, texts, title_col)
    if announced is None:
        return "activity"
    return "placeholder" if is_placeholder(announced) else "category"


def read_rows(table: Table, plan_year: int | None, category: str | None, first_seq: int = 0,
              decided: dict | None = None) -> tuple[list[RowRead], list[str]]:
    """What each row of an activity table was read as (the activities numbered from `first_seq`,
    each with the category the last category row above named), and a warning for each column
    whose field was guessed (`table_fields`; `decided` holds the plan's decisions per header)."""
    n_head, header = table_header(table)
    n_cols = table.n_cols
    texts_by_row = body_texts(table)
    fields, warnings = (decided or {}).get(tuple(header)) or columns_to_fields(header, texts_by_row)
    header_fold = header_fold_of(header)
    title_col = fields.index("aktivitet") if "aktivitet" in fields else 0
    by_column = category_column(fields, title_col, table.rows[n_head:], texts_by_row)
    reads = [RowRead("header") for _ in table.rows[:n_head]]
    seq = first_seq
    for row, texts in zip(table.rows[n_head:], texts_by_row):
        texts = texts + [""] * (n_cols - len(texts))
        kind = row_kind(row, texts, header_fold, title_col)
        if kind == "category":
            category = category_of(row, texts, title_col)
        if kind != "activity":
            reads.append(RowRead(kind))
            continue
        if by_column is not None:
            category = texts[by_column] or category
            texts = texts[:by_column] + [""] + texts[by_column + 1:]
        reads.append(RowRead(kind, row_to_activity(fields, texts, row, plan_year, category, seq)))
        seq += 1
    return reads, warnings


def category_column(fields: list[str], title_col: int, rows: list[Row], texts: list[list[str]]) -> int | None:
    """A column left of the activity's title that names the category of each row: no field of
    its own, words (not numbers or codes), and cells merged down over the rows of one category
    (or its name repeated row after row)."""
    for i in range(title_col):
        if not fields[i].startswith("extra:"):
            continue
        values = [t[i] for t in texts if i < len(t) and t[i]]
        merged = any(i < len(g) and g[i].v_merge == "continue" for g in (r.grid() for r in rows))
        repeated = any(a[i] == b[i] != "" for a, b in zip(texts, texts[1:]) if i < min(len(a), len(b)))
        if values and (merged or repeated) and all(any(ch.isalpha() for ch in v) for v in values):
            return i
    return None


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
