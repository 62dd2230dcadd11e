"""Page furniture: running headers, footers and page numbers, found by repetition and position.

It runs after the ruled tables are found and before tables are read from the
text, so that no table found from its text takes a footer for a row. A
candidate is one of the first or last few text lines of a page that lie
outside every table (above the first, below the last). It is furniture when
the same text (digits ignored) stands at the same height on at least half of
the pages and is not as common inside the pages (a label such as "Tidplan"
that happens to open two pages is text), or when it is a bare page number in
the page's outer band ("3", "- 3 -", "Sida 3 av 10"). A table's header line is
never furniture, though it repeats on every page.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from .layout import PageLayout
from .lines import Line
from .paragraphs import body_size
from .text_tables.header import MAX_BAND_LINES, find_headers

EDGE_LINES = 3
SAME_Y = 3.0
OUTER_BAND = 0.12  # share of the page height counted as top/bottom margin band
# 3, - 3 -, 3/10, 3 av 10, and with a word before: Sida 3, Page 3 of 10, s. 3
PAGE_NUMBER = re.compile(r"^(?:[^\W\d_]{1,5}\.?\s+)?\W*\d{1,3}(\W+([^\W\d_]{1,3}\W+)?\d{1,3})?\W*$")


def key(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.split())).lower()


def edge_candidates(layout: PageLayout) -> list[Line]:
    """The leading and trailing text lines of a page that are not inside or between tables,
    nor part of a table's header."""
    lines = sorted((i for i in layout.items if isinstance(i, Line)), key=lambda l: l.top)
    reach = 2 * EDGE_LINES + MAX_BAND_LINES  # a header among the lines that may be furniture
    anchors = set(range(min(reach, len(lines)))) | set(range(max(0, len(lines) - reach), len(lines)))
    header = {id(l) for h in find_headers(lines, body_size(lines), anchors=anchors) for l in h.lines}
    items = [i for i in layout.items if id(i) not in header]
    lead: list[Line] = []
    for item in items:
        if not isinstance(item, Line) or len(lead) == EDGE_LINES:
            break
        lead.append(item)
    trail: list[Line] = []
    for item in reversed(items):
        if not isinstance(item, Line) or len(trail) == EDGE_LINES:
            break
        trail.append(item)
    return lead + [l for l in trail if l not in lead]


def is_page_number(line: Line, layout: PageLayout) -> bool:
    if not PAGE_NUMBER.match(line.text) or len(line.text) > 20:
        return False
    band = OUTER_BAND * layout.height
    return ((line is layout.items[0] and line.bottom < band)
            or (line is layout.items[-1] and line.top > layout.height - band))


def strip_furniture(layouts: list[PageLayout]) -> None:
    """Move running headers, footers and page numbers out of each page's items."""
    by_key: dict[str, list[tuple[int, float]]] = {}
    inside: Counter = Counter()
    candidates = [edge_candidates(lay) for lay in layouts]
    for lay, edges in zip(layouts, candidates):
        for line in edges:
            by_key.setdefault(key(line), []).append((lay.number, line.top))
        inside.update(key(i) for i in lay.items if isinstance(i, Line) and not any(i is e for e in edges))
    pages_with_text = sum(1 for lay in layouts if lay.items)
    need = max(2, math.ceil(0.5 * pages_with_text))
    for lay, edges in zip(layouts, candidates):
        drop = []
        for line in edges:
            hits = {p for p, top in by_key[key(line)] if abs(top - line.top) <= SAME_Y}
            if len(hits) >= max(need, inside[key(line)] + 1) or is_page_number(line, lay):
                drop.append(line)
        if drop:
            lay.furniture += drop
            lay.items = [i for i in lay.items if not any(i is d for d in drop)]
