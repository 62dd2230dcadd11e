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
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from ..errors import CorruptFileError, EncryptedFileError, NoTextLayerError, TooLargeError, VplanError
from .page_model import PageData, upright_page
from .pdfium_paths import page_drawings, page_objects

UNKNOWN = "\ufffd"
HYPHEN_MARK = 0x2  # PDFium's character for a hyphen it found at the end of a line
SKIPPED = {0x0D, 0x0A, 0xFFFE}  # line breaks and PDFium's placeholder for a character it has none for
# pdfminer's descent of the standard fonts, which it takes from their metrics by name
STANDARD_DESCENT = {
    **dict.fromkeys(("Courier", "Courier-Bold", "Courier-BoldOblique", "Courier-Oblique", "CourierNew",
                     "CourierNew,Italic", "CourierNew,Bold", "CourierNew,BoldItalic"), -0.194),
    **dict.fromkeys(("Helvetica", "Helvetica-Bold", "Helvetica-BoldOblique", "Helvetica-Oblique", "Arial",
                     "Arial,Italic", "Arial,Bold", "Arial,BoldItalic"), -0.207),
    **dict.fromkeys(("Times-Roman", "Times-Bold", "Times-BoldItalic", "Times-Italic", "TimesNewRoman",
                     "TimesNewRoman,Italic", "TimesNewRoman,Bold", "TimesNewRoman,BoldItalic"), -0.217),
    "Symbol": 0.0, "ZapfDingbats": 0.0}
DESCRIPTOR = re.compile(rb"/Type\s*/FontDescriptor\b")
FONT_NAME = re.compile(rb"/FontName\s*/([^\s/<>\[\]()]+)")
DESCENT = re.compile(rb"/Descent\s+([-+]?\d*\.?\d+)")
NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
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
    fonts = Fonts(c, descriptor_descents(pdf.data))
    pages = [read_page(c, doc, i, name, fonts) for i in range(count)]
    if not any(p.chars for p in pages):
        raise NoTextLayerError(
            f"none of the {len(pages)} page(s) has a text layer (a scanned document?); "
            "run OCR on it first (e.g. ocrmypdf) and read the result", name)
    return pages


def read_page(c, doc, index: int, name: str, fonts: Fonts) -> PageData:
    """One page (0-based `index`): loaded, read and closed."""
    page = c.FPDF_LoadPage(doc, index)
    if not page:
        raise CorruptFileError("damaged or unreadable PDF (PDFium could not load the page)", name, index + 1)
    try:
        width, height = page_size(c, page)
        reader = CharReader(c, height, fonts)
        with text_page(c, page, name, index) as textpage:
            chars, hyphens = reader.chars(textpage)
        chars += blank_objects(c, page, reader)
        if hyphens:
            chars += spaces_after_hyphens(c, page, hyphens, reader, name, index)
        lines, rects, curves = page_drawings(c, page, height)
    finally:
        c.FPDF_ClosePage(page)
    return upright_page(index + 1, width, height, chars, lines, rects, curves)


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


def handle(obj) -> int:
    """A PDFium object's address, to tell objects apart."""
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


class Fonts:
    """What a character needs of its font (name, pdfminer's descent), asked of PDFium once per font."""

    def __init__(self, c, descents: dict[str, float | None]):
        self.c, self.descents = c, descents
        self.known: dict[int, tuple[str, float]] = {}
        self.buf = ctypes.create_string_buffer(256)
        self.value = ctypes.c_float()

    def get(self, font) -> tuple[str, float]:
        key = handle(font)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = (self.name(font), self.descent(font))
        return found

    def name(self, font) -> str:
        n = self.c.FPDFFont_GetBaseFontName(font, self.buf, len(self.buf))
        return self.buf.raw[:max(n - 1, 0)].decode("latin-1", "replace")

    def descent(self, font) -> float:
        """How far below the baseline pdfminer starts a glyph's box, per unit of font size: a
        standard font's by its name, else the font descriptor's (read from the file where it
        stands uncompressed: PDFium makes one up when the descriptor says 0, as LibreOffice's do),
        else PDFium's."""
        c, name = self.c, self.name(font)
        if name in STANDARD_DESCENT and not c.FPDFFont_GetIsEmbedded(font):
            return STANDARD_DESCENT[name]
        found = self.descents.get(name)
        if found is not None:
            return found
        if not c.FPDFFont_GetDescent(font, 1.0, self.value):
            return 0.0
        return min(self.value.value, 0.0)


