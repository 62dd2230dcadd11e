"""Read a Word (.docx) file into the neutral document model.

The body is walked in document order. Content controls (w:sdt) are looked
through, so the paragraphs, tables and cells they wrap keep their place.
Horizontal merges keep their span; vertical merges are marked on the cell.
A table nested in a cell contributes its text to that cell.
"""
from __future__ import annotations

import re
import zipfile
from typing import IO

from docx.oxml.ns import qn

from .errors import CorruptFileError, EmptyFileError, UnsupportedFormatError
from .model import Cell, Document, Paragraph, Row, Table, VMerge
from .zipguard import check_zip_sizes

W_P, W_TBL, W_SDT, W_SDTCONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
W_TR, W_TC, W_T, W_R = qn("w:tr"), qn("w:tc"), qn("w:t"), qn("w:r")
W_VAL = qn("w:val")
HEADING_STYLE = re.compile(r"^(heading|rubrik)\s*(\d)$", re.I)
TITLE_STYLES = {"title", "rubrik", "titel"}
TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): " ", qn("w:br"): " ", qn("w:cr"): " ",
             qn("w:noBreakHyphen"): "-", qn("w:softHyphen"): ""}


def read_docx(stream: IO[bytes], name: str = "<stream>") -> Document:
    """A .docx byte stream in, the neutral document model out."""
    package = open_package(stream, name)
    try:
        reader = _Reader(package)
        blocks = list(reader.blocks(package.element.body))
    except (ValueError, KeyError, AttributeError, TypeError, IndexError) as exc:
        raise CorruptFileError(f"unexpected Word XML ({type(exc).__name__}: {exc})", name) from exc
    return Document(blocks=blocks, n_pages=None, file_format="docx")


def open_package(stream: IO[bytes], name: str):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    head = stream.read(4)
    stream.seek(0)
    if not head:
        raise EmptyFileError("the file is empty", name)
    if head[:2] != b"PK":
        raise UnsupportedFormatError("not a Word .docx file (not a zip package)", name)
    check_zip_sizes(stream, name)
    try:
        return docx.Document(stream)
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise UnsupportedFormatError(f"not a Word .docx file ({exc})", name) from exc
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise CorruptFileError(f"damaged .docx file ({exc})", name) from exc
    except Exception as exc:  # lxml.etree.XMLSyntaxError and friends
        raise CorruptFileError(f"unreadable .docx XML ({type(exc).__name__}: {exc})", name) from exc


def element_text(el) -> str:
    """The visible text of an element: text runs, tabs and breaks as spaces."""
    parts = []
    for node in el.iter(*TEXT_TAGS):
        sub = TEXT_TAGS[node.tag]
        parts.append(node.text or "" if sub is None else sub)
    return "".join(parts)


def collapse(text: str) -> str:
    return " ".join(text.split())


