"""Rows of a table drawn without (all) rules: where one row ends and the next begins.

Between two consecutive text lines of the table there is a row boundary when

* a horizontal rule, or the edge of a shading band (a zebra stripe, a
  shaded category row, a header band), lies between them;
* the lines stand further apart than the table's line spacing, unless what
  follows is only the rest of a cell that had a paragraph break: no text in
  the first column, and text only in columns that were still running;
* the layout leaves no gaps at all (no spaced boundary anywhere in the
  table), and the first column's text starts again after an empty line in
  that column.
"""
from __future__ import annotations

from collections import Counter

from ..lines import Line
from ..page_model import Rule, Shade
from .columns import Columns, cut_line

EXTRA_SPACE_EM = 0.25  # a step this much (in font sizes) beyond the line spacing is a gap
MIN_WIDTH_SHARE = 0.25  # a rule or band must cover this share of the table's width to divide rows


def line_spacing(lines: list[Line]) -> float:
    """The usual step from one line to the next inside a cell (a line's height and its leading:
    at most one and a half font sizes; rows of single lines show none, and get 1.2 sizes)."""
    size = sorted(l.size for l in lines)[len(lines) // 2] if lines else 10.0
    steps = [round(b.top - a.top, 1) for a, b in zip(lines, lines[1:]) if 0.9 * size <= b.top - a.top <= 1.5 * size]
    if not steps:
        return 1.2 * size
    return Counter(steps).most_common(1)[0][0]


def dividers(cols: Columns, rules: list[Rule], shades: list[Shade]) -> list[float]:
    """The y of every rule and shading edge wide enough to divide the table's rows."""
    x0, x1 = cols.xs[0], cols.xs[-1]
    need = MIN_WIDTH_SHARE * (x1 - x0)
    ys = [r.y0 for r in rules if r.horizontal and min(r.x1, x1) - max(r.x0, x0) >= need]
    for s in shades:
        if min(s.x1, x1) - max(s.x0, x0) >= need:
            ys += [s.top, s.bottom]
    return sorted(ys)


def columns_with_text(line: Line, cols: Columns) -> set[int]:
    return {c for c0, c1, _ in cut_line(line, cols) for c in range(c0, c1 + 1)}


def row_bounds(lines: list[Line], cols: Columns, rules: list[Rule], shades: list[Shade],
               header_bottom: float | None) -> list[float]:
    """The y boundaries of the body rows, top to bottom: first row's top, ..., last row's bottom."""
    if not lines:
        return [header_bottom or 0.0, header_bottom or 0.0]
    lines = sorted(lines, key=lambda l: l.top)
    pitch = line_spacing(lines)
    size = sorted(l.size for l in lines)[len(lines) // 2]
    divs = dividers(cols, rules, shades)
    used = [columns_with_text(l, cols) for l in lines]
    kinds = []
    for a, b in zip(lines, lines[1:]):
        between = [y for y in divs if a.bottom - 1.0 <= y <= b.top + 1.0]
        if between:
            kinds.append(("hard", between[0]))
        elif b.top - a.top > pitch + max(1.5, EXTRA_SPACE_EM * size):
            kinds.append(("spaced", (a.bottom + b.top) / 2))
        else:
            kinds.append(("tight", (a.bottom + b.top) / 2))
    tight_mode = not any(k == "spaced" for k, _ in kinds)
    breaks = []
    for i, (kind, y) in enumerate(kinds):
        if kind == "hard":
            breaks.append(y)
        elif kind == "spaced" and not continues_cell(i, kinds, used):
            breaks.append(y)
        elif kind == "tight" and tight_mode and 0 in used[i + 1] and 0 not in used[i]:
            breaks.append(y)
    gaps = sorted(b.top - a.bottom for (k, _), a, b in zip(kinds, lines, lines[1:]) if k != "tight")
    half = gaps[len(gaps) // 2] / 2 if gaps else 0.3 * size
    top = lines[0].top - half if header_bottom is None else (header_bottom + lines[0].top) / 2
    return [top] + breaks + [lines[-1].bottom + half]


def continues_cell(i: int, kinds: list[tuple[str, float]], used: list[set[int]]) -> bool:
    """Whether the lines after gap `i` are only the rest of cells still running above it: a
    paragraph break inside a cell, not a new row."""
    after: set[int] = set()
    for j in range(i + 1, len(used)):
        after |= used[j]
        if j < len(kinds) and kinds[j][0] != "tight":
            break
    return 0 not in after and after <= used[i]
