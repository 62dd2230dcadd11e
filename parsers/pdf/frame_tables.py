"""A table frame and the text lines inside it to rows of cells (one page's part of a table).

Horizontal spans come from missing vertical rules (ruled frames) or from text
running across a column gap (open frames); vertical merges from a missing
horizontal rule over one column. Cells keep their `Line`s so that rows split
over a page break can be joined with the same word-break rules later.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import VMerge
from .frames import TOL, Frame, split_frame
from .lines import Line, make_line, split_line

if TYPE_CHECKING:
    from .text_tables.columns import Columns

MAX_PAD = 12.0  # text further than this from the frame's left edge is not in its first column
DEFAULT_PAD = 5.4  # the usual cell padding (0.19 cm) when the text does not show it


@dataclass
class TCell:
    lines: list[Line]
    right: float  # the x the cell's text may reach
    span: int = 1
    v_merge: VMerge | None = None
    col: int = 0
    owner: TCell | None = None  # for a v_merge continuation: the cell holding the text


@dataclass
class TRow:
    cells: list[TCell]
    top: float
    bottom: float
    page: int
    text_bottom: float | None = None  # lowest text in the band (None: empty band)
    is_header: bool = False
    page_end: int | None = None


@dataclass
class PageTable:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    col_xs: list[float]
    rows: list[TRow] = field(default_factory=list)
    ruled: bool = True
    pitch: float = 12.0  # typical distance between the text lines of one cell
    continues: bool = False  # set once it is joined to the table above
    from_text: bool = False  # found from its header and text alignment, not from rules
    header: list[str] | None = None  # its header cells' texts, when found from its header
    kind: str = ""  # activities | budget | list | table, when found from its header
    columns: Columns | None = None  # when found from its header
    size: float = 0.0  # its header's font size, when found from its header
    dropped: list[TRow] = field(default_factory=list)  # header rows left out as repeats of the table's header

    @property
    def weak(self) -> bool:
        """A single column between horizontal rules: a table only as the rest of one above."""
        return not self.ruled and len(self.col_xs) < 3

    def lines(self) -> list[Line]:
        return sorted((l for row in self.rows for cell in row.cells for l in cell.lines), key=lambda l: l.top)


def gap_for(lines: list[Line]) -> float:
    """The smallest gap between glyphs that separates two columns' text."""
    sizes = sorted(l.size for l in lines) or [10.0]
    return 0.9 * sizes[len(sizes) // 2]


def split_open_frame(frame: Frame, lines: list[Line]) -> list[Frame]:
    """An open frame cut at bands that hold something other than a table row (a heading)."""
    bands: list[list[Line]] = [[] for _ in range(frame.n_rows)]
    for line in lines:
        i = bisect_right(frame.row_ys, line.middle) - 1
        if 0 <= i < frame.n_rows:
            bands[i].append(line)
    gaps = [min(l.top for l in b) - frame.row_ys[i] for i, b in enumerate(bands) if b]
    if not gaps:
        return []
    base = min(gaps)
    keep = []
    for i, b in enumerate(bands):
        if not b:
            keep.append(True)
            continue
        first = min(b, key=lambda l: l.top)
        keep.append(first.top - frame.row_ys[i] <= base + max(3.0, 0.6 * first.size))
    return split_frame(frame, keep)


def infer_columns(frame: Frame, lines: list[Line]) -> list[float]:
    """Column boundaries of an open frame from the gaps the text leaves free."""
    x0, x1 = int(frame.x0), int(frame.x1) + 2
    width = x1 - x0 + 1
    min_gap = gap_for(lines)
    spans: dict[int, list[tuple[int, int]]] = {}
    for line in lines:
        band = bisect_right(frame.row_ys, line.middle) - 1
        for seg in split_line(line, [], min_gap):
            spans.setdefault(band, []).append((max(int(seg.x0) - x0, 0), min(int(seg.x1) - x0 + 1, width)))
    wide = 0.4 * width  # a band holding one long run of text is a spanning row: it hides no gaps
    counted = [b for b in spans.values() if len(b) > 1 or b[0][1] - b[0][0] < wide] or list(spans.values())
    diff = [0] * (width + 1)
    for band_spans in counted:
        for a, b in union(band_spans):
            diff[a] += 1
            diff[b] -= 1
    for i in range(1, width + 1):
        diff[i] += diff[i - 1]
    covered = [n > 0 for n in diff[:width]]
    starts = [i + x0 for i in range(width) if covered[i] and (i == 0 or not covered[i - 1])]
    if not starts:
        return [frame.x0, frame.x1]
    if starts[0] - frame.x0 <= MAX_PAD:  # text in the first column shows the cell padding
        pad, starts = max(0.0, starts[0] - frame.x0), starts[1:]
    else:  # the first column is empty here (a fragment on a new page)
        pad = DEFAULT_PAD
    return [frame.x0] + [s - pad for s in starts] + [frame.x1]


def union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def build_table(frame: Frame, lines: list[Line]) -> PageTable | None:
    """The rows and cells of one frame, or None if it does not hold a real table."""
    col_xs = frame.col_xs if frame.ruled else infer_columns(frame, lines)
    n_rows, n_cols = frame.n_rows, len(col_xs) - 1
    if n_cols < 2 and frame.ruled and n_rows < 2:
        return None  # a boxed paragraph
    segs = segments(frame, col_xs, lines)
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    for r in range(n_rows):
        y0, y1 = frame.row_ys[r], frame.row_ys[r + 1]
        for c in range(n_cols - 1):
            if frame.ruled and not frame.has_vrule(col_xs[c + 1], y0, y1):
                union(r * n_cols + c, r * n_cols + c + 1)
        for c in range(n_cols):
            if r + 1 < n_rows and not frame.has_hrule(frame.row_ys[r + 1], col_xs[c], col_xs[c + 1]):
                union(r * n_cols + c, (r + 1) * n_cols + c)
    for r, c0, c1, _ in segs:
        for c in range(c0, c1):
            union(r * n_cols + c, r * n_cols + c + 1)
    return assemble(frame, col_xs, segs, find, lines)


def segments(frame: Frame, col_xs: list[float], lines: list[Line]) -> list[tuple[int, int, int, Line]]:
    """(band, first column, last column, piece of line) for every piece of text in the frame."""
    out = []
    min_gap = gap_for(lines)
    band_cuts: dict[int, list[float]] = {}  # the vertical rules crossing each band
    for line in lines:
        r = min(max(bisect_right(frame.row_ys, line.middle) - 1, 0), frame.n_rows - 1)
        y0, y1 = frame.row_ys[r], frame.row_ys[r + 1]
        if frame.ruled:
            if r not in band_cuts:
                band_cuts[r] = [x for x in col_xs[1:-1] if frame.has_vrule(x, y0, y1)]
            pieces = split_line(line, band_cuts[r])
        else:
            pieces = split_line(line, [], min_gap)
        for p in pieces:
            c0 = min(max(bisect_right(col_xs, p.x0 + TOL) - 1, 0), len(col_xs) - 2)
            c1 = min(max(bisect_right(col_xs, p.x1 - TOL) - 1, c0), len(col_xs) - 2)
            p.meta["parent"] = id(line)
            out.append((r, c0, c1, p))
    return out


def assemble(frame: Frame, col_xs, segs, find, lines: list[Line]) -> PageTable:
    """Rows of cells from the merged grid: in each row, a run of grid cells of one merged
    component is one cell; the component's first row holds its text, later rows continue it.

    Components need not be rectangles (cells drawn as irregular shapes), so a
    cell's span is its run in that row, and its owner is the component's first
    cell in reading order.
    """
    n_rows, n_cols = frame.n_rows, len(col_xs) - 1
    last_row: dict[int, int] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            last_row[find(r * n_cols + c)] = r
    texts: dict[int, list[Line]] = {}
    for r, c0, _, piece in segs:
        texts.setdefault(find(r * n_cols + c0), []).append(piece)
    pad = padding(segs, col_xs)
    table = PageTable(frame.page, frame.x0, frame.x1, frame.top, frame.bottom, list(col_xs),
                      ruled=frame.ruled, pitch=line_pitch(lines))
    owners: dict[int, TCell] = {}
    for r in range(n_rows):
        cells = []
        c = 0
        while c < n_cols:
            key = find(r * n_cols + c)
            end = c
            while end + 1 < n_cols and find(r * n_cols + end + 1) == key:
                end += 1
            right = col_xs[end + 1] - pad
            if key not in owners:
                cell = TCell(rejoin(texts.get(key, [])), right, end - c + 1,
                             "restart" if last_row[key] > r else None, c)
                owners[key] = cell
            else:
                cell = TCell([], right, end - c + 1, "continue", c, owners[key])
            cells.append(cell)
            c = end + 1
        inside = [p.bottom for rr, _, _, p in segs if rr == r]
        table.rows.append(TRow(cells, frame.row_ys[r], frame.row_ys[r + 1], frame.page,
                               max(inside) if inside else None))
    fit_text_edges(table)
    return table


def fit_text_edges(table: PageTable, min_lines: int = 6, slack: float = 2.5) -> None:
    """Set each column's text edge to where its longest lines end, when that is close to the
    edge the rules and padding suggest: wrapped text in a busy column shows the real edge."""
    reach: dict[int, list[float]] = {}
    for row in table.rows:
        for cell in row.cells:
            if cell.span == 1 and cell.lines:
                reach.setdefault(cell.col, []).extend(l.x1 for l in cell.lines)
    for row in table.rows:
        for cell in row.cells:
            ends = reach.get(cell.col + cell.span - 1, [])
            if cell.span == 1 and len(ends) >= min_lines and abs(max(ends) - cell.right) < slack:
                cell.right = max(ends)


def rejoin(pieces: list[Line]) -> list[Line]:
    """Pieces of the same visual line (cut at gaps) put back together, top to bottom."""
    groups: dict[int, list[Line]] = {}
    for p in pieces:
        groups.setdefault(p.meta["parent"], []).append(p)
    out = []
    for group in groups.values():
        if len(group) == 1:
            out.append(group[0])
        else:
            chars = sorted((c for p in group for c in p.chars), key=lambda c: c["x0"])
            line = make_line(chars, group[0].page)
            if line is not None:
                out.append(line)
    return sorted(out, key=lambda l: l.top)


def padding(segs, col_xs: list[float]) -> float:
    """The cell padding: how far left-aligned text sits from its column's left edge."""
    offsets = [p.x0 - col_xs[c0] for _, c0, _, p in segs if p.x0 >= col_xs[c0] - TOL]
    return max(0.0, min(min(offsets), 12.0)) if offsets else 3.0


def line_pitch(lines: list[Line]) -> float:
    """The usual distance from one text line to the next inside a cell."""
    tops = sorted({round(l.top, 1) for l in lines})
    steps = sorted(b - a for a, b in zip(tops, tops[1:]) if b - a > 1)
    if not steps:
        return 1.3 * (lines[0].size if lines else 10.0)
    return steps[len(steps) // 4]
