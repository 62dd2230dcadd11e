"""Paint a page as it is drawn, with the marks of what vplan read over it, and a legend below.

The page is rendered by PDFium (pypdfium2, which pdfplumber uses for its page
images) as drawn, its /Rotate set aside, and turned the way the reader turned
it (`PageTrace.turned`): the trace's coordinates are those of that turned page.
"""
from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from parsers.pdf.trace import PageTrace

from .marks import LEGEND, Mark

BLUE = (31, 94, 168)
COLOURS = {
    "frame": BLUE, "text_frame": BLUE, "grid": BLUE, "tag": BLUE,
    "header": (128, 64, 176), "category": (232, 128, 0), "placeholder": (196, 168, 0),
    "dropped": (204, 32, 32), "mended": (214, 0, 150), "activity": (0, 128, 72), "furniture": (128, 128, 128),
}
FILLS = {"header": 56, "category": 72, "placeholder": 72, "dropped": 72, "furniture": 50}  # alpha of a band's fill
LABEL_PT = 8.0  # the size of labels, in points of the page


def render_page(document, page: PageTrace, scale: float) -> Image.Image:
    """The page as drawn (a pypdfium2 PdfDocument), at `scale` pixels per point, turned upright."""
    pdf_page = document[page.number - 1]
    pdf_page.set_rotation(0)
    pdf_page.set_cropbox(*pdf_page.get_mediabox())  # the reader's coordinates start at the media box
    image = pdf_page.render(scale=scale).to_pil().convert("RGB")
    return image.rotate((360 - page.turned) % 360, expand=True) if page.turned else image


def draw_marks(image: Image.Image, marks: list[Mark], scale: float) -> Image.Image:
    """The page image with the marks painted over it and the legend below."""
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    fill = ImageDraw.Draw(overlay)
    for m in marks:
        if m.kind in FILLS:
            if m.kind == "furniture":  # greyed out: washed over in white, then grey
                fill.rectangle(box(m, scale, pad=1), fill=(255, 255, 255, 190))
            fill.rectangle(box(m, scale, pad=1), fill=COLOURS[m.kind] + (FILLS[m.kind],))
    out = Image.alpha_composite(image.convert("RGBA"), overlay)
    pen = ImageDraw.Draw(out)
    font = ImageFont.load_default(max(9.0, LABEL_PT * scale))
    width = max(1, round(scale * 0.6))
    for m in sorted(marks, key=lambda m: ORDER.index(m.kind) if m.kind in ORDER else 0):
        colour = COLOURS[m.kind]
        if m.kind == "grid":
            pen.line(box(m, scale), fill=colour + (150,), width=width)
        elif m.kind == "frame":
            pen.rectangle(box(m, scale), outline=colour, width=2 * width)
        elif m.kind == "text_frame":
            dashed_rectangle(pen, box(m, scale), colour, 2 * width, dash=round(6 * scale))
        elif m.kind == "mended":
            pen.rectangle(box(m, scale, pad=-width), outline=colour, width=2 * width)
            side_note(pen, font, m.label, m, scale, colour, out.width)
        elif m.kind == "dropped":
            pen.rectangle(box(m, scale), outline=colour, width=width)
            side_note(pen, font, "left out", m, scale, colour, out.width)
        elif m.kind == "activity":
            seq_label(pen, font, m, scale)
        elif m.kind == "tag":
            tag(pen, font, m, scale)
    return with_legend(out.convert("RGB"), font)


ORDER = ["grid", "frame", "text_frame", "dropped", "mended", "activity", "tag"]


def box(m: Mark, scale: float, pad: int = 0) -> tuple[float, float, float, float]:
    return (m.x0 * scale - pad, m.top * scale - pad, m.x1 * scale + pad, m.bottom * scale + pad)


def dashed_rectangle(pen: ImageDraw.ImageDraw, xy, colour, width: int, dash: int) -> None:
    x0, y0, x1, y1 = xy
    dash = max(dash, 3)
    for a, b, horizontal, at in ((x0, x1, True, y0), (x0, x1, True, y1), (y0, y1, False, x0), (y0, y1, False, x1)):
        start = a
        while start < b:
            end = min(start + dash, b)
            pen.line((start, at, end, at) if horizontal else (at, start, at, end), fill=colour, width=width)
            start += 2 * dash


