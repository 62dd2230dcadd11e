"""One page's characters and rules to its items: tables (PageTable) and body text lines."""
from __future__ import annotations

from dataclasses import dataclass, field

from .pdf_cells import PageTable, build_table, split_open_frame
from .pdf_grid import TOL, Frame, find_frames
from .pdf_open import PageData
from .pdf_text import Line, chars_to_lines


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    items: list  # Line | PageTable, top to bottom
    furniture: list[Line] = field(default_factory=list)


def item_top(item) -> float:
    return item.top


def page_to_items(page: PageData) -> PageLayout:
    """The page's tables and the text lines outside them, in reading order."""
    frames = find_frames(page.rules, page.number)
    by_frame: list[list[dict]] = [[] for _ in frames]
    outside: list[dict] = []
    for c in page.chars:
        x = c["x0"] if c["text"].isspace() else (c["x0"] + c["x1"]) / 2  # a space: its left end
        y = (c["top"] + c["bottom"]) / 2
        for i, f in enumerate(frames):
            if f.contains(x, y):
                by_frame[i].append(c)
                break
        else:
            outside.append(c)
    tables: list[PageTable] = []
    for frame, chars in zip(frames, by_frame):
        found, leftover = frame_tables(frame, chars_to_lines(chars, page.number))
        tables += found
        outside += [c for line in leftover for c in line.chars]
    lines = chars_to_lines(outside, page.number)
    items = sorted(lines + tables, key=item_top)
    return PageLayout(page.number, page.width, page.height, items)


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