def descriptor_descents(data: bytes) -> dict[str, float | None]:
    """The /Descent of each font descriptor that stands uncompressed in the file (per unit of font
    size, negative as pdfminer makes it, 0 when missing), by font name without its subset tag;
    None for a name whose descriptors disagree."""
    out: dict[str, float | None] = {}
    for m in DESCRIPTOR.finditer(data):
        start, end = data.rfind(b" obj", 0, m.start()), data.find(b"endobj", m.end())
        body = data[max(start, 0):end if end > 0 else m.end() + 1000]
        name = FONT_NAME.search(body)
        if not name:
            continue
        key = NAME_ESCAPE.sub(lambda e: bytes([int(e.group(1), 16)]), name.group(1)).decode("latin-1")
        key = key.split("+", 1)[-1] if len(key) > 7 and key[6] == "+" else key
        found = DESCENT.search(body)
        value = -abs(float(found.group(1))) / 1000 if found else 0.0
        out[key] = value if out.get(key, value) == value else None
    return out


class CharReader:
    """Characters of one page, as pdfplumber's dicts."""

    def __init__(self, c, height: float, fonts: Fonts):
        self.c, self.height, self.fonts = c, height, fonts
        self.x, self.y, self.width, self.size = ctypes.c_double(), ctypes.c_double(), ctypes.c_float(), ctypes.c_float()
        self.matrix, self.loose = c.FS_MATRIX(), c.FS_RECTF()
        self.objects: dict[int, tuple] = {}

    def chars(self, textpage) -> tuple[list[dict], list[tuple[object, int]]]:
        """The text page's characters, and each hyphen PDFium took for a hyphenation (its text
        object and its place in the list)."""
        c = self.c
        out: list[dict] = []
        hyphens: list[tuple[object, int]] = []
        last = None  # (text object, origin) of the previous character
        for i in range(c.FPDFText_CountChars(textpage)):
            if c.FPDFText_IsGenerated(textpage, i):
                continue
            code = c.FPDFText_GetUnicode(textpage, i)
            if code in SKIPPED:
                continue
            exact = True  # whether the font gives the glyph's advance by its character
            hyphen = code == HYPHEN_MARK and c.FPDFText_IsHyphen(textpage, i)
            if hyphen:
                code, text = 0x2D, "-"
            elif c.FPDFText_HasUnicodeMapError(textpage, i):
                text, exact = UNKNOWN, False
            elif code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:  # no character (a damaged font)
                text, exact = UNKNOWN, False
            else:
                text = chr(code)
            obj = c.FPDFText_GetTextObject(textpage, i)
            key = handle(obj)
            c.FPDFText_GetCharOrigin(textpage, i, self.x, self.y)
            here = (key, self.x.value, self.y.value)
            if here == last and out:  # another letter of the same glyph (a ligature)
                text, exact = out.pop()["text"] + text, False
            last = here
            if hyphen:
                hyphens.append((obj, len(out)))
            out.append(self.char(textpage, i, obj, key, text, code if exact else None))
        return out, hyphens

    def char(self, textpage, i: int, obj, key: int, text: str, code: int | None) -> dict:
        """The character at index `i` (its origin already read), `code` the character whose advance
        the font gives (None: take it from PDFium's loose box)."""
        c = self.c
        info = self.objects.get(key)
        if info is None:
            font = c.FPDFTextObj_GetFont(obj)
            c.FPDFTextObj_GetFontSize(obj, self.size)
            c.FPDFText_GetMatrix(textpage, i, self.matrix)
            m = self.matrix
            info = self.objects[key] = (font, self.size.value, *self.fonts.get(font), (m.a, m.b, m.c, m.d))
        font, size, name, down, m = info
        x, y = self.x.value, self.y.value
        if code is not None and c.FPDFFont_GetGlyphWidth(font, code, size, self.width) and self.width.value > 0:
            adv = self.width.value
        else:
            c.FPDFText_GetLooseCharBox(textpage, i, self.loose)
            adv = advance(self.loose, x, y, m[0], m[1])
        return char_dict(text, x, y, adv, size, down, m, name, self.height)

    def blank(self, obj, m: tuple) -> dict:
        """A word space for a text object of blank glyphs at its origin (`m` its page matrix)."""
        c = self.c
        font = c.FPDFTextObj_GetFont(obj)
        c.FPDFTextObj_GetFontSize(obj, self.size)
        name, down = self.fonts.get(font)
        size = self.size.value
        adv = self.width.value if c.FPDFFont_GetGlyphWidth(font, 0x20, size, self.width) else 0.25 * size
        return char_dict(" ", m[4], m[5], adv, size, down, m[:4], name, self.height)


