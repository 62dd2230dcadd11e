"""Rows of a table drawn without (all) rules: where one row ends and the next begins.

Between two consecutive text lines of the table there is a row boundary when

* a horizontal rule, or the edge of a shading band (a zebra stripe, a
  shaded category row, a header band), lies between them;
* the lines stand further apart than the table's line spacing, unless what
  follows is only the rest of a cell that had a paragraph break: no text in
  the first column, and text only in columns that were still running;
* the first is a bold label in the first column alone and the second is
  plain (a category or section row, then its first row);
* both lines hold an amount in the same column (a cell holds one amount: a
  budget's rows a line apart, with nothing else between them);
* the layout shows nothing else (no rule, no band, no gap anywhere in the
  table), and the first column's text starts again after an empty line in
  that column; or every line fills every column (a list: each line a row).
"""
from __future__ import annotations

from collections import Counter

from ...text import YEAR, parse_amount
from ..lines import Line
from ..page_model import Rule, Shade
from .columns import Columns, cut_line

MAX_PITCH = 1.6  # lines of one cell stand at most this many font sizes apart (CSS line-height 1.5)
EXTRA_SPACE_EM = 0.25  # a step this much (in font sizes) beyond the line spacing is a gap
MIN_WIDTH_SHARE = 0.25  # a rule or band must cover this share of the table's width to divide rows


