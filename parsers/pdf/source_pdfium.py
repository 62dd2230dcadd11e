"""The PDFium page source (pypdfium2): each page read once into the page model, as pdfplumber would.

PDFium parses a page about six times faster than pdfminer. Everything after
`PageData` is shared, so the differences between the two libraries are
settled here, and the characters come out as pdfplumber's would:

* **Boxes.** pdfminer's box of a glyph is its advance wide and its font size
  tall, from the font's descent below the baseline (the font descriptor's, or
  the standard font's metrics), mapped by the character's matrix. PDFium's
  boxes are the glyph's ink (`FPDFText_GetCharBox`) or a loose box grown by the
  ink, so the box is built from PDFium's origin, matrix, font size and advance.
* **Spaces.** PDFium adds spaces where glyphs leave a gap and line breaks
  between lines (`FPDFText_IsGenerated`): those are dropped; the layout puts
  word spaces back from the gaps, as it does for pdfplumber. A space the PDF
  holds is kept, also where PDFium leaves it out: a text object of blank
  glyphs only (a word space or no-break space set on its own), and the space
  after a hyphen that ends a line (which PDFium takes for a hyphenation).
* **Hyphens.** A hyphen that ends a line is marked by PDFium (U+0002,
  `FPDFText_IsHyphen`); it is read as the hyphen it is.
* **Glyphs.** A glyph the font maps to no character is U+FFFD, as pdfplumber's
  "(cid:N)" becomes (`known_glyph`); the letters PDFium reads from one glyph (a
  ligature) are one character, as in pdfminer.
* **Rotation.** PDFium reads a page's text and drawings in the page's own
  space, before /Rotate, as `source_plumber` does once it sets /Rotate aside;
  `orientation` turns the page by the direction its text runs.
* **Invisible text** (render mode 3, an OCR layer) is read like any other, as
  pdfminer does.
* **Drawings** are read as pdfminer's lines, rects and curves (`pdfium_paths`).

What PDFium fails to read is the file's problem (damaged, encrypted, no
pages); PDFium reports it as a value, never an exception.
"""
from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..errors import CorruptFileError, EncryptedFileError, NoTextLayerError, TooLargeError, VplanError
from .page_model import PageData, upright_page
from .pdfium_chars import Api, CharReader, Fonts, NextGlyph, address, descriptor_descents
from .pdfium_paths import PageObjects, object_matrix, page_drawings, page_objects, times

LOAD_ERRORS = {1: "unknown error", 2: "the file could not be opened", 3: "not a PDF, or damaged",
               6: "a page could not be read"}


def pdfium():
    """The raw PDFium bindings, imported when a PDF is first read (pypdfium2 starts the library)."""
    import pypdfium2.raw as raw

    return raw


@dataclass
class Pdf:
    handle: object  # the FPDF_DOCUMENT
    data: bytes  # the file, which PDFium reads from while the document is open


@contextmanager
def open_pdf(data: bytes, name: str, password: str | None) -> Iterator[Pdf]:
    """A PDFium document for `data`; a file PDFium cannot open becomes the project's error."""
    c = pdfium()
    doc = c.FPDF_LoadMemDocument64(data, len(data), password.encode("utf-8") if password else None)
    if not doc:
        raise load_error(c.FPDF_GetLastError(), name, password)
    try:
        yield Pdf(doc, data)
    finally:
        c.FPDF_CloseDocument(doc)


def load_error(code: int, name: str, password: str | None) -> VplanError:
    """The project error for a document PDFium could not load (`FPDF_GetLastError`)."""
    if code == 4:
        return EncryptedFileError(
            "the PDF is encrypted and the password given does not open it" if password else
            "the PDF is encrypted: it needs its password (vplan ingest --password)", name)
    if code == 5:
        return EncryptedFileError("the PDF's encryption is not supported (PDFium: unsupported security handler)",
                                  name)
    return CorruptFileError(f"damaged or unreadable PDF (PDFium: {LOAD_ERRORS.get(code, 'error')})", name)


def read_pages(pdf: Pdf, name: str, max_pages: int | None = None) -> list[PageData]:
    """Every page's characters and rules, read once; a PDF without any text, or too long, is refused."""
    c, doc = pdfium(), pdf.handle
    count = c.FPDF_GetPageCount(doc)
    if max_pages and count > max_pages:
        raise TooLargeError(f"{count} pages, more than the limit of {max_pages}", name)
    if count <= 0:
        raise CorruptFileError("the PDF has no pages", name)
    api = Api(c)
    fonts = Fonts(api, descriptor_descents(pdf.data))
    pages = [read_page(c, doc, i, name, api, fonts) for i in range(count)]
    if not any(p.chars for p in pages):
        raise NoTextLayerError(
            f"none of the {len(pages)} page(s) has a text layer (a scanned document?); "
            "run OCR on it first (e.g. ocrmypdf) and read the result", name)
    return pages


