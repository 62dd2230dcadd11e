"""One page's characters and rules to its items: tables (PageTable) and body text lines."""
from __future__ import annotations

from dataclasses import dataclass, field

from .frame_tables import PageTable, TRow, build_table, split_open_frame
from .frames import TOL, Frame, find_frames, merge_collinear
from .lines import Line, chars_to_lines
from .page_model import PageData, Rule, Shade
from .paragraphs import body_size
from .text_tables.header import MAX_BAND_LINES, find_headers
from .text_tables.tables import text_tables


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    items: list  # Line | PageTable, top to bottom
    furniture: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    shades: list[Shade] = field(default_factory=list)
    open_frames: list[Frame] = field(default_factory=list)  # frames of horizontal rules only
    ruled: list[Frame] = field(default_factory=list)


def item_top(item) -> float:
    return item.top


def page_to_items(page: PageData) -> PageLayout:
    """The page's ruled tables and the text lines outside them, in reading order; the lines
    are read as tables later (`lines_to_tables`), once page furniture is set aside."""
    frames = find_frames(page.rules, page.number)
    ruled = [f for f in frames if f.ruled]
    tables: list[PageTable] = []
    by_frame, free = chars_by_frame(page.chars, ruled)
    kept = []
    for frame, chars in zip(ruled, by_frame):
        lines = chars_to_lines(chars, page.number)
        found, leftover = frame_tables(frame, lines)
        if any(ruled_in_part(t, lines) for t in found):
            free += chars  # its header names more columns than its rules draw: read it from its text
            continue
        kept.append(frame)
        tables += found
        free += [c for line in leftover for c in line.chars]
    items = sorted([*chars_to_lines(free, page.number), *tables], key=item_top)
    return PageLayout(page.number, page.width, page.height, items, rules=page.rules, shades=page.shades,
                      open_frames=[f for f in frames if not f.ruled], ruled=kept)


HEADER_REACH = 8  # a frame's header starts within this many font sizes of its first line
HEADER_CONTEXT = 40  # lines looked at to find it


def ruled_in_part(table: PageTable, lines: list[Line]) -> bool:
    """A ruled table whose rules draw fewer columns than its header line names (a Word style
    that rules some rows only: the header's row holds fewer cells than the header has), or no
    rule under its header (a box and column rules only: the header's row holds the body too,
    lines further below its header than a header's own wrapped lines go)."""
    lines = sorted(lines, key=lambda l: l.top)
    if not lines or not table.rows or not may_hold_a_header_unruled(table.rows[0], lines):
        return False
    top = [i for i, l in enumerate(lines) if l.top < lines[0].top + HEADER_REACH * l.size]
    # the header among the frame's first lines, the lines under it showing where columns start
    for header in find_headers(lines[:HEADER_CONTEXT], body_size(lines), anchors=set(top)):
        row = next((r for r in table.rows if r.top <= header.lines[0].middle <= r.bottom), None)
        if row is None:
            continue
        below = [l for l in lines if header.bottom + 2 * header.size < l.top and l.middle <= row.bottom]
        if len(row.cells) < len(header.cells) or below:
            return True
    return False


def may_hold_a_header_unruled(row: TRow, lines: list[Line]) -> bool:
    """A cheap first look (finding headers is not): a row of one or two cells, or with more lines
    of text than a header has, may be a header with no rules of its own."""
    levels = {round(l.top) for l in lines if row.top <= l.middle <= row.bottom}
    return bool(levels) and (len(row.cells) <= 2 or len(levels) > MAX_BAND_LINES)


def lines_to_tables(lay: PageLayout) -> None:
    """Read the page's free lines as tables: first those anchored on a header line (the page's
    loose rules and shading cut their rows), then frames of horizontal rules without one."""
    lines = [i for i in lay.items if isinstance(i, Line)]
    tables = [i for i in lay.items if not isinstance(i, Line)]
    found, lines = text_tables(lines, loose_rules(lay.rules, lay.ruled), lay.shades, lay.number, body_size(lines))
    tables += found
    open_ = [f for f in lay.open_frames if not any(overlaps(f, t) for t in found)]
    by_frame, free = chars_by_frame([c for line in lines for c in line.chars], open_)
    for frame, chars in zip(open_, by_frame):
        found, leftover = frame_tables(frame, chars_to_lines(chars, lay.number))
        tables += found
        free += [c for line in leftover for c in line.chars]
    lay.items = sorted(chars_to_lines(free, lay.number) + tables, key=item_top)


def chars_by_frame(chars: list[dict], frames: list[Frame]) -> tuple[list[list[dict]], list[dict]]:
    """The characters inside each frame, and those in none."""
    by_frame: list[list[dict]] = [[] for _ in frames]
    if not frames:
        return by_frame, list(chars)
    outside: list[dict] = []
    boxes = [(f.x0 - TOL, f.x1 + TOL, f.top - TOL, f.bottom + TOL, into) for f, into in zip(frames, by_frame)]
    for c in chars:
        x = c["x0"] if c["text"].isspace() else (c["x0"] + c["x1"]) / 2  # a space: its left end
        y = (c["top"] + c["bottom"]) / 2
        for x0, x1, top, bottom, into in boxes:  # Frame.contains
            if x0 <= x <= x1 and top <= y <= bottom:
                into.append(c)
                break
        else:
            outside.append(c)
    return by_frame, outside


def loose_rules(rules: list[Rule], ruled: list[Frame]) -> list[Rule]:
    """The horizontal rules that are not part of a ruled frame."""
    hs, _ = merge_collinear(rules)
    return [h for h in hs if not any(f.contains(h.x0, h.y0) and f.contains(h.x1, h.y0) for f in ruled)]


def overlaps(frame: Frame, table: PageTable) -> bool:
    return frame.top < table.bottom and table.top < frame.bottom and frame.x0 < table.x1 and table.x0 < frame.x1


def frame_tables(frame: Frame, lines: list[Line]) -> tuple[list[PageTable], list[Line]]:
    """The tables a frame holds (an open frame may be cut into several, or hold none),
    and the lines that belong to none of them."""
    parts = [frame] if frame.ruled else split_open_frame(frame, lines)
    out = []
    taken: set[int] = set()
    for part in parts:
        inside = [l for l in lines if part.top - TOL <= l.middle <= part.bottom + TOL and id(l) not in taken]
        if not frame.ruled and not inside:
            continue
        table = build_table(part, inside)
        if table is not None:
            out.append(table)
            taken.update(id(l) for l in inside)
    return out, [l for l in lines if id(l) not in taken]