def line_spacing(lines: list[Line], used: list[set[int]]) -> float:
    """The usual step from one line to the next inside a cell. Surest where a cell goes on: the
    next line has no text in the first column but goes on in a column the line above had text in
    (up to MAX_PITCH font sizes: CSS's line-height 1.5); else any step up to one and a half font
    sizes (rows of single lines, one step apart, show none: then 1.2 font sizes)."""
    size = sorted(l.size for l in lines)[len(lines) // 2] if lines else 10.0
    pairs = list(zip(lines, lines[1:], used, used[1:]))
    steps = [round(b.top - a.top, 1) for a, b, ua, ub in pairs
             if 0 not in ub and ua & ub and 0.9 * size <= b.top - a.top <= MAX_PITCH * size]
    steps = steps or [round(b.top - a.top, 1) for a, b, _, _ in pairs if 0.9 * size <= b.top - a.top <= 1.5 * size]
    if not steps:
        return 1.2 * size
    return Counter(steps).most_common(1)[0][0]


def dividers(cols: Columns, rules: list[Rule], shades: list[Shade]) -> list[float]:
    """The y of every rule and shading edge wide enough to divide the table's rows."""
    x0, x1 = cols.xs[0], cols.xs[-1]
    need = MIN_WIDTH_SHARE * (x1 - x0)
    ys = [r.y0 for r in rules if r.horizontal and min(r.x1, x1) - max(r.x0, x0) >= need]
    for s in shade_bands(shades):
        if min(s.x1, x1) - max(s.x0, x0) >= need:
            ys += [s.top, s.bottom]
    return sorted(ys)


def shade_bands(shades: list[Shade]) -> list[Shade]:
    """Shading drawn cell by cell (one rectangle per cell, side by side at the same height) joined
    into the band of its row."""
    bands: list[Shade] = []
    for s in sorted(shades, key=lambda s: (round(s.top), round(s.bottom), s.x0)):
        last = bands[-1] if bands else None
        if last and abs(last.top - s.top) <= 0.5 and abs(last.bottom - s.bottom) <= 0.5 and s.x0 <= last.x1 + 1.0:
            bands[-1] = Shade(last.x0, last.top, max(last.x1, s.x1), last.bottom, last.dark)
        else:
            bands.append(s)
    return bands


def columns_with_text(line: Line, cols: Columns) -> set[int]:
    return {c for c0, c1, _ in cut_line(line, cols) for c in range(c0, c1 + 1)}


def columns_with_amounts(line: Line, cols: Columns) -> set[int]:
    """The columns in which the line holds nothing but an amount (no year)."""
    return {c0 for c0, c1, p in cut_line(line, cols) if c0 == c1 and parse_amount(p.text) is not None
            and not YEAR.fullmatch(p.text.strip())}


def row_bounds(lines: list[Line], cols: Columns, rules: list[Rule], shades: list[Shade],
               header_bottom: float | None) -> list[float]:
    """The y boundaries of the body rows, top to bottom: first row's top, ..., last row's bottom."""
    if not lines:
        return [header_bottom or 0.0, header_bottom or 0.0]
    lines = sorted(lines, key=lambda l: l.top)
    used = [columns_with_text(l, cols) for l in lines]
    amounts = [columns_with_amounts(l, cols) for l in lines]
    pitch = line_spacing(lines, used)
    size = sorted(l.size for l in lines)[len(lines) // 2]
    divs = dividers(cols, rules, shades)
    kinds = []
    for a, b in zip(lines, lines[1:]):
        between = [y for y in divs if a.middle < y < b.middle and (y >= a.bottom - 1.0 or y <= b.top + 1.0)]
        if between:
            kinds.append(("hard", between[0]))
        elif b.top - a.top > pitch + max(1.5, EXTRA_SPACE_EM * size):
            kinds.append(("spaced", (a.bottom + b.top) / 2))
        else:
            kinds.append(("tight", (a.bottom + b.top) / 2))
    tight_mode = all(k == "tight" for k, _ in kinds)  # nothing else shows where rows end
    if tight_mode and len(lines) >= 3 and all(u == set(range(len(cols.xs) - 1)) for u in used):
        return one_row_per_line(lines)
    breaks: list[int] = []
    last_first: Line | None = None  # the latest line with text in the first column
    for i, (kind, _) in enumerate(kinds):
        if 0 in used[i]:
            last_first = lines[i]
        if kind == "hard" or heads_row(lines[i], lines[i + 1], used[i]):
            breaks.append(i)
        elif kind == "spaced" and not continues_cell(i, kinds, used):
            breaks.append(i)
        elif kind == "tight" and tight_mode and 0 in used[i + 1] and starts_again(lines[i + 1], last_first, pitch):
            breaks.append(i)
    ys = [kinds[i][1] for i in sorted(set(breaks) | one_amount_per_cell(lines, amounts, breaks))]
    gaps = sorted(b.top - a.bottom for (k, _), a, b in zip(kinds, lines, lines[1:]) if k != "tight")
    half = gaps[len(gaps) // 2] / 2 if gaps else 0.3 * size
    top = lines[0].top - half if header_bottom is None else (header_bottom + lines[0].top) / 2
    return [top] + ys + [lines[-1].bottom + half]


def one_row_per_line(lines: list[Line]) -> list[float]:
    """Row bounds of a list whose every line fills every column: each line is a row."""
    ys = [(a.bottom + b.top) / 2 for a, b in zip(lines, lines[1:])]
    half = (lines[1].top - lines[0].bottom) / 2
    return [lines[0].top - half] + ys + [lines[-1].bottom + half]


def heads_row(line: Line, nxt: Line, used: set[int]) -> bool:
    """A bold line in the first column alone, followed by plain text: a category or section
    label ("Intäkter", "Samordnad tillsyn") is a row of its own."""
    return used == {0} and line.bold and not nxt.bold


def one_amount_per_cell(lines: list[Line], amounts: list[set[int]], breaks: list[int]) -> set[int]:
    """More breaks (the index of the line a row ends with): two lines with an amount in the same
    column belong to two rows, parted at the widest step between them (a label wrapped around
    its amounts centred beside it: "Balanserat resultat" / "30 000" / "år")."""
    more: set[int] = set()
    last: dict[int, int] = {}  # column -> the latest line with an amount in it, since a break
    for j, cols in enumerate(amounts):
        for c in cols:
            i = last.get(c)
            if i is not None and not any(i <= k < j for k in list(breaks) + list(more)):
                more.add(max(range(i, j), key=lambda k: lines[k + 1].top - lines[k].bottom))
            last[c] = j
    return more


def starts_again(line: Line, last_first: Line | None, pitch: float) -> bool:
    """The first column's text starts again at `line` after at least a line left empty in it (its
    lines half a step apart, centred beside taller cells, do not)."""
    return last_first is not None and line.top - last_first.top >= 1.8 * pitch


def continues_cell(i: int, kinds: list[tuple[str, float]], used: list[set[int]]) -> bool:
    """Whether the lines after gap `i` are only the rest of cells still running above it: a
    paragraph break inside a cell, not a new row."""
    after: set[int] = set()
    for j in range(i + 1, len(used)):
        after |= used[j]
        if j < len(kinds) and kinds[j][0] != "tight":
            break
    return 0 not in after and after <= used[i]
