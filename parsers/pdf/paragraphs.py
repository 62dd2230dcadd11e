"""Body text lines to paragraphs: wrapped lines joined, headings, list items and emphasis.

A line ends its paragraph when the next one would not have needed a new line
(the next line's first word would have fit after it), when the spacing,
font or indentation changes, or when the next line starts with a bullet or
with bold words after plain ones (an inline label such as "Tidplan:").
Heading levels come from the font sizes clearly larger than the body text.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Paragraph
from .lines import Line, font_style, make_line
from .word_breaks import TextContext, join_lines

BULLETS = set("•◦▪▫■□●○◆◇►▶➢➤✓✔-–—·*\ufffd")  # U+FFFD: a glyph the font does not name (a bullet)
SYMBOL_FONT = re.compile(r"symbol|wingding|dingbat|webding", re.I)
NUMBER_LABEL = re.compile(r"^(\d{1,2}(\.\d{1,2})*|[a-zA-Z]|[ivxIVX]{1,4})[.)]$")
NUMBER_GAP = 0.45  # a list number stands this far (in font sizes) from its text: more than a word space
HEADING_RATIO = 1.15  # a font this much larger than the body text makes a heading
PARA_GAP = 1.55  # line-to-line distance (in font sizes) above which a new paragraph starts
COLUMN_GAP_EM = 0.8  # a gap this wide (in font sizes) between two words separates columns


@dataclass
class Para:
    lines: list[Line] = field(default_factory=list)
    is_list: bool = False
    indent: float = 0.0  # x where the text (after any bullet) starts


def list_label(line: Line) -> tuple[bool, Line]:
    """Whether the line starts with a bullet or list number, and the line without it."""
    ink = [c for c in line.chars if not c["text"].isspace()]
    if len(ink) < 2:
        return False, line
    first = ink[0]
    t = first["text"]
    bullet = (t in BULLETS or "\ue000" <= t <= "\uf8ff" or SYMBOL_FONT.search(first["fontname"])) \
        and ink[1]["x0"] - first["x1"] > 0.15 * first["size"]
    label_end = 1
    if not bullet:
        for n in range(2, min(6, len(ink))):
            if NUMBER_LABEL.match("".join(c["text"] for c in ink[:n])) and ink[n]["x0"] - ink[n - 1]["x1"] > NUMBER_GAP * first["size"]:
                bullet, label_end = True, n
                break
    if not bullet:
        return False, line
    rest = [c for c in line.chars if c["x0"] >= ink[label_end - 1]["x1"] - 0.1 and c not in ink[:label_end]]
    return True, make_line(rest, line.page) or line


def bold_lead(line: Line) -> str:
    """The bold words a line not bold throughout opens with (an inline label such as "Tidplan:")."""
    if line.bold:
        return ""
    lead = []
    for c in line.chars:
        if not c["text"].isspace() and not font_style(c["fontname"])[0]:
            break
        lead.append(c)
    made = make_line(lead, line.page) if lead else None
    return made.text if made is not None else ""


def body_size(lines: list[Line]) -> float:
    weights: Counter[float] = Counter()
    for l in lines:
        weights[round(l.size * 2) / 2] += len(l.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def starts_new(prev: Line, cur: Line, para: Para, right: float, is_list: bool) -> bool:
    """Whether `cur` starts a new paragraph after `prev` (the last line of `para`)."""
    if is_list or cur.page != prev.page and not prev.meta.get("last_on_page"):
        return True
    if abs(cur.size - prev.size) > 0.5 or cur.bold != prev.bold or cur.italic != prev.italic:
        return True
    if cur.page == prev.page and cur.top - prev.top > PARA_GAP * prev.size:
        return True
    if not prev.bold and bold_lead(cur):
        return True  # a line opening in bold opens a paragraph (an inline label), spacing or not
    if abs(cur.x0 - para.indent) > 0.8 * cur.size:
        return True
    return prev.x1 + 0.3 * prev.size + cur.first_word_width() < right - 1.0


def group_paragraphs(lines: list[Line], rights: dict[int, float]) -> list[Para]:
    """Consecutive body lines (a table or page furniture in between is marked by `None`) grouped."""
    paras: list[Para] = []
    prev = None
    for line in lines:
        if line is None:
            prev = None
            continue
        is_list, body = list_label(line)
        if prev is None or starts_new(prev, body, paras[-1], rights.get(line.page, body.x1), is_list):
            paras.append(Para([body], is_list, body.x0))
        else:
            paras[-1].lines.append(body)
        prev = body
    return paras


def heading_levels(paras: list[Para], size: float) -> tuple[dict[float, int], Para | None]:
    """Heading level per font size, and the title paragraph (largest font on page 1)."""
    first_page = [p for p in paras if p.lines[0].page == min(l.page for q in paras for l in q.lines)]
    title = max(first_page, key=lambda p: p.lines[0].size, default=None)
    if title is not None and title.lines[0].size < HEADING_RATIO * size:
        title = None
    sizes = sorted({round(p.lines[0].size * 2) / 2 for p in paras
                    if p is not title and p.lines[0].size >= HEADING_RATIO * size and not p.is_list}, reverse=True)
    return {s: i + 1 for i, s in enumerate(sizes)}, title


def to_paragraphs(paras: list[Para], rights: dict[int, float], ctx: TextContext) -> list[Paragraph | None]:
    """One Paragraph per Para (None where it has no text), with heading levels for the whole document."""
    all_lines = [l for p in paras for l in p.lines]
    size = body_size(all_lines)
    levels, title = heading_levels(paras, size)
    out: list[Paragraph | None] = []
    for p in paras:
        first = p.lines[0]
        text = " ".join(join_lines(p.lines, rights.get(first.page, first.x1), ctx).split())
        if not text:
            out.append(None)
            continue
        level = 0 if p is title else levels.get(round(first.size * 2) / 2)
        bold = all(l.bold for l in p.lines)
        out.append(Paragraph(text=text, heading_level=level, bold=bold,
                             italic=all(l.italic for l in p.lines), bold_lead="" if bold else bold_lead(first),
                             is_list=p.is_list,
                             font_size=round(max(l.size for l in p.lines), 1), page=first.page,
                             columnar=2 * sum(map(is_columnar, p.lines)) > len(p.lines)))
    return out


def is_columnar(line: Line) -> bool:
    """A line whose words stand in three columns or more: gaps of COLUMN_GAP_EM between them."""
    ink = [c for c in line.chars if not c["text"].isspace()]
    gaps = sum(1 for a, b in zip(ink, ink[1:]) if b["x0"] - a["x1"] > COLUMN_GAP_EM * line.size)
    return gaps >= 2