class _Reader:
    def __init__(self, package):
        self.styles = {s.style_id: s for s in package.styles if s.style_id}

    def blocks(self, parent):
        for el in parent.iterchildren():
            if el.tag == W_P:
                yield self.paragraph(el)
            elif el.tag == W_TBL:
                yield self.table(el)
            elif el.tag == W_SDT:
                content = el.find(W_SDTCONTENT)
                if content is not None:
                    yield from self.blocks(content)

    # paragraphs -----------------------------------------------------------
    def paragraph(self, el) -> Paragraph:
        style = self.style_of(el)
        name = (style.name or "") if style is not None else ""
        bold, italic = self.emphasis(el, style)
        return Paragraph(
            text=collapse(element_text(el)),
            heading_level=self.heading_level(el, name),
            bold=bold,
            italic=italic,
            bold_lead="" if bold else self.bold_lead(el, style),
            is_list=self.is_list(el, style, name),
            style=name,
        )

    def style_of(self, p):
        ps = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        style_id = ps.get(W_VAL) if ps is not None else None
        if style_id in self.styles:
            return self.styles[style_id]
        return next((s for s in self.styles.values() if getattr(s, "name", None) == "Normal"), None)

    def heading_level(self, p, style_name: str) -> int | None:
        if style_name.lower() in TITLE_STYLES:
            return 0
        m = HEADING_STYLE.match(style_name.strip())
        if m:
            return int(m.group(2))
        lvl = p.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if lvl is not None and lvl.get(W_VAL, "9").isdigit() and int(lvl.get(W_VAL)) < 9:
            return int(lvl.get(W_VAL)) + 1
        return None

    def is_list(self, p, style, style_name: str) -> bool:
        if p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
            return True
        while style is not None:
            if style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
                return True
            style = style.base_style
        return style_name.lower().startswith(("list", "liststycke"))

    def emphasis(self, p, style) -> tuple[bool, bool]:
        """Whether every visible run of the paragraph is bold, and italic."""
        runs = [r for r in p.iter(W_R) if element_text(r).strip()]
        if not runs:
            return False, False
        base_b = self.style_flag(style, "b")
        base_i = self.style_flag(style, "i")
        bold = all(self.run_flag(r, "b", base_b) for r in runs)
        italic = all(self.run_flag(r, "i", base_i) for r in runs)
        return bold, italic

    def bold_lead(self, p, style) -> str:
        """The text of the bold runs a paragraph opens with ("Tidplan:" before plain text)."""
        base_b = self.style_flag(style, "b")
        parts = []
        for r in p.iter(W_R):
            text = element_text(r)
            if text.strip() and not self.run_flag(r, "b", base_b):
                break
            parts.append(text)
        return collapse("".join(parts))

    def run_flag(self, r, tag: str, inherited: bool) -> bool:
        rpr = r.find(qn("w:rPr"))
        if rpr is not None:
            flag = rpr.find(qn(f"w:{tag}"))
            if flag is not None:
                return on(flag)
            rs = rpr.find(qn("w:rStyle"))
            if rs is not None and rs.get(W_VAL) in self.styles:
                value = self.style_flag(self.styles[rs.get(W_VAL)], tag, None)
                if value is not None:
                    return value
        return inherited

    @staticmethod
    def style_flag(style, tag: str, default=False):
        while style is not None:
            flag = style.element.find(f"{qn('w:rPr')}/{qn(f'w:{tag}')}")
            if flag is not None:
                return on(flag)
            style = style.base_style
        return default

    # tables -----------------------------------------------------------------
    def table(self, tbl) -> Table:
        return Table(rows=[self.row(tr) for tr in children(tbl, W_TR)])

    def row(self, tr) -> Row:
        header = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
        cells = [self.cell(tc) for tc in children(tr, W_TC)]
        return Row(cells=cells, is_header=header is not None and on(header))

    def cell(self, tc) -> Cell:
        tcpr = tc.find(qn("w:tcPr"))
        span = 1
        vmerge: VMerge | None = None
        if tcpr is not None:
            gs = tcpr.find(qn("w:gridSpan"))
            if gs is not None and (gs.get(W_VAL) or "1").isdigit():
                span = max(1, int(gs.get(W_VAL)))
            vm = tcpr.find(qn("w:vMerge"))
            if vm is not None:
                vmerge = "restart" if vm.get(W_VAL) == "restart" else "continue"
        texts, bolds = [], []
        for block in self.blocks(tc):
            if isinstance(block, Paragraph):
                if block.text:
                    texts.append(block.text)
                    bolds.append(block.bold)
            else:  # a nested table: its text belongs to this cell
                texts.extend(t for r in block.rows for t in r.texts() if t)
        return Cell(text=collapse(" ".join(texts)), span=span, v_merge=vmerge,
                    bold=bool(bolds) and all(bolds))


def children(parent, tag):
    """Direct children with `tag`, looking through content controls."""
    for el in parent.iterchildren():
        if el.tag == tag:
            yield el
        elif el.tag == W_SDT:
            content = el.find(W_SDTCONTENT)
            if content is not None:
                yield from children(content, tag)


def on(flag) -> bool:
    return flag.get(W_VAL, "true").lower() not in ("0", "false", "off", "none")
