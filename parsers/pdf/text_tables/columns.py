"""Columns of a table drawn without rules: boundaries from the header and the rivers of white.

The boundary before header cell k is the run of least ink (usually none)
between the start of cell k-1 and the start of cell k that lies closest to
cell k: the white that separates column k from the one before. A budget's
amounts, right-aligned under a left-aligned header, move the limit to just
before their own column. A line is cut at a boundary only where it leaves
the river free (by more than a word space, or by a gap without a space
character before a word that starts right where the column's text starts:
cells with 1-2 px of padding);
a piece of text crossing the river spans both columns.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...text import parse_amount
from ..lines import Line, split_line
from ..word_breaks import space_width
from .header import Header, cell_pieces

PAD = 2.0  # points added around the text to make the table's outer edges
COLUMN_GAP_SPACES = 1.6  # a gap between two columns' text is wider than this many word spaces ...
COLUMN_GAP_EM = 0.35  # ... and than this share of the font size
BIN = 0.5  # resolution of the ink profile, points
ALIGNED = 0.6  # a word this close to where a column's text starts starts a cell of it


@dataclass
class Columns:
    """Column boundaries (outer edges included) and the white river at each inner boundary."""

    xs: list[float]
    rivers: list[tuple[float, float]]
    starts: list[float]  # where each column's header (or amounts) start: what the rivers are sought before


def ink_profile(lines: list[Line], x0: float, x1: float) -> list[int]:
    """For each BIN-wide slice of x0..x1, how many lines have ink there."""
    n = int((x1 - x0) / BIN) + 1
    diff = [0] * (n + 1)
    for line in lines:
        spans: list[list[int]] = []
        for c in line.chars:
            if c["text"].isspace():
                continue
            a, b = int((c["x0"] - x0) / BIN), int((c["x1"] - x0) / BIN) + 1
            if spans and a <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], b)
            else:
                spans.append([a, b])
        for a, b in spans:
            a, b = max(a, 0), min(b, n)
            if a < b:  # text beyond the table's edges (its next page) counts nowhere
                diff[a] += 1
                diff[b] -= 1
    out, run = [], 0
    for d in diff[:n]:
        run += d
        out.append(run)
    return out


def river_before(ink: list[int], x0: float, lo: float, hi: float) -> tuple[float, float]:
    """The run of least ink between `lo` and `hi` that lies closest to `hi`: the white that
    separates a column from the one starting at `hi`."""
    a, b = max(int((lo - x0) / BIN) + 1, 0), min(int((hi - x0) / BIN), len(ink) - 1)
    if b <= a:
        return hi - 1.0, hi
    least = min(ink[a:b + 1])
    end = b
    while end > a and ink[end] > least:
        end -= 1
    start = end
    while start > a and ink[start - 1] <= least:
        start -= 1
    return x0 + start * BIN, x0 + (end + 1) * BIN


def amount_columns(lines: list[Line]) -> list[tuple[float, float]]:
    """The x extents of the columns of amounts among the lines, left to right."""
    spans: list[list[float]] = []
    for piece in sorted((p for l in lines for p in cell_pieces(l) if parse_amount(p.text) is not None),
                        key=lambda p: p.x0):
        if spans and piece.x0 <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], piece.x1)
        else:
            spans.append([piece.x0, piece.x1])
    return [(a, b) for a, b in spans]


def find_columns(header: Header, lines: list[Line]) -> Columns:
    """Column boundaries from the header cells and the rivers of white in the body."""
    everything = header.lines + lines
    x0 = min(l.x0 for l in everything) - PAD
    x1 = max(l.x1 for l in everything) + PAD
    starts = [c.x0 for c in header.cells]
    if header.kind == "budget":
        amounts = amount_columns(lines)
        values = [c for c in header.cells if c.is_value]
        if len(amounts) == len(values) == len(header.cells):
            starts = [min(c.x0, a[0]) for c, a in zip(header.cells, amounts)]
        if any(l.x0 < starts[0] - 2 * header.size for l in lines):
            starts = [x0 + PAD] + starts  # the label column, which has no header text
    return columns_from_starts(starts, everything, x0, x1)


def columns_from_starts(starts: list[float], lines: list[Line], x0: float, x1: float) -> Columns:
    """Boundaries in the rivers before each column start, as the lines leave them."""
    ink = ink_profile(lines, x0, x1)
    xs, rivers = [x0], []
    for lo, hi in zip(starts, starts[1:]):
        river = river_before(ink, x0, lo, hi + BIN)
        rivers.append(river)
        xs.append((river[0] + river[1]) / 2)
    return Columns(xs + [x1], rivers, list(starts))


def refit_columns(cols: Columns, lines: list[Line]) -> Columns:
    """The same columns, their rivers sought again in other lines (the table's next page)."""
    return columns_from_starts(cols.starts, lines, cols.xs[0], cols.xs[-1])


def cut_line(line: Line, cols: Columns) -> list[tuple[int, int, Line]]:
    """The pieces of a line between column boundaries, each with the columns it covers: the line
    is cut at each boundary whose river it leaves free; a piece crossing a river spans. (Worked
    out once per line and columns: a table's lines are cut again and again while it is read.)"""
    key = (tuple(cols.xs), tuple(cols.rivers))
    known = line.meta.setdefault("cut_line", {})
    if key not in known:  # kept without the line itself (None), so that no line holds itself
        known[key] = [(c0, c1, None if p is line else p) for c0, c1, p in cut_at_rivers(line, cols)]
    return [(c0, c1, line if p is None else p) for c0, c1, p in known[key]]


def cut_at_rivers(line: Line, cols: Columns) -> list[tuple[int, int, Line]]:
    ink = [c for c in line.chars if not c["text"].isspace()]
    least_gap = max(COLUMN_GAP_SPACES * space_width(line), COLUMN_GAP_EM * line.size)
    cuts = []
    for k, (x, (a, b)) in enumerate(zip(cols.xs[1:-1], cols.rivers), start=1):
        core = (a + BIN, b - BIN) if b - a > 2 * BIN else (x - 0.1, x + 0.1)
        if any(c["x1"] > core[0] and c["x0"] < core[1] for c in ink):
            continue  # text runs across the river: one cell spanning both columns
        before = max((c["x1"] for c in ink if c["x1"] <= core[0]), default=None)
        after = min((c["x0"] for c in ink if c["x0"] >= core[1]), default=None)
        if before is None or after is None or after - before >= least_gap:
            cuts.append(x)  # a word space that happens to fall in the river does not cut ...
        elif k < len(cols.starts) and abs(after - cols.starts[k]) <= ALIGNED and not spaced(line, before, after):
            cuts.append(x)  # ... unless no space is set there and the word starts where the column's text does
    pieces = split_line(line, cuts)
    out = []
    for p in pieces:
        c0 = column_of(cols.xs, p.x0 + 0.5)
        c1 = max(c0, column_of(cols.xs, p.x1 - 0.5))
        out.append((c0, c1, p))
    return out


def spaced(line: Line, x0: float, x1: float) -> bool:
    """Whether the line sets a space character between x0 and x1 (text of one cell goes on)."""
    return any(c["text"] == " " and c["x0"] >= x0 - BIN and c["x1"] <= x1 + BIN for c in line.chars)


def column_of(xs: list[float], x: float) -> int:
    for i in range(len(xs) - 1):
        if x < xs[i + 1]:
            return i
    return len(xs) - 2


def column_reach(lines: list[Line], cols: Columns) -> list[float]:
    """How far the text of each column reaches to the right (its widest line)."""
    reach = [cols.xs[i + 1] - PAD for i in range(len(cols.xs) - 1)]
    seen: dict[int, float] = {}
    for line in lines:
        for c0, c1, p in cut_line(line, cols):
            if c0 == c1:
                seen[c0] = max(seen.get(c0, 0.0), p.x1)
    for c, x in seen.items():
        reach[c] = x
    return reach
