"""Tables drawn without rules, found from their text: anchored on a header line.

Below a header (`header`) the table's lines run down to a heading, a
line that starts left of the table, a large gap, or a different header.

* **Columns** come from the header cells, refined by where the body text
  leaves a vertical river of white (`columns`).
* **Rows** come from what the page shows (`rows`): rules and shading
  bands, vertical gaps larger than the line spacing, and, where the layout
  leaves no gaps, the lines where the first column's text starts again.
* **Cells**: each line is cut at the boundaries whose river it leaves free; a
  piece of text that crosses a river (a category spanning the row) spans the
  columns it covers.

The result is a `PageTable`, the same as for ruled tables, so joining pages,
dropping repeated headers and mending rows cut by a page break work alike.
"""
from __future__ import annotations

from collections import Counter
from itertools import takewhile

from ...text import parse_amount, same_header
from ..frame_tables import PageTable, TCell, TRow, line_pitch
from ..lines import Line, chars_to_lines
from ..page_model import Rule, Shade
from .columns import PAD, Columns, column_reach, cut_line, find_columns, refit_columns
from .header import Header, find_headers
from .rows import row_bounds

LARGE_GAP_EM = 3.5  # a vertical gap this large (in font sizes) ends a table
LEFT_TOL = 3.0  # a line starting this far left of the table's first column is not in it
MAX_SPAN_WORDS = 8  # text running across three columns or more is a category if it is this short
SIZE_ROUNDING = 0.01  # font sizes this close are one size, however a PDF library rounds them


def table_left(header: Header, lines: list[Line]) -> float:
    """Where the table's first column starts: its header cell, or where most body lines start."""
    if header.kind == "budget":
        return min((l.x0 for l in lines), default=header.cells[0].x0)
    left = header.cells[0].x0
    starts = Counter(round(l.x0) for l in lines[:40] if l.x0 >= left - LEFT_TOL - 6)
    return min(left, starts.most_common(1)[0][0]) if starts else left


def header_band_bottom(header: Header, shades: list[Shade]) -> float:
    """Where the header ends: its last line, or the shading band drawn behind it (a tall header
    band leaves a gap before the first row that is not the table's end)."""
    bands = [s.bottom for s in shades if s.top <= header.top + 1 and s.bottom >= header.bottom - 1
             and s.x0 < header.cells[-1].x1 and header.cells[0].x0 < s.x1]
    return max([header.bottom] + bands)


def table_lines(lines: list[Line], start: float, left: float, size: float,
                cols: Columns | None = None) -> list[Line]:
    """The leading lines (sorted top to bottom) that belong to a table starting below y `start`.

    The table ends at a heading, a footnote or footer in smaller type, a gap
    of LARGE_GAP_EM, a line starting left of the table; given its columns,
    also at a line wider than the table or a sentence running across them.
    Type at the very limit (small capitals set at 80 %) is no smaller type,
    however the PDF library rounds its size (SIZE_ROUNDING).
    """
    out: list[Line] = []
    prev_bottom = start
    for line in lines:
        if line.size > 1.15 * size + SIZE_ROUNDING or line.size < 0.8 * size - SIZE_ROUNDING:
            break
        if line.top - prev_bottom > LARGE_GAP_EM * size or line.x0 < left - LEFT_TOL:
            break
        if cols is not None and not fits(line, cols):
            break
        out.append(line)
        prev_bottom = line.bottom
    return out


def fits(line: Line, cols: Columns) -> bool:
    """A line sits in the columns: not much wider than the table (its last column may hold a
    longer text on another page), and no prose across three columns."""
    if line.x1 > cols.xs[-1] + max(LEFT_TOL, 0.25 * (cols.xs[-1] - cols.xs[-2])):
        return False
    return not any(c1 - c0 >= 2 and len(p.text.split()) > MAX_SPAN_WORDS for c0, c1, p in cut_line(line, cols))


