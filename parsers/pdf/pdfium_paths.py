"""Drawn paths read with PDFium, as pdfminer reads them: lines, rectangles and curves.

pdfminer paints each subpath of a path on its own and calls it a line (one
straight segment), a rect (four axis-aligned sides, closed) or a curve
(anything else), with the path's fill and stroke. `page_model` decides from
those objects what is a rule and what is shading, so a path read here comes
out as the same objects, in page space with y measured down from the top.
Paths inside form XObjects are read too, mapped by the form's matrix.
"""
from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

@dataclass
class PageObjects:
    """A page's text and path objects (forms looked into), each with the matrix of the form it sits
    in (its own matrix still to apply) and the form objects around it, outermost first."""

    texts: list[tuple[object, Matrix, list]] = field(default_factory=list)
    paths: list[tuple[object, Matrix, list]] = field(default_factory=list)
    top: list[object] = field(default_factory=list)  # the page's own objects


def page_objects(c, page) -> PageObjects:
    """The text and path objects of a page in drawing order, found in one walk through it and
    its forms (a loop, not a recursive closure, so that no reference cycle keeps them alive)."""
    found = PageObjects()
    matrix = c.FS_MATRIX()
    kinds = {c.FPDF_PAGEOBJ_TEXT: found.texts, c.FPDF_PAGEOBJ_PATH: found.paths}
    found.top = [c.FPDFPage_GetObject(page, k) for k in range(c.FPDFPage_CountObjects(page))]
    stack: list[tuple[Iterator, Matrix, list]] = [(iter(found.top), IDENTITY, [])]  # objects, form matrix, forms
    while stack:
        objects, outer, parents = stack[-1]
        obj = next(objects, None)
        if obj is None:
            stack.pop()
            continue
        kind = c.FPDFPageObj_GetType(obj)
        if kind in kinds:
            kinds[kind].append((obj, outer, parents))
        elif kind == c.FPDF_PAGEOBJ_FORM:
            inner = [c.FPDFFormObj_GetObject(obj, j) for j in range(c.FPDFFormObj_CountObjects(obj))]
            stack.append((iter(inner), times(object_matrix(c, obj, matrix), outer), parents + [obj]))
    return found


def page_drawings(c, paths: list[tuple[object, Matrix, list]], height: float) -> tuple[list[dict], list[dict],
                                                                                       list[dict]]:
    """The page's drawn paths as pdfplumber's line, rect and curve objects."""
    lines: list[dict] = []
    rects: list[dict] = []
    curves: list[dict] = []
    kinds = {"line": lines, "rect": rects, "curve": curves}
    matrix = c.FS_MATRIX()
    for obj, outer, _ in paths:
        for item in path_objects(c, obj, times(object_matrix(c, obj, matrix), outer), height):
            kinds[item["object_type"]].append(item)
    return lines, rects, curves


def times(m: Matrix, n: Matrix) -> Matrix:
    """The matrix that applies `m`, then `n`."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def object_matrix(c, obj, m) -> Matrix:
    """A page object's matrix (to its parent's space), read into the FS_MATRIX `m`."""
    return (m.a, m.b, m.c, m.d, m.e, m.f) if c.FPDFPageObj_GetMatrix(obj, m) else IDENTITY


def path_objects(c, obj, m: Matrix, height: float) -> list[dict]:
    """pdfminer's objects for one path: each subpath a line, a rect or a curve, with the path's
    fill, stroke and fill colour; points in page space, y measured down from the top."""
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    if not c.FPDFPath_GetDrawMode(obj, fillmode, stroke):
        return []
    fill, stroke_ = fillmode.value != 0, bool(stroke.value)
    if not fill and not stroke_:
        return []
    colour = fill_colour(c, obj)
    a, b, cc, d, e, f = m
    x, y = ctypes.c_float(), ctypes.c_float()
    ops: list[tuple] = []
    bezier: list[tuple[float, float]] = []
    for k in range(c.FPDFPath_CountSegments(obj)):
        seg = c.FPDFPath_GetPathSegment(obj, k)
        c.FPDFPathSegment_GetPoint(seg, x, y)
        px, py = a * x.value + cc * y.value + e, b * x.value + d * y.value + f
        pt = (px, height - py)
        kind = c.FPDFPathSegment_GetType(seg)
        if kind == c.FPDF_SEGMENT_MOVETO:
            ops.append(("m", pt))
        elif kind == c.FPDF_SEGMENT_BEZIERTO:
            bezier.append(pt)
            if len(bezier) == 3:
                ops.append(("c", *bezier))
                bezier = []
        else:
            ops.append(("l", pt))
        if c.FPDFPathSegment_GetClose(seg):
            ops.append(("h",))
    out = []
    for sub in subpaths(ops):
        kind, pts = classify(sub)
        xs, tops = [p[0] for p in pts], [p[1] for p in pts]
        out.append({"object_type": kind, "x0": min(xs), "x1": max(xs), "top": min(tops), "bottom": max(tops),
                    "fill": fill, "stroke": stroke_, "non_stroking_color": colour, "path": sub, "pts": pts})
    return out


def fill_colour(c, obj) -> tuple[float, ...] | None:
    """The fill colour as RGB from 0 to 1, None when PDFium gives none (a pattern)."""
    r, g, b, alpha = (ctypes.c_uint() for _ in range(4))
    if not c.FPDFPageObj_GetFillColor(obj, r, g, b, alpha):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def subpaths(ops: list[tuple]) -> list[list[tuple]]:
    """The path split where a new subpath starts ('m'), as pdfminer paints each on its own; a
    subpath that does not start with 'm' is dropped, as pdfminer drops it."""
    out: list[list[tuple]] = []
    for op in ops:
        if op[0] == "m" or not out:
            out.append([])
        out[-1].append(op)
    return [sub for sub in out if sub[0][0] == "m" and len(sub) > 1]


def classify(sub: list[tuple]) -> tuple[str, list[tuple[float, float]]]:
    """'line', 'rect' or 'curve' for a subpath, as pdfminer tells them apart, and its points (the
    end point of each segment; 'h' closes at the start)."""
    pts = [op[-1] if op[0] != "h" else sub[0][-1] for op in sub]
    shape = "".join(op[0] for op in sub)
    if len(shape) > 3 and shape[-2:] == "lh" and same(pts[-2], pts[0]):
        shape = shape[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if shape in ("ml", "mlh"):
        return "line", pts
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]
        square = (same1(x0, x1) and same1(y1, y2) and same1(x2, x3) and same1(y3, y0)
                  or same1(y0, y1) and same1(x1, x2) and same1(y2, y3) and same1(x3, x0))
        if same(pts[0], pts[4]) and square:
            return "rect", pts
    return "curve", pts


def same1(a: float, b: float) -> bool:
    return abs(a - b) < 1e-3


def same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return same1(p[0], q[0]) and same1(p[1], q[1])
