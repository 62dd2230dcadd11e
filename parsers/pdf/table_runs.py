"""Page tables to document tables: join a table's pages, drop repeated headers, mend split rows.

A table on page n+1 continues the one on page n when it is the first thing
on its page, the one above was the last thing on its page, and both have the
same outer edges and column boundaries (one set a subset of the other: a
fragment may leave columns empty). Header rows that the new page repeats
(equal to the table's first rows) are dropped and the table's own marked.

Whether the first row on the new page is the rest of a row the page break
cut (`row_was_cut`) is decided from geometry. A layout engine cuts a row at
the bottom margin, so the last row above can only have been cut if it ends
near the bottom of the body area, and either lost the room complete rows
keep under their last text line or left less than a text line free. Then
the cell geometry decides: a continuation has text only in columns whose
text in the row above ran down to the cut, has the same cells (spans), and
starts with an empty first cell, with lower-case text, or only in the
columns that were cut.
"""
from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from ..model import Cell, Row, Table
from ..text import same_header
from .frame_tables import PageTable, TCell, TRow
from .word_breaks import TextContext, join_lines

COL_TOL = 3.0
MAX_HEADER_ROWS = 2  # a table's header that a page repeats is at most this many rows


def same_columns(a: PageTable, b: PageTable) -> bool:
    """Same outer edges, and one table's column boundaries are a subset of the other's; for
    tables found from their header, the same header (or none repeated) over as many columns."""
    if a.from_text and b.from_text:
        return len(a.col_xs) == len(b.col_xs) and (b.header is None or same_header(b.header, a.header or []))
    if abs(a.x0 - b.x0) > COL_TOL or abs(a.x1 - b.x1) > COL_TOL:
        return False
    ia, ib = a.col_xs[1:-1], b.col_xs[1:-1]
    return subset(ib, ia) or subset(ia, ib)


def subset(xs: list[float], ys: list[float]) -> bool:
    return all(any(abs(x - y) <= COL_TOL for y in ys) for x in xs)


def regrid(rows: list[TRow], src: list[float], dst: list[float], redistribute: bool) -> None:
    """Rows laid out on column boundaries `src` re-expressed on the finer boundaries `dst`."""
    def nearest(x: float) -> int:
        return min(range(len(dst)), key=lambda i: abs(dst[i] - x))

    for row in rows:
        out: list[TCell] = []
        for cell in row.cells:
            c0 = min(nearest(src[cell.col]), len(dst) - 2)
            c1 = max(nearest(src[cell.col + cell.span]) - 1, c0)
            if not redistribute or c1 == c0:
                out.append(TCell(cell.lines, cell.right, c1 - c0 + 1, cell.v_merge, c0, cell.owner))
                continue
            parts: dict[int, list] = {}
            for line in cell.lines:
                parts.setdefault(min(max(c0, col_of_start(dst, line.x0)), c1), []).append(line)
            for c in range(c0, c1 + 1):
                out.append(TCell(parts.get(c, []), cell.right - (dst[c1 + 1] - dst[c + 1]), 1, None, c))
        row.cells = out


def col_of_start(xs: list[float], x: float) -> int:
    best = 0
    for i in range(len(xs) - 1):
        if xs[i] - COL_TOL <= x:
            best = i
    return best


def row_texts(row: TRow) -> list[str]:
    return [" ".join(join_lines(c.lines, c.right).split()) for c in row.cells]


def drop_repeated_header(first: PageTable, nxt: PageTable) -> None:
    """Remove the header rows the next page repeats (compared with the table's first rows, at most
    MAX_HEADER_ROWS of them, each unlike the row under it: a grid of equal rows has no header to
    repeat; a table found from its header knows its header rows)."""
    k = 0
    if nxt.from_text:
        while k < len(nxt.rows) and nxt.rows[k].is_header:
            k += 1
    while (k < min(len(first.rows) - 1, MAX_HEADER_ROWS) and k < len(nxt.rows)
           and any(row_texts(first.rows[k])) and same_header(row_texts(first.rows[k]), row_texts(nxt.rows[k]))
           and row_texts(first.rows[k]) != row_texts(first.rows[k + 1])):
        k += 1
    for row in first.rows[:k]:
        row.is_header = True
    nxt.dropped += nxt.rows[:k]
    del nxt.rows[:k]


def bottom_gap(row: TRow) -> float:
    return row.bottom - (row.text_bottom if row.text_bottom is not None else row.top)