def lines_to_row(lines: list[Line], cols: Columns, top: float, bottom: float, page: int,
                 reach: list[float]) -> TRow:
    """One row's cells: the pieces of its lines by column, spanning where a piece crosses a river."""
    pieces = [piece for line in lines for piece in cut_line(line, cols)]
    n = len(cols.xs) - 1
    owner = list(range(n))  # each column points at the first column of its (spanning) cell
    for c0, c1, _ in pieces:
        for c in range(c0 + 1, c1 + 1):
            owner[c] = owner[c0]
    cells: list[TCell] = []
    for c in range(n):
        if owner[c] != c:
            continue
        span = 1
        while c + span < n and owner[c + span] == c:
            span += 1
        mine = sorted((p for c0, _, p in pieces if owner[c0] == c), key=lambda p: p.top)
        cells.append(TCell(mine, reach[c + span - 1], span, None, c))
    text_bottom = max((l.bottom for l in lines), default=None)
    return TRow(cells, top, bottom, page, text_bottom)


def build_text_table(header: Header | None, lines: list[Line], cols: Columns, rules: list[Rule],
                     shades: list[Shade], page: int, size: float, kind: str,
                     repeated: frozenset = frozenset()) -> PageTable:
    """A PageTable of the header (if any) and body lines on known columns; rows made only of
    `repeated` lines (the header again, over the next category) are left out."""
    x0, x1 = cols.xs[0], cols.xs[-1]
    bounds = row_bounds(lines, cols, rules, shades, header.bottom if header else None)
    bands = [(top, bottom, [l for l in lines if top <= l.middle < bottom]) for top, bottom in zip(bounds, bounds[1:])]
    kept: list[tuple[float, float, list[Line]]] = []
    again: list[tuple[float, float, list[Line]]] = []  # rows made only of the header again
    for band in bands:
        if band[2]:
            (again if all(id(l) in repeated for l in band[2]) else kept).append(band)
    bands = kept
    reach = column_reach([l for _, _, inside in bands if len(filled_columns(inside, cols)) > 1 for l in inside]
                         or lines, cols)
    rows: list[TRow] = []
    if header is not None:
        row = lines_to_row(header.lines, cols, header.top - PAD, bounds[0], page, reach)
        row.is_header = True
        rows.append(row)
    rows += [lines_to_row(inside, cols, top, bottom, page, reach) for top, bottom, inside in bands]
    everything = (header.lines if header else []) + lines
    table = PageTable(page, x0, x1, rows[0].top if rows else bounds[0], bounds[-1], list(cols.xs),
                      rows, ruled=False, pitch=line_pitch(everything), from_text=True,
                      header=header.texts() if header else None, columns=cols, size=size, kind=kind)
    table.dropped = [lines_to_row(inside, cols, top, bottom, page, reach) for top, bottom, inside in again]
    return table


def filled_columns(lines: list[Line], cols: Columns) -> set[int]:
    """The columns a row's lines have text in (a category row fills one)."""
    return {c0 for line in lines for c0, _, _ in cut_line(line, cols)}


def has_amounts(header: Header, lines: list[Line], cols: Columns) -> bool:
    """A budget header stands over at least two lines with an amount in a value column."""
    value_cols = {i for i, c in enumerate(cols.xs[:-1]) if any(h.is_value and cols.xs[i] <= h.x0 + 1 < cols.xs[i + 1]
                                                                for h in header.cells)}
    found = 0
    for line in lines:
        if any(c0 in value_cols and parse_amount(p.text) is not None for c0, _, p in cut_line(line, cols)):
            found += 1
    return found >= 2


