"""Ruling lines to table frames: where a page's tables are, their rows and columns.

A frame is either *ruled* (horizontal and vertical rules that touch each
other) or *open* (a stack of equally wide horizontal rules without vertical
ones); an open frame's columns are found later from the text alignment.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .page_model import Rule

TOL = 2.0  # points: rules closer than this meet / coincide


@dataclass
class Frame:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    row_ys: list[float]  # horizontal boundaries, top to bottom
    col_xs: list[float]  # vertical boundaries, left to right (open frames: outer edges only)
    hrules: list[Rule] = field(default_factory=list)
    vrules: list[Rule] = field(default_factory=list)
    ruled: bool = True

    @property
    def n_rows(self) -> int:
        return len(self.row_ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.col_xs) - 1

    def contains(self, x: float, y: float) -> bool:
        return self.x0 - TOL <= x <= self.x1 + TOL and self.top - TOL <= y <= self.bottom + TOL

    def has_vrule(self, x: float, y0: float, y1: float) -> bool:
        """Whether a vertical rule at `x` covers most of the band y0..y1."""
        need = 0.5 * (y1 - y0)
        return sum(overlap(r.y0, r.y1, y0, y1) for r in self.vrules if abs(r.x0 - x) <= TOL) >= need

    def has_hrule(self, y: float, x0: float, x1: float) -> bool:
        """Whether a horizontal rule at `y` covers most of the span x0..x1."""
        need = 0.5 * (x1 - x0)
        return sum(overlap(r.x0, r.x1, x0, x1) for r in self.hrules if abs(r.y0 - y) <= TOL) >= need


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def merge_collinear(rules: list[Rule]) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical rules with touching collinear pieces joined."""
    hs = sorted((r for r in rules if r.horizontal), key=lambda r: (round(r.y0), r.x0))
    vs = sorted((r for r in rules if not r.horizontal), key=lambda r: (round(r.x0), r.y0))
    return join_runs(hs, True), join_runs(vs, False)


def join_runs(rules: list[Rule], horizontal: bool) -> list[Rule]:
    out: list[Rule] = []
    for r in rules:
        r = Rule(min(r.x0, r.x1), min(r.y0, r.y1), max(r.x0, r.x1), max(r.y0, r.y1))
        if out:
            last = out[-1]
            if horizontal and abs(last.y0 - r.y0) <= 1.0 and r.x0 <= last.x1 + TOL:
                last.x1 = max(last.x1, r.x1)
                continue
            if not horizontal and abs(last.x0 - r.x0) <= 1.0 and r.y0 <= last.y1 + TOL:
                last.y1 = max(last.y1, r.y1)
                continue
        out.append(r)
    return out


def touches(h: Rule, v: Rule) -> bool:
    return (h.x0 - TOL <= v.x0 <= h.x1 + TOL) and (v.y0 - TOL <= h.y0 <= v.y1 + TOL)


def find_frames(rules: list[Rule], page: int) -> list[Frame]:
    """All table frames on a page, top to bottom."""
    hs, vs = merge_collinear(rules)
    frames, loose = ruled_frames(hs, vs, page)
    frames += open_frames(loose, page)
    return sorted(frames, key=lambda f: f.top)


def ruled_frames(hs: list[Rule], vs: list[Rule], page: int) -> tuple[list[Frame], list[Rule]]:
    """Frames of touching horizontal and vertical rules, and the horizontal rules left over."""
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if touches(h, v):
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    frames, loose = [], []
    for g_h, g_v in groups.values():
        if len(g_h) >= 2 and len(g_v) >= 1:
            frames.append(ruled_frame(g_h, g_v, page))
        else:
            loose.extend(g_h)
    return frames, loose


def ruled_frame(hs: list[Rule], vs: list[Rule], page: int) -> Frame:
    x0 = min(min(h.x0 for h in hs), min(v.x0 for v in vs))
    x1 = max(max(h.x1 for h in hs), max(v.x0 for v in vs))
    top = min(min(h.y0 for h in hs), min(v.y0 for v in vs))
    bottom = max(max(h.y0 for h in hs), max(v.y1 for v in vs))
    row_ys = dedupe([top] + [h.y0 for h in hs] + [bottom])
    col_xs = dedupe([x0] + [v.x0 for v in vs] + [x1])
    return Frame(page, x0, top, x1, bottom, row_ys, col_xs, hs, vs, ruled=True)


def dedupe(values: list[float], tol: float = TOL) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def open_frames(hs: list[Rule], page: int) -> list[Frame]:
    """Frames made of stacked horizontal rules of (nearly) the same extent."""
    frames: list[Frame] = []
    stack: list[Rule] = []
    for h in sorted(hs, key=lambda r: r.y0):
        if h.x1 - h.x0 < 20:
            continue
        if stack and not (abs(h.x0 - stack[0].x0) <= 3 * TOL and abs(h.x1 - stack[0].x1) <= 3 * TOL):
            frames += close_stack(stack, page)
            stack = []
        if stack and h.y0 - stack[-1].y0 <= TOL:
            continue  # a double rule
        stack.append(h)
    frames += close_stack(stack, page)
    return frames


def close_stack(stack: list[Rule], page: int) -> list[Frame]:
    if len(stack) < 2:
        return []
    x0, x1 = min(h.x0 for h in stack), max(h.x1 for h in stack)
    ys = [h.y0 for h in stack]
    return [Frame(page, x0, ys[0], x1, ys[-1], ys, [x0, x1], list(stack), [], ruled=False)]


def split_frame(frame: Frame, keep: list[bool]) -> list[Frame]:
    """An open frame cut where a band is not a table row (`keep[i]` is False for band i)."""
    out: list[Frame] = []
    start = 0
    for i, ok in enumerate(keep + [False]):
        if not ok:
            if i - start >= 1:
                ys = frame.row_ys[start:i + 1]
                hs = [h for h in frame.hrules if ys[0] - TOL <= h.y0 <= ys[-1] + TOL]
                out.append(Frame(frame.page, frame.x0, ys[0], frame.x1, ys[-1], ys,
                                 list(frame.col_xs), hs, [], ruled=False))
            start = i + 1
    return out