def advance(box, x: float, y: float, a: float, b: float) -> float:
    """How far a box reaches from the origin (x, y) along the baseline (a, b), in text space."""
    norm = a * a + b * b
    if not norm:
        return 0.0
    reach = max((px - x) * a + (py - y) * b for px in (box.left, box.right) for py in (box.bottom, box.top))
    return max(reach, 0.0) / norm


def char_dict(text: str, x: float, y: float, adv: float, size: float, down: float, m: tuple, font: str,
              height: float) -> dict:
    """pdfminer's box of a glyph at origin (x, y): `adv` wide, from `down` * size below the
    baseline to the font size above that, mapped by the character's matrix `m` (a, b, c, d)."""
    a, b, c, d = m
    lo, hi = down * size, down * size + size
    xs = (x + c * lo, x + c * hi, x + a * adv + c * lo, x + a * adv + c * hi)
    ys = (y + d * lo, y + d * hi, y + b * adv + d * lo, y + b * adv + d * hi)
    y0, y1 = min(ys), max(ys)
    return {"text": text, "x0": min(xs), "x1": max(xs), "top": height - y1, "bottom": height - y0,
            "size": y1 - y0, "fontname": font, "matrix": (a, b, c, d, x, y), "upright": a * d > 0 and b * c <= 0}


def blank_objects(c, page, reader: CharReader) -> list[dict]:
    """A space for each text object PDFium's text page leaves out because its glyphs draw nothing:
    a word space or a no-break space set on its own (pdfminer reads them as space characters)."""
    box = [ctypes.c_float() for _ in range(4)]
    out = []
    for obj, m, _ in page_objects(c, page, c.FPDF_PAGEOBJ_TEXT):
        if c.FPDFPageObj_GetBounds(obj, *box) and abs(box[2].value - box[0].value) < 1e-4:
            out.append(reader.blank(obj, m))
    return out


def spaces_after_hyphens(c, page, hyphens: list[tuple[object, int]], reader: CharReader, name: str,
                         index: int) -> list[dict]:
    """The spaces after each hyphen that ends a line, which PDFium's text page drops when it takes
    the hyphen for a hyphenation ("miljö- " / "och hälsoskydd"): each hyphen's text object is read
    again on its own, with every other object of the page set inactive."""
    objects = list(page_objects(c, page, c.FPDF_PAGEOBJ_TEXT))
    tops = [c.FPDFPage_GetObject(page, k) for k in range(c.FPDFPage_CountObjects(page))]
    was_active = [is_active(c, o) for o in tops]
    out: list[dict] = []
    try:
        for o in tops:
            c.FPDFPageObj_SetIsActive(o, False)
        for obj, _ in hyphens:
            chain = next((parents + [o] for o, _, parents in objects if handle(o) == handle(obj)), None)
            if chain is None:
                continue
            for o in chain:
                c.FPDFPageObj_SetIsActive(o, True)
            with text_page(c, page, name, index) as alone:
                out += trailing_spaces(c, alone, reader)
            for o in chain:
                c.FPDFPageObj_SetIsActive(o, False)
    finally:
        for o, active in zip(tops, was_active):
            c.FPDFPageObj_SetIsActive(o, active)
    return out


def is_active(c, obj) -> bool:
    flag = ctypes.c_int()
    return bool(c.FPDFPageObj_GetIsActive(obj, flag) and flag.value)


def trailing_spaces(c, textpage, reader: CharReader) -> list[dict]:
    """The spaces at the end of a text page holding one text object (read on its own)."""
    out = []
    for i in reversed(range(c.FPDFText_CountChars(textpage))):
        if c.FPDFText_IsGenerated(textpage, i):
            continue
        if c.FPDFText_GetUnicode(textpage, i) != 0x20:
            break
        obj = c.FPDFText_GetTextObject(textpage, i)
        c.FPDFText_GetCharOrigin(textpage, i, reader.x, reader.y)
        out.append(reader.char(textpage, i, obj, handle(obj), " ", 0x20))
    return out
