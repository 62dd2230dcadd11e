"""Header lines: the anchor from which a table drawn without rules is found.

A header is a band of one to three consecutive text lines in one style whose
cells (runs of text separated by a column gap) either name at least three
canonical activity fields (`headers.field_for_header`: "Aktivitet", "Syfte",
"När", "Ansvarig" …), name the value columns of a budget ("Utfall 2022",
"Budget 2023 (tkr)"), or are the header words of a list kept as a table
("Område | Förslag"), or, whatever their words, stand as a bold band of at
least four short labels over columns where other lines start (`layout_kind`:
the interpretation decides from the cells what such a table is). A cell
wrapped over two lines ("Samverkanspar" /
"t(er)") is put together from the pieces that overlap it horizontally.
Header cells are short: a sentence that happens to hold a field's word
("… med en tidplan") names nothing.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ...budget import VALUE_HEADER
from ...headers import field_for_header
from ...text import YEAR, fold, parse_amount
from ...vocabulary import words_for
from ..lines import Line, split_line
from ..word_breaks import join_lines, space_width

CELL_GAP_SPACES = 1.4  # a gap this many word spaces wide separates two header cells ...
CELL_GAP_EM = 0.3  # ... if it is also this wide in font sizes
MAX_CELL_WORDS = 5  # a header cell is a few words, never a sentence
MIN_FIELDS = 3  # distinct canonical fields an activity header names
MAX_BAND_LINES = 3
MIN_ALIGNED = 3  # other lines starting at a word's x that make it a cell's start
MIN_LAYOUT_CELLS = 4  # cells of a header found from its look alone, each over a column
BAND_STEP = 1.4  # consecutive header lines are at most this many font sizes apart (a wrapped cell)
DIGIT = re.compile(r"\d")
SENTENCE = re.compile(r"[.!?]\s+\w|[.!]$")  # a header may ask a question: "När?", "Hur ska det göras?"


@dataclass
class HeaderCell:
    lines: list[Line]
    x0: float
    x1: float
    text: str
    field: str | None = None
    is_value: bool = False  # names a budget value column (a year, Utfall, Budget …)


@dataclass
class Header:
    kind: str  # "activities" | "budget"
    lines: list[Line]
    cells: list[HeaderCell]

    @property
    def top(self) -> float:
        return min(l.top for l in self.lines)

    @property
    def bottom(self) -> float:
        return max(l.bottom for l in self.lines)

    @property
    def size(self) -> float:
        return max(l.size for l in self.lines)

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


def cell_pieces(line: Line) -> list[Line]:
    """The line cut where a gap clearly wider than its word spaces separates its words: header
    cells with the least padding stand a few points apart (worked out once per line: finding
    headers asks for the pieces of each line many times; a line that is not cut is kept as an
    empty list, so that no line holds itself and its memory goes with it)."""
    pieces = line.meta.get("cell_pieces")
    if pieces is None:
        gap = max(CELL_GAP_SPACES * space_width(line), CELL_GAP_EM * line.size)
        pieces = split_line(line, [], gap)
        keep_pieces(line, pieces)
    return pieces or [line]


def keep_pieces(line: Line, pieces: list[Line]) -> None:
    line.meta["cell_pieces"] = [] if len(pieces) == 1 and pieces[0] is line else pieces


def aligned_edges(lines: list[Line]) -> Counter:
    """How many lines start a piece at each x (to the point): the left edges of columns."""
    return Counter(round(p.x0) for l in lines for p in cell_pieces(l))


def split_at_edges(line: Line, edges: Counter) -> None:
    """Cut the line's pieces also before a word that starts where at least MIN_ALIGNED other
    lines start: header cells only a word space apart (1-2 px of padding) stand over columns
    whose text starts where they do."""
    cuts = []
    for piece in cell_pieces(line):
        for prev, c in zip(piece.chars, piece.chars[1:]):
            apart = prev["text"] == " " or c["x0"] - prev["x1"] > 1.0
            if apart and not c["text"].isspace() and aligned(c["x0"], edges):
                cuts.append(c["x0"] - 0.5)
    if cuts:
        keep_pieces(line, [p for piece in cell_pieces(line) for p in split_line(piece, cuts)])


def aligned(x: float, edges: Counter, more_than: int = MIN_ALIGNED) -> bool:
    return sum(edges.get(round(x) + d, 0) for d in (-1, 0, 1)) > more_than


def is_label(text: str) -> bool:
    """Short enough to be a column header, and not a sentence."""
    return 0 < len(text.split()) <= MAX_CELL_WORDS and not SENTENCE.search(text)


def band_to_cells(lines: list[Line]) -> list[HeaderCell]:
    """The header cells of a band of lines: pieces overlapping horizontally form one cell."""
    groups: list[list[Line]] = []
    for piece in sorted((p for l in lines for p in cell_pieces(l)), key=lambda p: p.x0):
        if groups and piece.x0 < max(p.x1 for p in groups[-1]) - 0.5:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    cells = []
    for group in groups:
        group.sort(key=lambda p: p.top)
        x0, x1 = min(p.x0 for p in group), max(p.x1 for p in group)
        text = " ".join(join_lines(group, x1).split())
        field = field_for_header(text) if is_label(text) else None
        cells.append(HeaderCell(group, x0, x1, text, field, is_label(text) and bool(VALUE_HEADER.search(text))))
    return cells


def band_kind(cells: list[HeaderCell]) -> str | None:
    """'activities' when the cells name three fields, 'budget' when they name value columns only,
    'list' when each of two or more cells is a list table's header word ("Område | Förslag")."""
    fields = {c.field for c in cells if c.field}
    if len(fields) >= MIN_FIELDS:
        return "activities"
    values = sum(c.is_value for c in cells)
    if values and values >= len(cells) - 1 and all(is_label(c.text) for c in cells) and len(cells) <= 6 and not fields:
        return "budget"  # value columns, and at most one more: the labels' column
    if len(cells) >= 2 and all(fold(c.text) in list_header_words() for c in cells):
        return "list"
    return None


