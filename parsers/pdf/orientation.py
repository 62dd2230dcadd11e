"""Turn a page into its reading orientation: the direction most of its text runs in.

Landscape tables are often stored as portrait pages turned by /Rotate, or
drawn turned on the page. After the PDF library has applied the page's
rotation, a character's text matrix still says which way it runs: right (0°),
up (90°), left (180°) or down (270°). The page is turned so that the most
common direction runs right; characters running any other way (a turned
label in a margin) are left out, as they were before.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

Point = Callable[[float, float], tuple[float, float]]


def direction(char: dict) -> int:
    """0, 90, 180 or 270: the way the character's baseline runs (counter-clockwise, y up)."""
    a, b = char.get("matrix", (1, 0))[:2]
    if b == 0 and a >= 0:  # upright text, nearly every character
        return 0
    return round(math.degrees(math.atan2(b, a)) / 90) % 4 * 90


def reading_direction(chars: list[dict], directions: list[int] | None = None) -> int:
    """The direction most of the page's visible characters run in (`directions`: each
    character's, when known)."""
    if directions is None:
        directions = [direction(c) for c in chars]
    counts = Counter(d for d, c in zip(directions, chars) if not c["text"].isspace())
    return counts.most_common(1)[0][0] if counts else 0


def turn(angle: int, width: float, height: float) -> tuple[Point, float, float]:
    """The map of a point (x, top) of a page read in `angle` into the upright page, and that
    page's width and height."""
    if angle == 270:  # text runs down the page: turn the page a quarter counter-clockwise
        return (lambda x, y: (y, width - x)), height, width
    if angle == 90:  # text runs up the page: turn it a quarter clockwise
        return (lambda x, y: (height - y, x)), height, width
    if angle == 180:
        return (lambda x, y: (width - x, height - y)), width, height
    return unturned, width, height


def unturned(x: float, y: float) -> tuple[float, float]:
    return x, y


def turn_box(box: dict, point: Point) -> dict:
    """A box (x0, x1, top, bottom) mapped by `point`: the box around its mapped corners."""
    if point is unturned:
        return box
    xs, ys = zip(*(point(x, y) for x in (box["x0"], box["x1"]) for y in (box["top"], box["bottom"])))
    return {**box, "x0": min(xs), "x1": max(xs), "top": min(ys), "bottom": max(ys)}


def upright_chars(chars: list[dict], width: float, height: float) -> tuple[list[dict], Point, float, float]:
    """The characters that run in the page's reading direction, turned upright (their size is
    their height in that direction), with the map used and the upright page's size."""
    directions = [direction(c) for c in chars]
    if not any(directions):  # every character runs right: the page is upright
        return [c for c in chars if c["text"] != "\n" and c.get("upright", True)], unturned, width, height
    angle = reading_direction(chars, directions)
    point, w, h = turn(angle, width, height)
    out = []
    for c, way in zip(chars, directions):
        if c["text"] == "\n" or way != angle and not c["text"].isspace():
            continue
        if angle == 0:
            if c.get("upright", True):
                out.append(c)
            continue
        t = turn_box(c, point)
        out.append({**t, "size": t["bottom"] - t["top"], "upright": True})
    return out, point, w, h
