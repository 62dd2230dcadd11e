"""Header lines: the anchor from which a table drawn without rules is found.

A header is a band of one to three consecutive text lines in one style whose
cells (runs of text separated by a column gap) either name at least three
canonical activity fields (`headers.field_for_header`: "Aktivitet", "Syfte",
"När", "Ansvarig" …), name the value columns of a budget ("Utfall 2022",
"Budget 2023 (tkr)"), or are the header words of a list kept as a table
("Område | Förslag"). A cell wrapped over two lines ("Samverkanspar" /
"t(er)") is put together from the pieces that overlap it horizontally.
Header cells are short: a sentence that happens to hold a field's word
("… med en tidplan") names nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...budget import VALUE_HEADER
from ...headers import field_for_header
from ...text import YEAR, fold, parse_amount
from ...vocabulary import words_for
from ..lines import Line, split_line
from ..word_breaks import join_lines

CELL_GAP_EM = 0.6  # a gap this wide (in font sizes) separates two header cells
MAX_CELL_WORDS = 5  # a header cell is a few words, never a sentence
MIN_FIELDS = 3  # distinct canonical fields an activity header names
MAX_BAND_LINES = 3
BAND_STEP = 1.4  # consecutive header lines are at most this many font sizes apart (a wrapped cell)
SENTENCE = re.compile(r"[.!?]\s+\w|[.!?]$")


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
    """The line cut where a gap wider than a header cell gap separates its words (worked out once
    per line: finding headers asks for the pieces of each line many times; a line that is not cut
    is kept as an empty list, so that no line holds itself and its memory goes with it)."""
    pieces = line.meta.get("cell_pieces")
    if pieces is None:
        pieces = split_line(line, [], CELL_GAP_EM * line.size)
        line.meta["cell_pieces"] = [] if len(pieces) == 1 and pieces[0] is line else pieces
    return pieces or [line]


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
    if any(c.is_value for c in cells) and all(is_label(c.text) for c in cells) and len(cells) <= 6 and not fields:
        return "budget"
    if len(cells) >= 2 and all(fold(c.text) in list_header_words() for c in cells):
        return "list"
    return None


def list_header_words() -> set[str]:
    return {fold(w) for w in words_for("sections", "proposal_header")}


def same_style(a: Line, b: Line) -> bool:
    return a.bold == b.bold and abs(a.size - b.size) <= 0.5


def header_band(lines: list[Line], i: int) -> list[Line]:
    """The lines that may form one header with line `i`: close neighbours in the same style whose
    pieces stand under the cells of line `i` (a wrapped header cell), above or below it."""
    anchor = lines[i]
    columns = cell_pieces(anchor)
    band = [anchor]
    for step in (-1, 1):
        j, prev = i + step, anchor
        while 0 <= j < len(lines) and len(band) < MAX_BAND_LINES:
            line = lines[j]
            near = abs(line.top - prev.top) <= BAND_STEP * anchor.size
            pieces = cell_pieces(line)
            under = all(any(p.x0 < c.x1 + 1 and p.x1 > c.x0 - 1 for c in columns) for p in pieces)
            # a body row fills most cells; a bold header wrapped in every cell is still all labels
            fewer = len(pieces) < len(columns) or len(columns) == 1 or anchor.bold and all(
                is_label(p.text) and (parse_amount(p.text) is None or YEAR.fullmatch(p.text)) for p in pieces)
            if not (near and same_style(line, anchor) and under and fewer):
                break
            band.append(line)
            prev, j = line, j + step
    return sorted(band, key=lambda l: l.top)


def find_headers(lines: list[Line], body_size: float) -> list[Header]:
    """Every header among `lines` (sorted top to bottom), top to bottom; a line belongs to one header.

    Lines in a font clearly larger than the body text are headings, never headers.
    """
    headers: list[Header] = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        if id(line) in used or line.size > 1.15 * body_size or len(cell_pieces(line)) < 1:
            continue
        band = header_band(lines, i)
        if any(id(l) in used for l in band):
            continue
        cells = band_to_cells(band)
        kind = band_kind(cells)
        if kind == "budget" and len(band) > 1 and not any(c.is_value for c in band_to_cells([line])):
            continue  # let the band be found from its value line
        if kind is not None:
            headers.append(Header(kind, band, cells))
            used.update(id(l) for l in band)
    return headers
