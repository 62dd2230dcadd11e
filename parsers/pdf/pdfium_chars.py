"""A page's characters read with PDFium, as pdfplumber's dicts (see `source_pdfium` for the rules).

A character's box is built as pdfminer builds it: from the glyph's origin on
the baseline, its advance, the font size and the font's descent, mapped by the
character's matrix. This is the hot loop of reading a PDF, so the few PDFium
functions it calls per character are called through prototypes that take
plain addresses (`Api`), and what a text object or a font gives is asked once.
"""
from __future__ import annotations

import ctypes
import re
from bisect import bisect_right
from ctypes import c_double, c_float, c_int, c_uint, c_void_p

UNKNOWN = "\ufffd"
HYPHEN_MARK = 0x2  # PDFium's character for a hyphen it found at the end of a line
SKIPPED = {0x0D, 0x0A, 0xFFFE}  # line breaks and PDFium's placeholder for a character it has none for
MAYBE_GENERATED = {0x20, 0x0D, 0x0A}  # the characters PDFium generates (spaces, line breaks)
# the blanks a text object of its own may set, the word space first (it wins a tie)
BLANKS = (0x20, 0x202F, 0x00A0, 0x2009, 0x2007, 0x200A, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2008)
BLANK_FIT = 0.02  # a blank's advance matches the gap to the next glyph within this share of the font size
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


def address(obj) -> int:
    """A PDFium handle (a ctypes pointer) as the plain address the `Api` functions take."""
    return ctypes.cast(obj, c_void_p).value or 0


class Api:
    """The PDFium functions of the character loop, taking and giving plain addresses."""

    def __init__(self, c):
        def proto(fn, restype, *argtypes):  # the same C function as `fn`, without ctypes pointer types
            return ctypes.CFUNCTYPE(restype, *argtypes)(address(fn))

        self.count_chars = proto(c.FPDFText_CountChars, c_int, c_void_p)
        self.unicode = proto(c.FPDFText_GetUnicode, c_uint, c_void_p, c_int)
        self.is_generated = proto(c.FPDFText_IsGenerated, c_int, c_void_p, c_int)
        self.is_hyphen = proto(c.FPDFText_IsHyphen, c_int, c_void_p, c_int)
        self.map_error = proto(c.FPDFText_HasUnicodeMapError, c_int, c_void_p, c_int)
        self.text_object = proto(c.FPDFText_GetTextObject, c_void_p, c_void_p, c_int)
        self.origin = proto(c.FPDFText_GetCharOrigin, c_int, c_void_p, c_int, c_void_p, c_void_p)
        self.matrix = proto(c.FPDFText_GetMatrix, c_int, c_void_p, c_int, c_void_p)
        self.loose_box = proto(c.FPDFText_GetLooseCharBox, c_int, c_void_p, c_int, c_void_p)
        self.font = proto(c.FPDFTextObj_GetFont, c_void_p, c_void_p)
        self.font_size = proto(c.FPDFTextObj_GetFontSize, c_int, c_void_p, c_void_p)
        self.glyph_width = proto(c.FPDFFont_GetGlyphWidth, c_int, c_void_p, c_uint, c_float, c_void_p)
        self.base_font_name = proto(c.FPDFFont_GetBaseFontName, ctypes.c_size_t, c_void_p, c_void_p, ctypes.c_size_t)
        self.is_embedded = proto(c.FPDFFont_GetIsEmbedded, c_int, c_void_p)
        self.descent = proto(c.FPDFFont_GetDescent, c_int, c_void_p, c_float, c_void_p)
        self.FS_MATRIX, self.FS_RECTF = c.FS_MATRIX, c.FS_RECTF