def badge(pen: ImageDraw.ImageDraw, font, text: str, at: tuple[float, float], colour, right: bool = False) -> None:
    """White text on a filled box; `at` is its top-left corner (top-right when `right`)."""
    x0, y0, x1, y1 = pen.textbbox((0, 0), text, font=font)
    w, h = x1 - x0 + 6, y1 - y0 + 4
    x, y = (at[0] - w, at[1]) if right else at
    pen.rectangle((x, y, x + w, y + h), fill=colour)
    pen.text((x + 3 - x0, y + 2 - y0), text, fill="white", font=font)


def side_note(pen: ImageDraw.ImageDraw, font, text: str, m: Mark, scale: float, colour, page_width: int) -> None:
    """A note on a row in the margin right of the table, or inside its right end when there is no room."""
    w = pen.textlength(text, font=font) + 6
    x = m.x1 * scale + 3
    if x + w <= page_width:
        badge(pen, font, text, (x, m.top * scale + 2), colour)
    else:
        badge(pen, font, text, (m.x1 * scale - 3, m.top * scale + 2), colour, right=True)


def seq_label(pen: ImageDraw.ImageDraw, font, m: Mark, scale: float) -> None:
    """An activity row's seq in the margin left of the table, or inside it when there is no room."""
    x0, y0, x1, _ = pen.textbbox((0, 0), m.label, font=font)
    room = m.x0 * scale - 3
    at = (room, m.top * scale + 2) if room > x1 - x0 + 8 else (m.x0 * scale + 2 + x1 - x0 + 6, m.top * scale + 2)
    badge(pen, font, m.label, at, COLOURS["activity"], right=True)


def tag(pen: ImageDraw.ImageDraw, font, m: Mark, scale: float) -> None:
    """What the table was read as, above its top right corner (inside, at the top of the page)."""
    x0, y0, x1, y1 = pen.textbbox((0, 0), m.label, font=font)
    h = y1 - y0 + 4
    top = m.top * scale - h - 1 if m.top * scale > h + 2 else m.top * scale + 1
    badge(pen, font, m.label, (m.x1 * scale, top), BLUE, right=True)


def with_legend(image: Image.Image, font) -> Image.Image:
    """The image with a band below it naming each colour."""
    pen = ImageDraw.Draw(image)
    line_h = pen.textbbox((0, 0), "Ag", font=font)[3] + 8
    swatch = line_h - 8
    entries: list[tuple[str, str, float, int]] = []
    x: float = 8
    rows = 1
    for kind, text in LEGEND.items():
        w = swatch + 6 + pen.textlength(text, font=font) + 18
        if x + w > image.width - 8:
            x, rows = 8, rows + 1
        entries.append((kind, text, x, rows - 1))
        x += w
    band = Image.new("RGB", (image.width, int(rows * line_h + 10)), "white")
    draw = ImageDraw.Draw(band)
    draw.line((0, 0, image.width, 0), fill=(180, 180, 180), width=1)
    for kind, text, x, row in entries:
        y = 6 + row * line_h
        colour = COLOURS[kind]
        if kind in ("frame", "text_frame", "mended"):
            draw.rectangle((x, y, x + swatch, y + swatch), outline=colour, width=2)
            if kind == "text_frame":
                draw.rectangle((x + swatch // 3, y, x + 2 * swatch // 3, y + swatch), fill="white")
        else:
            draw.rectangle((x, y, x + swatch, y + swatch), fill=colour if kind == "activity" else blend(colour))
        draw.text((x + swatch + 6, y - 1), text, fill=(40, 40, 40), font=font)
    out = Image.new("RGB", (image.width, image.height + band.height), "white")
    out.paste(image, (0, 0))
    out.paste(band, (0, image.height))
    return out


def blend(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    """A colour as its fill looks over white paper."""
    return tuple(round(255 - (255 - c) * 0.4) for c in colour)  # type: ignore[return-value]