def text_tables(lines: list[Line], rules: list[Rule], shades: list[Shade], page: int,
                body_size: float) -> tuple[list[PageTable], list[Line]]:
    """The tables anchored on headers among a page's free lines, and the lines left over.

    Activity tables are found first; budget and list headers are looked for
    only among the lines no activity table took. A header repeated inside a table's
    extent (one table per category, the header over each) is one of its rows.
    """
    tables: list[PageTable] = []
    lines = sorted(lines, key=lambda l: l.top)
    found = find_headers(lines, body_size, [r.y0 for r in rules if r.horizontal] + [y for s in shades for y in (s.top, s.bottom)])
    for kind in ("activities", "budget", "list", "table"):
        present = {id(l) for l in lines}
        headers = [h for h in found if h.kind == kind and all(id(l) in present for l in h.lines)]
        taken: set[int] = set()
        for header in headers:
            if any(id(l) in taken for l in header.lines):
                continue  # repeated inside a table found above
            same = {id(l) for h in headers if same_header(h.texts(), header.texts()) for l in h.lines}
            below = [l for l in lines if l.middle > header.bottom and id(l) not in taken]
            other = next((h.top for h in headers if h.top > header.bottom and not same_header(h.texts(), header.texts())), None)
            below = [l for l in below if other is None or l.middle < other]
            below = [l for l in below if id(l) in same or not in_any(l, headers)]
            left, start = table_left(header, below), header_band_bottom(header, shades)
            body = table_lines(below, start, left, header.size)
            if not body:
                continue
            cols = find_columns(header, [l for l in body if id(l) not in same])
            body = table_lines(body, start, left, header.size, cols)
            if kind == "budget" and not has_amounts(header, body, cols):
                continue
            repeats = frozenset(same - {id(l) for l in header.lines})
            tables.append(build_text_table(header, body, cols, rules, shades, page, header.size, kind, repeats))
            taken |= {id(l) for l in header.lines + body}
        lines = [l for l in lines if id(l) not in taken]
    return tables, lines


def in_any(line: Line, headers: list[Header]) -> bool:
    return any(line is l for h in headers for l in h.lines)


def continue_text_table(table: PageTable, items: list, rules: list[Rule], shades: list[Shade],
                        page: int, header: list[str] | None = None) -> list:
    """A page's items with its leading lines read as the rest of `table` (a table found from its
    header on the page before, whose header the new page does not repeat), when they sit in its
    columns. A table of horizontal rules at the top of the page is read again the same way.
    Right above the table's `header` repeated, lines of one piece from the first column on
    head the table below (a category's heading over its own table), not this one."""
    lead: list[Line] = []
    repeated = False
    for item in items:
        if isinstance(item, Line):
            lead.append(item)
        elif isinstance(item, PageTable) and not item.ruled and not item.from_text:
            lead.extend(chars_to_lines([c for l in item.lines() for c in l.chars], page))
        else:
            repeated = isinstance(item, PageTable) and item.header is not None and same_header(item.header, header or [])
            break
    lead.sort(key=lambda l: l.top)
    if not lead or table.columns is None:
        return items
    left = table.columns.xs[0] + PAD
    body = table_lines(lead, lead[0].top, left, table.size)
    cols = refit_columns(table.columns, body) if body else table.columns
    body = table_lines(body, lead[0].top, left, table.size, cols)
    if table.kind == "budget":
        body = list(takewhile(lambda line: is_budget_row(line, cols), body))
    while repeated and body and is_heading_line(body[-1], table.columns, table.size):
        body.pop()
    if not body:
        return items
    taken = {id(c) for l in body for c in l.chars}
    rest = [i for i in items if not (isinstance(i, Line) and id(i.chars[0]) in taken)
            and not (isinstance(i, PageTable) and any(id(l.chars[0]) in taken for l in i.lines()))]
    part = build_text_table(None, body, cols, rules, shades, page, table.size, table.kind)
    return [part] + rest


def is_heading_line(line: Line, cols: Columns, size: float) -> bool:
    """A line from the table's first column on that fills no other cell, bold or larger than the
    table's text: a heading or category."""
    return (line.bold or line.size > 1.1 * size) and line.x0 < cols.xs[1] and len(cut_line(line, cols)) == 1


def is_budget_row(line: Line, cols: Columns) -> bool:
    """A budget line: a label, and nothing but amounts in the value columns."""
    return all(c0 == 0 or parse_amount(p.text) is not None or p.text.strip() in "-–—−" for c0, _, p in cut_line(line, cols))