def read_page(c, doc, index: int, name: str, api: Api, fonts: Fonts) -> PageData:
    """One page (0-based `index`): loaded, read and closed."""
    page = c.FPDF_LoadPage(doc, index)
    if not page:
        raise CorruptFileError("damaged or unreadable PDF (PDFium could not load the page)", name, index + 1)
    try:
        width, height = page_size(c, page)
        reader = CharReader(api, height, fonts)
        objects = page_objects(c, page)
        drop_actual_text(c, objects)
        with text_page(c, page, name, index) as textpage:
            chars, hyphens = reader.chars(address(textpage))
        chars += blank_objects(c, objects, reader, chars)
        if hyphens:
            chars += spaces_after_hyphens(c, page, objects, hyphens, reader, name, index)
        lines, rects, curves = page_drawings(c, objects.paths, height)
    finally:
        c.FPDF_ClosePage(page)
    return upright_page(index + 1, width, height, chars, lines, rects, curves, glyphs_known=True,
                        upright=reader.upright)


@contextmanager
def text_page(c, page, name: str, index: int) -> Iterator[object]:
    textpage = c.FPDFText_LoadPage(page)
    if not textpage:
        raise CorruptFileError("damaged or unreadable PDF (PDFium could not read the page's text)", name, index + 1)
    try:
        yield textpage
    finally:
        c.FPDFText_ClosePage(textpage)


def page_size(c, page) -> tuple[float, float]:
    """The page's MediaBox width and height, before /Rotate (pdfplumber's page size)."""
    box = [ctypes.c_float() for _ in range(4)]
    if c.FPDFPage_GetMediaBox(page, *box):
        left, bottom, right, top = (v.value for v in box)
        return abs(right - left), abs(top - bottom)
    w, h = c.FPDF_GetPageWidthF(page), c.FPDF_GetPageHeightF(page)
    return (h, w) if c.FPDFPage_GetRotation(page) % 2 else (w, h)


def drop_actual_text(c, objects: PageObjects) -> None:
    """Set aside the /ActualText of marked content, as pdfminer does: PDFium's text page would put
    it in place of the glyphs, spread evenly over them (Chromium marks text it set in capitals
    with the text as typed, so that the glyphs' letters and boxes would be lost)."""
    key = b"ActualText"
    for obj, _, _ in objects.texts:
        for k in reversed(range(c.FPDFPageObj_CountMarks(obj))):
            mark = c.FPDFPageObj_GetMark(obj, k)
            if mark and c.FPDFPageObjMark_GetParamValueType(mark, key) != c.FPDF_OBJECT_UNKNOWN:
                c.FPDFPageObjMark_RemoveParam(obj, mark, key)


def blank_objects(c, objects: PageObjects, reader: CharReader, chars: list[dict]) -> list[dict]:
    """A blank character for each text object PDFium's text page leaves out because its glyphs
    draw nothing: a word space or a (narrow) no-break space set on its own, as Chromium and
    LibreOffice set them (pdfminer reads them as the characters they are)."""
    box = [ctypes.c_float() for _ in range(4)]
    matrix = c.FS_MATRIX()
    blank = [(obj, outer) for obj, outer, _ in objects.texts
             if c.FPDFPageObj_GetBounds(obj, *box) and abs(box[2].value - box[0].value) < 1e-4]
    if not blank:
        return []
    reach = NextGlyph(chars)
    return [reader.blank(address(obj), times(object_matrix(c, obj, matrix), outer), reach) for obj, outer in blank]


def spaces_after_hyphens(c, page, objects: PageObjects, hyphens: list[tuple[int, int]], reader: CharReader,
                         name: str, index: int) -> list[dict]:
    """The spaces after each hyphen that ends a line, which PDFium's text page drops when it takes
    the hyphen for a hyphenation ("miljö- " / "och hälsoskydd"): each hyphen's text object is read
    again on its own, with every other object of the page set inactive."""
    tops = objects.top
    was_active = [is_active(c, o) for o in tops]
    out: list[dict] = []
    try:
        for o in tops:
            c.FPDFPageObj_SetIsActive(o, False)
        for obj, _ in hyphens:
            chain = next((parents + [o] for o, _, parents in objects.texts if address(o) == obj), None)
            if chain is None:
                continue
            for o in chain:
                c.FPDFPageObj_SetIsActive(o, True)
            with text_page(c, page, name, index) as alone:
                out += trailing_spaces(alone, reader)
            for o in chain:
                c.FPDFPageObj_SetIsActive(o, False)
    finally:
        for o, active in zip(tops, was_active):
            c.FPDFPageObj_SetIsActive(o, active)
    return out


def is_active(c, obj) -> bool:
    flag = ctypes.c_int()
    return bool(c.FPDFPageObj_GetIsActive(obj, flag) and flag.value)


def trailing_spaces(textpage, reader: CharReader) -> list[dict]:
    """The spaces at the end of a text page holding one text object (read on its own)."""
    api, page = reader.api, address(textpage)
    out = []
    for i in reversed(range(api.count_chars(page))):
        if api.is_generated(page, i):
            continue
        if api.unicode(page, i) != 0x20:
            break
        api.origin(page, i, ctypes.addressof(reader.x), ctypes.addressof(reader.y))
        out.append(reader.char(page, i, api.text_object(page, i) or 0, " ", 0x20))
    return out