class Fonts:
    """What a character needs of its font, asked of PDFium once per font: its name, pdfminer's
    descent, and each glyph's advance per unit of font size."""

    def __init__(self, api: Api, descents: dict[str, float | None]):
        self.api, self.descents = api, descents
        self.known: dict[int, tuple[str, float]] = {}
        self.advances: dict[int, dict[int, float]] = {}  # font -> character -> advance per unit of size
        self.buf = ctypes.create_string_buffer(256)
        self.value = c_float()

    def get(self, font: int) -> tuple[str, float]:
        found = self.known.get(font)
        if found is None:
            found = self.known[font] = (self.name(font), self.descent(font))
        return found

    def name(self, font: int) -> str:
        n = self.api.base_font_name(font, ctypes.addressof(self.buf), len(self.buf))
        return self.buf.raw[:max(n - 1, 0)].decode("latin-1", "replace")

    def descent(self, font: int) -> float:
        """How far below the baseline pdfminer starts a glyph's box, per unit of font size: a
        standard font's by its name, else the font descriptor's (read from the file where it
        stands uncompressed: PDFium makes one up when the descriptor says 0, as LibreOffice's
        do), else PDFium's."""
        api, name = self.api, self.name(font)
        if name in STANDARD_DESCENT and not api.is_embedded(font):
            return STANDARD_DESCENT[name]
        found = self.descents.get(name)
        if found is not None:
            return found
        if not api.descent(font, 1.0, ctypes.addressof(self.value)):
            return 0.0
        return min(self.value.value, 0.0)

    def advance(self, font: int, code: int) -> float:
        """The advance of the glyph the font sets for character `code`, per unit of font size
        (0 when the font cannot say)."""
        table = self.advances.setdefault(font, {})
        found = table.get(code)
        if found is None:
            ok = self.api.glyph_width(font, code, 1.0, ctypes.addressof(self.value))
            found = table[code] = self.value.value if ok and self.value.value > 0 else 0.0
        return found


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
    """The characters of one page, as pdfplumber's dicts."""

    def __init__(self, api: Api, height: float, fonts: Fonts):
        self.api, self.height, self.fonts = api, height, fonts
        self.x, self.y, self.size = c_double(), c_double(), c_float()
        self.matrix, self.loose = api.FS_MATRIX(), api.FS_RECTF()
        self.objects: dict[int, tuple] = {}  # text object -> `object_info`
        self.upright = True  # every character so far runs right, upright

    def chars(self, textpage: int) -> tuple[list[dict], list[tuple[int, int]]]:
        """The text page's characters, and each hyphen PDFium took for a hyphenation (its text
        object, and its place in the list)."""
        api, objects, fonts, height = self.api, self.objects, self.fonts, self.height
        unicode, map_error, text_object, origin = api.unicode, api.map_error, api.text_object, api.origin
        x, y = self.x, self.y
        xp, yp = ctypes.addressof(x), ctypes.addressof(y)
        out: list[dict] = []
        hyphens: list[tuple[int, int]] = []
        last_obj, last_x, last_y = -1, 0.0, 0.0  # the previous character's text object and origin
        count = api.count_chars(textpage)
        for i in range(count):
            code = unicode(textpage, i)
            if code in MAYBE_GENERATED and api.is_generated(textpage, i):
                if code != 0x20 or not self.stands_for_a_space(textpage, i, count):
                    continue
            elif code in SKIPPED:
                continue
            exact = True  # whether the font gives the glyph's advance by its character
            hyphen = code == HYPHEN_MARK and api.is_hyphen(textpage, i)
            if hyphen:
                code, text = 0x2D, "-"
            elif map_error(textpage, i) or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                text, exact = UNKNOWN, False  # a glyph the font names no character for
            else:
                text = chr(code)
            obj = text_object(textpage, i) or 0
            origin(textpage, i, xp, yp)
            cx, cy = x.value, y.value
            if obj == last_obj and cx == last_x and cy == last_y and out:  # another letter of one glyph (a ligature)
                text, exact = out.pop()["text"] + text, False
            last_obj, last_x, last_y = obj, cx, cy
            if hyphen:
                hyphens.append((obj, len(out)))
            info = objects.get(obj)
            if info is None:
                info = objects[obj] = self.object_info(textpage, i, obj)
            font, size, name, down, m, matrix, plain, advances = info
            per = advances.get(code) if exact else 0.0
            if per is None:
                per = fonts.advance(font, code)
            adv = per * size or self.loose_advance(textpage, i, cx, cy, m)
            if plain:  # upright and unturned: char_dict's box, computed here for speed
                lo, hi = cy + m[3] * (down * size), cy + m[3] * (down * size + size)
                out.append({"text": text, "x0": cx, "x1": cx + m[0] * adv, "top": height - hi, "bottom": height - lo,
                            "size": hi - lo, "fontname": name, "matrix": matrix, "upright": True})
            else:
                self.upright = False
                out.append(char_dict(text, cx, cy, adv, size, down, m, name, height))
        return out, hyphens

    def stands_for_a_space(self, textpage: int, i: int, count: int) -> bool:
        """Whether the space PDFium generated at character `i` stands where the PDF sets a space
        of its own, which PDFium then drops as a second space in a row: where a text object
        moves its text on (justified text: a gap, then the space glyph), PDFium puts a space at
        the next glyph's origin; when that glyph is a space, the glyph after it starts a space's
        advance further on, in the same text object (when it is no space, right there)."""
        api = self.api
        if i + 1 >= count or api.is_generated(textpage, i + 1):
            return False
        obj = api.text_object(textpage, i) or 0
        if not obj or obj != (api.text_object(textpage, i + 1) or 0):
            return False
        x, y = ctypes.c_double(), ctypes.c_double()
        api.origin(textpage, i + 1, ctypes.addressof(x), ctypes.addressof(y))
        api.origin(textpage, i, ctypes.addressof(self.x), ctypes.addressof(self.y))
        info = self.objects.get(obj)
        if info is None:
            info = self.objects[obj] = self.object_info(textpage, i, obj)
        font, size, _, _, m = info[:5]
        reach = (x.value - self.x.value) * m[0] + (y.value - self.y.value) * m[1]  # along the baseline
        return reach >= 0.5 * self.fonts.advance(font, 0x20) * size * (m[0] * m[0] + m[1] * m[1])

    def char(self, textpage: int, i: int, obj: int, text: str, code: int) -> dict:
        """The character at index `i` (its origin already read), `code` the character whose
        advance the font gives."""
        info = self.objects.get(obj)
        if info is None:
            info = self.objects[obj] = self.object_info(textpage, i, obj)
        font, size, name, down, m, _, plain, _ = info
        x, y = self.x.value, self.y.value
        adv = self.fonts.advance(font, code) * size or self.loose_advance(textpage, i, x, y, m)
        self.upright = self.upright and plain
        return char_dict(text, x, y, adv, size, down, m, name, self.height)

    def loose_advance(self, textpage: int, i: int, x: float, y: float, m: tuple) -> float:
        """The advance of character `i` from PDFium's loose box (a glyph the font gives no
        advance for by its character: a ligature, a glyph without one)."""
        self.api.loose_box(textpage, i, ctypes.addressof(self.loose))
        return advance(self.loose, x, y, m[0], m[1])

    def object_info(self, textpage: int, i: int, obj: int) -> tuple:
        """What the characters of the text object of character `i` share: font, font size, font
        name, descent, matrix (a, b, c, d), the matrix as pdfplumber gives it, whether the text is
        upright and unturned, and the font's advances (`Fonts.advances`)."""
        api = self.api
        font = api.font(obj) or 0
        api.font_size(obj, ctypes.addressof(self.size))
        api.matrix(textpage, i, ctypes.addressof(self.matrix))
        m = self.matrix
        plain = m.b == 0 and m.c == 0 and m.a > 0 and m.d > 0
        return (font, self.size.value, *self.fonts.get(font), (m.a, m.b, m.c, m.d),
                (m.a, m.b, m.c, m.d, m.e, m.f), plain, self.fonts.advances.setdefault(font, {}))

    def blank(self, obj: int, m: tuple, reach: NextGlyph) -> dict:
        """The blank character a text object of blank glyphs draws at its origin (`m` its page
        matrix): the blank (a word space, a no-break or narrow no-break space, a thin space …)
        whose advance in its font is the distance to the next glyph of the line, else a word
        space. (PDFium does not say which glyph it is: its text page leaves such objects out.)"""
        api = self.api
        font = api.font(obj) or 0
        api.font_size(obj, ctypes.addressof(self.size))
        name, down = self.fonts.get(font)
        size = self.size.value
        a, b, c, d = m[:4]
        self.upright = self.upright and b == 0 and c == 0 and a > 0 and d > 0
        code, adv = 0x20, self.fonts.advance(font, 0x20) * size or 0.25 * size
        space = char_dict(" ", m[4], m[5], adv, size, down, m[:4], name, self.height)
        gap = reach.gap(space) if b == 0 and c == 0 and a > 0 else None
        if gap is not None:
            code, adv = min(((u, self.fonts.advance(font, u) * size) for u in BLANKS),
                            key=lambda ua: abs(ua[1] * a - gap))
            if abs(adv * a - gap) > BLANK_FIT * size * a:
                code, adv = 0x20, space["x1"] - space["x0"]
        return char_dict(chr(code), m[4], m[5], adv, size, down, m[:4], name, self.height)


