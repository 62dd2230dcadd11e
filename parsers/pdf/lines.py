"""Characters to text lines.

A `Line` is a run of characters on one baseline inside one region (the page
body or one table cell). Word spaces the PDF leaves out are put back from
the gaps between glyphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

BOLD = re.compile(r"bold|black|heavy|semibold|demibold|,b$|-b$", re.I)
ITALIC = re.compile(r"italic|oblique|slant|,i$|-i$|,bi$|-bi$", re.I)
NO_BREAK = {"\u00a0", "\u202f", "\u2007"}  # spaces the layout never breaks a line at
BLANKS = re.compile(r"[ \t\r\n]+")
SPACE_GAP = 0.18  # a glyph gap wider than this share of the font size is a word space


@dataclass
class Line:
    chars: list[dict]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool
    trailing_space: bool
    page: int = 0
    meta: dict = field(default_factory=dict)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    def first_word_width(self) -> float:
        """Width of the line's first word, to test whether it would have fit above."""
        end = self.x1
        for c in self.chars:
            if c["text"] == " " and c["x0"] > self.x0 + 0.5:
                end = c["x0"]
                break
        return end - self.x0


@lru_cache(maxsize=1024)
def font_style(fontname: str) -> tuple[bool, bool]:
    """(bold, italic) from a font name such as 'ABCDEF+LiberationSans-BoldItalic'."""
    base = fontname.split("+")[-1]
    return bool(BOLD.search(base)), bool(ITALIC.search(base))


def chars_to_lines(chars: list[dict], page: int = 0) -> list[Line]:
    """Group characters into lines by vertical position, each sorted left to right."""
    if not chars:
        return []
    ordered = sorted(chars, key=lambda c: c["top"] + c["bottom"])
    group = [ordered[0]]
    groups: list[list[dict]] = [group]
    mid = (ordered[0]["top"] + ordered[0]["bottom"]) / 2
    size = ordered[0]["size"]
    for c in ordered[1:]:
        m = (c["top"] + c["bottom"]) / 2
        csize = c["size"]
        if m - mid > 0.45 * (csize if csize < size else size):
            group = [c]
            groups.append(group)
            mid, size = m, csize
        else:
            group.append(c)
    out = []
    for g in groups:
        g.sort(key=reading_x)
        line = make_line(g, page)
        if line is not None:
            out.append(line)
    return out


def reading_x(char: dict) -> float:
    """Where a character stands in its line: a space a little before its x, so that a glyph a
    squeezed line draws over the space after a word still follows it ("brev" " " "till")."""
    return char["x0"] - 0.5 if char["text"] == " " else char["x0"]


def make_line(chars: list[dict], page: int = 0) -> Line | None:
    """A Line from characters already sorted left to right (None if they are all blank)."""
    parts: list[str] = []
    add = parts.append
    prev_ink = False
    prev_x1 = 0.0
    x0: float | None = None
    x1 = top = bottom = size = 0.0
    fonts: set[str] = set()
    for c in chars:
        t = c["text"]
        if t.isspace():
            add(t if t in NO_BREAK else " ")
            prev_ink = False
            continue
        cx0, cx1, csize = c["x0"], c["x1"], c["size"]
        if prev_ink and cx0 - prev_x1 > SPACE_GAP * csize:
            add(" ")
        add(t)
        prev_ink, prev_x1 = True, cx1
        fonts.add(c["fontname"])
        if x0 is None:
            x0, x1, top, bottom, size = cx0, cx1, c["top"], c["bottom"], csize
            continue
        if cx1 > x1:
            x1 = cx1
        if c["top"] < top:
            top = c["top"]
        if c["bottom"] > bottom:
            bottom = c["bottom"]
        if csize > size:
            size = csize
    if x0 is None:
        return None
    raw = "".join(parts)
    styles = [font_style(f) for f in fonts]
    bold, italic = all(b for b, _ in styles), all(i for _, i in styles)
    return Line(chars, BLANKS.sub(" ", raw).strip(), x0, x1, top, bottom, size, bold, italic,
                trailing_space=raw[-1:] == " ", page=page)


def split_line(line: Line, cuts: list[float], min_gap: float | None = None) -> list[Line]:
    """The line cut at the x positions `cuts` and, if given, at gaps wider than `min_gap`. A space
    the layout set beyond a cut stays with its line."""
    if not cuts and min_gap is None:
        return [line]
    cuts = sorted(cuts)
    k = 0
    next_cut = cuts[0] if cuts else None
    piece: list[dict] = []
    pieces = [piece]
    last_x1 = None  # where the last ink ended
    for c in line.chars:
        blank = c["text"].isspace()
        new = False
        if not blank:
            if next_cut is not None and (c["x0"] + c["x1"]) / 2 > next_cut:
                new = True
                while next_cut is not None and (c["x0"] + c["x1"]) / 2 > next_cut:
                    k += 1
                    next_cut = cuts[k] if k < len(cuts) else None
            if min_gap is not None and last_x1 is not None and c["x0"] - last_x1 > min_gap:
                new = True
        if new and piece:
            piece = []
            pieces.append(piece)
        piece.append(c)
        if not blank:
            last_x1 = c["x1"]
    if len(pieces) == 1:
        return [line]
    return [made for made in (make_line(p, line.page) for p in pieces) if made is not None]
