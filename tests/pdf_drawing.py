"""Small PDFs drawn with reportlab for tests of page geometry: turned pages, odd grids.

Coordinates are given as on the page read top-down (x right, y down), like
pdfplumber's `top`; the helpers convert to reportlab's bottom-up space.
"""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

PLAN_LINES = [
    "Verksamhetsplan 2024-2026 för Miljösamverkan Provlän",
    "Aktiviteter 2024",
]
TABLE = [
    ["Aktivitet", "Syfte", "Tidplan", "Ansvarig"],
    ["Radon i skolor", "Mäta radon i alla skolor", "Våren 2024", "Samordnaren"],
    ["Avlopp", "Enhetlig tillsyn av små avlopp", "Hösten 2024", "Projektgruppen"],
    ["Buller", "Gemensam syn på buller", "Löpande", "Länsstyrelsen"],
]
COLUMN_XS = [50, 200, 400, 520, 650]


def draw_plan(c: canvas.Canvas, page_h: float) -> None:
    """A title, a year heading and a ruled four-column activity table."""
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, page_h - 60, PLAN_LINES[0])
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, page_h - 95, PLAN_LINES[1])
    top, row_h = 120, 24
    c.setFont("Helvetica", 10)
    for r, row in enumerate(TABLE):
        for x, text in zip(COLUMN_XS, row):
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
            c.drawString(x + 4, page_h - (top + r * row_h + 15), text)
    bottom = top + len(TABLE) * row_h
    for r in range(len(TABLE) + 1):
        y = page_h - (top + r * row_h)
        c.line(COLUMN_XS[0], y, COLUMN_XS[-1], y)
    for x in COLUMN_XS:
        c.line(x, page_h - top, x, page_h - bottom)


def with_rotate(data: bytes, rotate: int) -> bytes:
    """The PDF with /Rotate set on every page, its content left as drawn."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        page.rotation = rotate
        writer.add_page(page)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def turned_plan_pdf(rotate: int) -> bytes:
    """A landscape plan stored as a page with /Rotate `rotate` (0, 90, 180, 270), drawn turned
    the other way so that it reads upright when a viewer shows the page turned."""
    width, height = landscape(A4)
    page = (height, width) if rotate in (90, 270) else (width, height)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=page)
    # a point (x, y) of the upright landscape drawing, turned back by `rotate` on the stored page
    c.translate(*{0: (0, 0), 90: (page[0], 0), 180: page, 270: (0, page[1])}[rotate])
    c.rotate(rotate)
    draw_plan(c, height)
    c.showPage()
    c.save()
    return with_rotate(buf.getvalue(), rotate)


def sideways_plan_pdf() -> bytes:
    """A landscape plan drawn upright on its page, which carries /Rotate 90: a viewer shows it
    turned on its side; read, it is upright."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4))
    draw_plan(c, landscape(A4)[1])
    c.showPage()
    c.save()
    return with_rotate(buf.getvalue(), 90)


def irregular_grid_pdf() -> bytes:
    """A ruled table whose merged cell is L-shaped: (row 0, cols 1-2) and (row 1, cols 0-1) form
    one region because the rules between them are missing, with curves drawn around it."""
    width, height = A4
    xs, ys = [50, 170, 290, 410], [100, 140, 180, 220]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)

    def hline(x0, x1, y):
        c.line(x0, height - y, x1, height - y)

    def vline(x, y0, y1):
        c.line(x, height - y0, x, height - y1)

    for i, y in enumerate(ys):
        for j in range(3):
            if not (i == 1 and j == 1):  # no rule under (row 0, col 1): merged down
                hline(xs[j], xs[j + 1], y)
    for i in range(3):
        for j, x in enumerate(xs):
            if not (i == 0 and j == 2) and not (i == 1 and j == 1):  # merged across
                vline(x, ys[i], ys[i + 1])
    path = c.beginPath()  # a rounded frame around the table, drawn as curves
    path.roundRect(45, height - 225, 370, 130, 8)
    c.drawPath(path, stroke=1, fill=0)
    c.setFont("Helvetica", 10)
    for i, row in enumerate([["A1", "merged", ""], ["", "", "C2"], ["A3", "B3", "C3"]]):
        for j, text in enumerate(row):
            if text:
                c.drawString(xs[j] + 5, height - (ys[i] + 22), text)
    c.showPage()
    c.save()
    return buf.getvalue()