class NextGlyph:
    """Where the next glyph of a line starts, found among a page's upright characters."""

    def __init__(self, chars: list[dict]):
        self.rows: dict[int, list[tuple[float, float, float]]] = {}  # row of half points -> (x0, middle, size)
        for ch in chars:
            if not ch["text"].isspace():
                middle = (ch["top"] + ch["bottom"]) / 2
                self.rows.setdefault(round(middle / 2), []).append((ch["x0"], middle, ch["size"]))
        for row in self.rows.values():
            row.sort()

    def gap(self, char: dict) -> float | None:
        """How far right of `char`'s start the next glyph on its line starts (None: none)."""
        middle, x = (char["top"] + char["bottom"]) / 2, char["x0"]
        found = None
        for key in (round(middle / 2) - 1, round(middle / 2), round(middle / 2) + 1):
            row = self.rows.get(key, [])
            for x0, mid, size in row[bisect_right(row, (x + 0.01, -1e9, 0)):]:
                if abs(mid - middle) <= 0.3 * size:
                    found = x0 if found is None else min(found, x0)
                    break
        return None if found is None else found - x


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
    if b == 0 and c == 0 and a > 0 and d > 0:  # upright, the usual case
        x0, x1, y0, y1 = x, x + a * adv, y + d * lo, y + d * hi
    else:
        xs = (x + c * lo, x + c * hi, x + a * adv + c * lo, x + a * adv + c * hi)
        ys = (y + d * lo, y + d * hi, y + b * adv + d * lo, y + b * adv + d * hi)
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    return {"text": text, "x0": x0, "x1": x1, "top": height - y1, "bottom": height - y0, "size": y1 - y0,
            "fontname": font, "matrix": (a, b, c, d, x, y), "upright": a * d > 0 and b * c <= 0}
