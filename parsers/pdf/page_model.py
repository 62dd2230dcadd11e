"""The neutral page model every PDF source fills, and the rules for filling it.

A page is its characters (pdfplumber-style dicts: text, x0, x1, top, bottom,
size, fontname, matrix, upright), the straight rules its drawings make and
the shading behind its text. Which drawn object is a rule, a shade or
neither, and how a glyph reads, is decided here once, for every source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

CID = re.compile(r"\(cid:\d+\)")
UNKNOWN = "\ufffd"
WIN_ANSI_UNUSED = frozenset({0o177, 0o201, 0o215, 0o217, 0o220, 0o235})  # codes WinAnsiEncoding shows as a bullet
STANDARD_FONTS = frozenset({"Helvetica", "Times", "Courier", "Arial", "ArialMT", "TimesNewRoman", "TimesNewRomanPSMT"})
RULE_MAX_THICKNESS = 2.5  # a filled rectangle thinner than this is drawn as a rule
SQUARE = 0.01  # sides this close make a square: a dot (of a dotted line) is no rule either way
PAGE_FILL_SHARE = 0.5  # a filled rectangle larger than this share of the page is a background
WHITE = 0.97  # a fill this light is paper, not shading
DARK = 0.5  # a fill this dark carries light text
# glyphs a layout engine (Chromium, for one) sets for letter pairs, read as their letters
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}


@dataclass
class Rule:
    """A horizontal (`x0 < x1`, `y0 == y1`) or vertical straight rule."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return abs(self.y1 - self.y0) < abs(self.x1 - self.x0)


@dataclass
class Shade:
    """A filled rectangle behind text: a shaded row, a header band, a zebra stripe."""

    x0: float
    top: float
    x1: float
    bottom: float
    dark: bool = False  # dark enough to carry light text (a header band)


@dataclass
class PageData:
    number: int  # 1-based
    width: float
    height: float
    chars: list[dict]
    rules: list[Rule] = field(default_factory=list)
    shades: list[Shade] = field(default_factory=list)


def upright_page(number: int, width: float, height: float, chars: list[dict], lines: list[dict],
                 rects: list[dict], curves: list[dict], glyphs_known: bool = False, upright: bool = False) -> PageData:
    """The page model of a page's characters and drawn objects (pdfplumber's dicts, the page as
    drawn), turned to its reading orientation (`orientation`): what every source ends with.
    `glyphs_known`: the source already reads every glyph as its letters (`known_glyph`);
    `upright`: it knows every character runs right, upright (then nothing is turned)."""
    from .orientation import Point, turn_box, unturned, upright_chars

    point: Point
    if not glyphs_known:
        chars = [known_glyph(ch) for ch in chars]
    if upright:
        chars, point = [ch for ch in chars if ch["text"] != "\n"], unturned
    else:
        chars, point, width, height = upright_chars(chars, width, height)
    lines, rects, turned = ([turn_box(o, point) for o in objs] for objs in (lines, rects, curves))
    rules = [r for obj in lines + rects for r in object_rules(obj, width, height)]
    rules += [r for obj in curves if obj.get("stroke") for r in path_rules(obj, point)]
    shades = [s for obj in rects + turned if (s := object_shade(obj, width, height))]
    return PageData(number, width, height, chars, rules, shades)


def known_glyph(char: dict) -> dict:
    """A glyph as its letters: a ligature as the letters it joins; a code that a standard font
    (one of the 14 a PDF need not embed) leaves unused as the bullet WinAnsiEncoding gives every
    such code ("(cid:127)"), as PDFium reads it; any other glyph the font does not map to a
    character as U+FFFD, one unknown character, instead of its code's text."""
    text = char["text"]
    if text in LIGATURES:
        return {**char, "text": LIGATURES[text]}
    if not CID.fullmatch(text):
        return char
    code = int(text[5:-1])
    if code in WIN_ANSI_UNUSED and char.get("fontname", "").split("+")[-1].split("-")[0] in STANDARD_FONTS:
        return {**char, "text": "\u2022"}
    return {**char, "text": UNKNOWN}


def path_rules(obj: dict, point) -> list[Rule]:
    """The straight horizontal and vertical strokes of a drawn path (a cell outlined as one
    polygon, a frame with rounded corners): its line segments, mapped by `point`."""
    out: list[Rule] = []
    start = cur = None  # `start`: where the subpath began, as drawn (a closing "h" returns there)
    for command, *pts in obj.get("path") or []:
        if not pts and command == "h" and cur and start:
            pts, command = [start], "l"
        if not pts:
            continue
        if command == "m":
            start = pts[-1]
        nxt = point(*pts[-1])
        if command == "l" and cur is not None:
            (x0, y0), (x1, y1) = cur, nxt
            if abs(y1 - y0) <= 0.5 < abs(x1 - x0) or abs(x1 - x0) <= 0.5 < abs(y1 - y0):
                out.append(Rule(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        cur = nxt
    return out


def luminance(color) -> float | None:
    """0 (black) to 1 (white) for a gray, RGB or CMYK colour as pdfplumber gives it; None if unknown."""
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not all(isinstance(v, (int, float)) for v in color):
        return None
    if len(color) == 1:
        return float(color[0])
    if len(color) == 3:
        r, g, b = color
        return 0.299 * r + 0.587 * g + 0.114 * b
    if len(color) == 4:
        c, m, y, k = color
        return (1 - min(1.0, c + k)) * 0.299 + (1 - min(1.0, m + k)) * 0.587 + (1 - min(1.0, y + k)) * 0.114
    return None


def object_shade(obj: dict, page_w: float, page_h: float) -> Shade | None:
    """The shading a filled rectangle (or closed path) draws, if it is neither a rule, nor white,
    nor the page's background."""
    x0, x1, top, bottom = obj["x0"], obj["x1"], obj["top"], obj["bottom"]
    w, h = x1 - x0, bottom - top
    if not obj.get("fill") or w <= RULE_MAX_THICKNESS or h <= RULE_MAX_THICKNESS:
        return None
    if w * h >= PAGE_FILL_SHARE * page_w * page_h:
        return None
    lum = luminance(obj.get("non_stroking_color"))
    if lum is None or lum >= WHITE:
        return None
    return Shade(x0, top, x1, bottom, dark=lum < DARK)


def object_rules(obj: dict, page_w: float, page_h: float) -> list[Rule]:
    """The straight rules a line or rectangle object draws (none for shading/backgrounds). A
    square dot runs neither way, whatever rounding leaves of its sides (each library's own)."""
    x0, x1, top, bottom = obj["x0"], obj["x1"], obj["top"], obj["bottom"]
    w, h = x1 - x0, bottom - top
    if h <= RULE_MAX_THICKNESS and w > h + SQUARE:
        y = (top + bottom) / 2
        return [Rule(x0, y, x1, y)]
    if w <= RULE_MAX_THICKNESS and h > w + SQUARE:
        x = (x0 + x1) / 2
        return [Rule(x, top, x, bottom)]
    if obj.get("object_type") == "rect" and obj.get("stroke") and w * h < PAGE_FILL_SHARE * page_w * page_h:
        return [Rule(x0, top, x1, top), Rule(x0, bottom, x1, bottom),
                Rule(x0, top, x0, bottom), Rule(x1, top, x1, bottom)]
    return []