def typical_bottom_gap(parts: list[PageTable]) -> float:
    """The usual room under the last text line of a complete row."""
    gaps = sorted(bottom_gap(r) for t in parts for r in t.rows[:-1] if r.text_bottom is not None)
    return gaps[len(gaps) // 2] if gaps else 0.0


def row_was_cut(last: TRow, nxt: TRow, table: PageTable, typical: float, body_bottom: float) -> bool:
    """Whether `nxt` (first row on the new page) is the rest of `last` (last row on the page before).

    The page side only tells whether `last` *may* have been cut: it ends near
    the bottom margin and either lost the room complete rows keep under their
    text or left less than a text line free below it. The new page decides
    with the cell geometry (`looks_continued`).
    """
    room = body_bottom - last.bottom
    if room > 2.5 * table.pitch + 3.0:
        return False  # ended well above the bottom margin: the row was complete
    squeezed = typical >= 3.0 and typical - bottom_gap(last) >= max(2.5, 0.2 * table.pitch)
    if not squeezed and room > 2 * table.pitch + 3.0:
        return False  # complete, with the usual room under it, and two more lines would have fit (widows)
    return looks_continued(last, nxt, table.pitch)


def looks_continued(last: TRow, nxt: TRow, pitch: float) -> bool:
    """Whether the cells of `nxt` read as the rest of the cells of `last`."""
    if any(c.span > cell_at(last, c.col).span for c in nxt.cells):
        return False  # wider cells (a full-width category row): the rest of a cut row has the same
    if emphasised(nxt) and not emphasised(last):
        return False  # a bold row under plain ones: a category, not the rest of a cell
    after = {c.col: t for c, t in zip(nxt.cells, row_texts(nxt)) if t}
    if not after:
        return True  # only the cut-off padding of the row above
    before = {c.col: t for c, t in zip(last.cells, row_texts(last)) if t}
    reach = columns_reaching_bottom(last, pitch)
    if not all(any(cell_at(last, col) is cell_at(last, r) for r in reach) for col in after):
        return False  # text where the row above had finished: a new row
    first = min(c.col for c in nxt.cells)
    if first not in after and first in before:
        return True
    if any(t[0].islower() for t in after.values()):
        return True
    return len(reach) < len(before)


def emphasised(row: TRow) -> bool:
    """Every line of the row's text is bold."""
    lines = [l for c in row.cells for l in c.lines]
    return bool(lines) and all(l.bold for l in lines)


def columns_reaching_bottom(row: TRow, pitch: float) -> set[int]:
    """Columns whose text in `row` runs down to its lowest text line (the line the page cut)."""
    page = row.page_end or row.page
    lowest = row.text_bottom if row.text_bottom is not None else row.bottom
    out = set()
    for cell in row.cells:
        if cell.owner is not None:  # part of a cell merged down from above: it may go on
            out.add(cell.col)
        elif any(l.page == page and l.bottom >= lowest - 1.5 * pitch for l in cell.lines):
            out.add(cell.col)
    return out


def merge_rows(last: TRow, nxt: TRow) -> None:
    """Append the texts of `nxt`, cell by cell, to the row above it."""
    for cell in nxt.cells:
        if not cell.lines:
            continue
        target = cell_at(last, cell.col)
        while target.owner is not None:
            target = target.owner
        target.lines = target.lines + cell.lines
        if cell.v_merge == "restart" and target.v_merge is None:
            target.v_merge = "restart"
    for cell in nxt.cells:
        cell.owner = cell_at(last, cell.col)
    last.top, last.bottom, last.text_bottom = nxt.top, nxt.bottom, nxt.text_bottom  # geometry on its last page
    last.page_end = nxt.page


def cell_at(row: TRow, col: int) -> TCell:
    for cell in row.cells:
        if cell.col <= col < cell.col + cell.span:
            return cell
    return row.cells[-1]


class Mend(NamedTuple):
    """A row the page break cut: `row` (read on; its geometry now that of its last piece), a copy
    of it as it stood above the break, and its rest `below` on the next page."""

    row: TRow
    above: TRow
    below: TRow


class TableRun:
    """One table being assembled from consecutive page parts."""

    def __init__(self, first: PageTable):
        self.parts = [first]
        self.col_xs = list(first.col_xs)
        self.rows = list(first.rows)
        self.mended: list[Mend] = []

    @property
    def last(self) -> PageTable:
        return self.parts[-1]

    def append(self, nxt: PageTable, body_bottom: float) -> None:
        fine, coarse = (self.col_xs, nxt.col_xs) if len(self.col_xs) >= len(nxt.col_xs) else (nxt.col_xs, self.col_xs)
        if nxt.from_text and self.last.from_text:
            pass  # the same columns, by their header: cells already sit in them
        elif coarse is nxt.col_xs:
            regrid(nxt.rows, nxt.col_xs, fine, not nxt.ruled)
        else:
            regrid(self.rows, self.col_xs, fine, not nxt.ruled)
            self.col_xs = list(fine)
        drop_repeated_header(self.parts[0], nxt)
        cut = bool(nxt.rows and self.rows) and row_was_cut(self.rows[-1], nxt.rows[0], nxt,
                                                       typical_bottom_gap(self.parts + [nxt]), body_bottom)
        if cut:
            self.mended.append(Mend(self.rows[-1], replace(self.rows[-1]), nxt.rows[0]))
            merge_rows(self.rows[-1], nxt.rows[0])
            rest = nxt.rows[1:]
        else:
            rest = nxt.rows
        self.rows += rest
        self.parts.append(nxt)
        nxt.continues = True

    def to_table(self, ctx: TextContext) -> Table:
        if all(part.from_text for part in self.parts):
            widest_reach(self.rows)
        return Table(rows=[to_row(r, ctx) for r in self.rows])


def widest_reach(rows: list[TRow]) -> None:
    """Give every cell of a column found from text the reach of the column's widest line on any
    page: a page with few rows shows less of where its lines may end."""
    reach: dict[int, float] = {}
    for row in rows:
        for cell in row.cells:
            if cell.span == 1:
                reach[cell.col] = max(reach.get(cell.col, cell.right), cell.right)
    for row in rows:
        for cell in row.cells:
            cell.right = max(cell.right, reach.get(cell.col + cell.span - 1, cell.right))


def to_row(row: TRow, ctx: TextContext) -> Row:
    cells = []
    for c in row.cells:
        if c.v_merge == "continue" or c.owner is not None:
            cells.append(Cell("", c.span, "continue" if c.v_merge else None, False))
            continue
        text = " ".join(join_lines(c.lines, c.right, ctx).split())
        bold = bool(c.lines) and all(l.bold for l in c.lines)
        cells.append(Cell(text, c.span, c.v_merge, bold))
    return Row(cells=cells, is_header=row.is_header, page_start=row.page,
               page_end=row.page_end or row.page)
