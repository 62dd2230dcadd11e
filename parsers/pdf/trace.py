"""What the PDF reader decided on each page: the trace `vplan inspect` draws over the page.

Read off the layout once it is done, nothing decided again: each page's table
parts (frame, column boundaries, row bands, each band with the place of the
row it became in the model table), the header rows left out as repeats of the
table's header, the pieces of rows a page break cut and that were mended into
one, the body text lines, and the running headers, footers and page numbers set
aside. Coordinates are those of the page turned to its reading orientation
(`PageTrace.turned` says from which direction).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Document, Table
from .frame_tables import PageTable, TRow
from .layout import PageLayout
from .lines import Line
from .orientation import reading_direction
from .page_model import PageData
from .table_runs import TableRun


class Box(NamedTuple):
    """A text line's box and text."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str


@dataclass
class RowBox:
    """One table row's band on one page."""

    top: float
    bottom: float
    edges: list[float]  # x of the boundaries between its cells
    index: int | None  # its row in the model table; None: a repeat of the header, left out
    mended: bool = False  # a piece of a row the page break cut, read as one row with its other piece


@dataclass
class TableBox:
    """One table's part on one page."""

    x0: float
    top: float
    x1: float
    bottom: float
    table: Table  # the model table the part went into
    rows: list[RowBox]
    ruled: bool  # found from its rules (else from its header and the alignment of its text)
    continued: bool  # the rest of a table from the page before


@dataclass
class PageTrace:
    number: int
    width: float
    height: float
    turned: int  # the way the text ran as drawn (0, 90, 180, 270 degrees): the page was turned from it
    tables: list[TableBox] = field(default_factory=list)
    lines: list[Box] = field(default_factory=list)  # body text outside tables
    furniture: list[Box] = field(default_factory=list)  # running headers, footers, page numbers set aside


@dataclass
class PdfLayout:
    document: Document
    pages: list[PageTrace]


def box(line: Line) -> Box:
    return Box(line.x0, line.top, line.x1, line.bottom, line.text)


def trace_pages(pages: list[PageData], layouts: list[PageLayout], items: list, blocks: list) -> list[PageTrace]:
    """Each page's trace, from the finished layouts, the items the blocks were made of (body
    lines and table runs) and the blocks (each table run gave the next model table)."""
    traces = {lay.number: PageTrace(lay.number, lay.width, lay.height, reading_direction(page.chars),
                                    furniture=[box(line) for line in lay.furniture])
              for page, lay in zip(pages, layouts)}
    runs = [item for item in items if isinstance(item, TableRun)]
    tables = [block for block in blocks if isinstance(block, Table)]
    for run, table in zip(runs, tables, strict=True):
        for k, part in enumerate(run.parts):
            traces[part.page].tables.append(table_box(run, part, table, continued=k > 0))
    for item in items:
        if isinstance(item, Line):
            traces[item.page].lines.append(box(item))
    return list(traces.values())


def table_box(run: TableRun, part: PageTable, table: Table, continued: bool) -> TableBox:
    """A table part's frame and rows: a row mended over a page break is drawn as its pieces,
    each on its own page and pointing to the one model row."""
    index = {id(row): i for i, row in enumerate(run.rows)}
    first_piece: dict[int, TRow] = {}
    rests: dict[int, int] = {}
    for mend in run.mended:
        first_piece.setdefault(id(mend.row), mend.above)
        rests[id(mend.below)] = index[id(mend.row)]
    rows = []
    for row in part.rows:
        if id(row) in rests:
            rows.append(row_box(row, part, run, rests[id(row)], mended=True))
        else:
            piece = first_piece.get(id(row), row)
            rows.append(row_box(piece, part, run, index[id(row)], mended=piece is not row))
    rows += [row_box(row, part, run, None) for row in part.dropped]
    return TableBox(part.x0, part.top, part.x1, part.bottom, table, sorted(rows, key=lambda r: r.top),
                    part.ruled, continued)


def row_box(row: TRow, part: PageTable, run: TableRun, index: int | None, mended: bool = False) -> RowBox:
    return RowBox(row.top, row.bottom, cell_edges(row, part, run), index, mended)


def cell_edges(row: TRow, part: PageTable, run: TableRun) -> list[float]:
    """Where a row's cells meet: its cells count the columns of its page part, or those of the
    whole table once it was laid on finer columns (`table_runs.regrid`)."""
    width = sum(cell.span for cell in row.cells)
    xs = part.col_xs if width == len(part.col_xs) - 1 else run.col_xs
    return [xs[cell.col] for cell in row.cells if 0 < cell.col < len(xs) - 1]
