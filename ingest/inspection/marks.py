"""What to draw over a page: the PDF reader's trace and what each row was read as, as marks.

Pure: a page's trace (`parsers.pdf.trace`) and the readings of the activity
tables' rows (`parsers.activities.read_rows`, by the table's id) in, a list of
marks out, in page coordinates (points, the page turned upright). `draw`
paints them; the tests count them.
"""
from __future__ import annotations

from dataclasses import dataclass

from parsers.activities import RowRead, header_rows
from parsers.budget import is_budget_table
from parsers.model import Table
from parsers.pdf.trace import PageTrace, RowBox, TableBox

# what a mark is, and how the legend names it (in the order the legend shows them)
LEGEND = {
    "frame": "table found from its rules",
    "text_frame": "table found from its text",
    "header": "header row",
    "category": "category row",
    "placeholder": "placeholder row (no category)",
    "dropped": "repeated header, left out",
    "mended": "row mended over a page break",
    "activity": "activity row, #seq",
    "furniture": "header/footer/page number, set aside",
}


@dataclass
class Mark:
    kind: str  # a key of LEGEND, or "grid" (a column or row boundary: x0 == x1 or top == bottom), "tag"
    x0: float
    top: float
    x1: float
    bottom: float
    label: str = ""
    seq: int | None = None  # for an activity row: the seq of the activity it gave


def table_kind(table: Table, reads: dict[int, list[RowRead]]) -> str:
    """activities, budget or other: how the interpretation took the table (as `interpret` does:
    an activity table first)."""
    if id(table) in reads:
        return "activities"
    return "budget" if is_budget_table(table) else "other"


def page_marks(page: PageTrace, reads: dict[int, list[RowRead]]) -> list[Mark]:
    """Everything to draw over one page: furniture first, then each table's rows, grid and frame."""
    marks = [Mark("furniture", b.x0, b.top, b.x1, b.bottom) for b in page.furniture]
    for part in page.tables:
        marks += table_marks(part, reads, page.number)
    return marks


def table_marks(part: TableBox, reads: dict[int, list[RowRead]], number: int) -> list[Mark]:
    rows = reads.get(id(part.table))
    marks = [m for m in (row_mark(part, row, rows) for row in part.rows) if m is not None]
    kept = [row for row in part.rows if row.index is not None]
    for row in kept:
        if row.mended:  # the first row on a page is the rest of a row above; the last goes on
            other = number - 1 if row is kept[0] and part.continued else number + 1
            marks.append(Mark("mended", part.x0, row.top, part.x1, row.bottom, f"with p. {other}"))
    for row in part.rows:
        marks += [Mark("grid", x, row.top, x, row.bottom) for x in row.edges]
        marks.append(Mark("grid", part.x0, row.bottom, part.x1, row.bottom))
    frame = "frame" if part.ruled else "text_frame"
    kind = table_kind(part.table, reads)
    tag = {"activities": "activity table", "budget": "budget table", "other": "table, not read as activities"}[kind]
    marks.append(Mark(frame, part.x0, part.top, part.x1, part.bottom))
    marks.append(Mark("tag", part.x0, part.top, part.x1, part.bottom,
                      tag + (" (continued)" if part.continued else "")))
    return marks


def row_mark(part: TableBox, row: RowBox, reads: list[RowRead] | None) -> Mark | None:
    """The mark of a row band: its kind as the interpretation read it (for an activity table),
    else only whether it is a header row."""
    if row.index is None:
        return Mark("dropped", part.x0, row.top, part.x1, row.bottom)
    if reads is None:
        header = row.index < header_rows(part.table)
        return Mark("header", part.x0, row.top, part.x1, row.bottom) if header else None
    read = reads[row.index]
    if read.activity is not None:
        return Mark("activity", part.x0, row.top, part.x1, row.bottom, f"#{read.activity.seq}", read.activity.seq)
    if read.kind in ("header", "category", "placeholder"):
        return Mark(read.kind, part.x0, row.top, part.x1, row.bottom)
    return None  # an empty row


def activity_seqs(marks: list[Mark]) -> set[int]:
    """The seqs of the activity rows drawn."""
    return {m.seq for m in marks if m.kind == "activity" and m.seq is not None}