def layout_kind(band: list[Line], cells: list[HeaderCell], edges: Counter) -> str | None:
    """'table' for a header found from its look alone, whatever its words: a bold band of at
    least MIN_LAYOUT_CELLS short labels, at least MIN_LAYOUT_CELLS of them standing where other
    lines start (the columns under it). What the table is, the interpretation decides from its
    cells."""
    if len(cells) < MIN_LAYOUT_CELLS or not all(l.bold for l in band) or not all(is_label(c.text) for c in cells):
        return None
    if any(parse_amount(c.text) is not None for c in cells):
        return None
    over_columns = sum(aligned(c.x0, edges, more_than=MIN_ALIGNED + len(band)) for c in cells)
    return "table" if over_columns >= MIN_LAYOUT_CELLS else None


def list_header_words() -> set[str]:
    return {fold(w) for w in words_for("sections", "proposal_header")}


def same_style(a: Line, b: Line) -> bool:
    return a.bold == b.bold and abs(a.size - b.size) <= 0.5


def header_band(lines: list[Line], i: int, pitch: float, dividers: Sequence[float]) -> list[Line]:
    """The lines that may form one header with line `i`, above or below it: close neighbours (a
    line's spacing apart, or less: a one-line cell centred beside a wrapped one; after the first
    step no further than the band's own spacing allows) in the same style,
    with no rule or shading edge between, whose pieces each stand under at most one cell of line
    `i` (a wrapped header cell, or one the anchor line leaves empty)."""
    anchor = lines[i]
    columns = cell_pieces(anchor)
    band = [anchor]
    for step in (-1, 1):
        j, prev = i + step, anchor
        reach = max(BAND_STEP * anchor.size, 1.1 * pitch)
        while 0 <= j < len(lines) and len(band) < MAX_BAND_LINES:
            line = lines[j]
            near = abs(line.top - prev.top) <= reach
            divided = any(min(line.middle, prev.middle) < y < max(line.middle, prev.middle) for y in dividers)
            pieces = cell_pieces(line)
            single = all(sum(p.x0 < c.x1 + 1 and p.x1 > c.x0 - 1 for c in columns) <= 1 for p in pieces)
            # a body row fills most cells; a bold header wrapped in every cell is still all labels
            amounts = any(is_amount(p.text) for p in pieces)
            labels = not amounts and all(is_label(p.text) for p in pieces)
            fewer = len(pieces) < len(columns) or len(columns) == 1 or anchor.bold and labels
            if not (near and not divided and same_style(line, anchor) and single and fewer and not amounts):
                break
            band.append(line)
            # the band's own spacing bounds the next step ("Budget 2024" / "(tkr)", then no "Intäkter")
            reach = min(reach, max(BAND_STEP * anchor.size, 1.1 * abs(line.top - prev.top)))
            prev, j = line, j + step
    return sorted(band, key=lambda l: l.top)


def is_amount(text: str) -> bool:
    """A number that is no year: a budget's value, never a header's word."""
    return DIGIT.search(text) is not None and parse_amount(text) is not None and not YEAR.fullmatch(text)


def page_pitch(lines: list[Line], size: float) -> float:
    """The page's usual step from one text line to the next (1.2 font sizes when none shows)."""
    steps = [round(b.top - a.top) for a, b in zip(lines, lines[1:]) if 0.9 * size <= b.top - a.top <= 2.0 * size]
    return max(set(steps), key=steps.count) if steps else 1.2 * size


def find_headers(lines: list[Line], body_size: float, dividers: Sequence[float] = (),
                 anchors: Collection[int] | None = None) -> list[Header]:
    """Every header among `lines` (sorted top to bottom), top to bottom; a line belongs to one header.

    Lines in a font clearly larger than the body text are headings, never headers; `dividers`
    (the y of rules and shading edges) part a header from what follows it. With `anchors`, only
    headers that hold one of those lines (by index) are looked for, the rest of the lines still
    showing where columns start.
    """
    headers: list[Header] = []
    used: set[int] = set()
    pitch = page_pitch(lines, body_size)
    edges = aligned_edges(lines)
    near = range(len(lines)) if anchors is None else sorted(
        {j for i in anchors for j in range(i - MAX_BAND_LINES, i + MAX_BAND_LINES + 1) if 0 <= j < len(lines)})
    for j in near:
        split_at_edges(lines[j], edges)
    for i, line in enumerate(lines):
        if anchors is not None and i not in anchors:
            continue
        if id(line) in used or line.size > 1.15 * body_size or len(cell_pieces(line)) < 1:
            continue
        band = header_band(lines, i, pitch, dividers)
        if any(id(l) in used for l in band):
            continue
        cells = band_to_cells(band)
        kind = band_kind(cells) or layout_kind(band, cells, edges)
        if kind == "budget" and len(band) > 1 and not any(c.is_value for c in band_to_cells([line])):
            continue  # let the band be found from its value line
        if kind is not None:
            headers.append(Header(kind, band, cells))
            used.update(id(l) for l in band)
    return headers
