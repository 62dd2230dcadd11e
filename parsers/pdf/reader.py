"""Read a PDF file into the neutral document model (the counterpart of `docx_reader`).

Each page's characters and drawings are read once by a page source
(`source_plumber`) into the page model (`page_model`), laid out into tables
and body lines (`layout`), stripped of running headers, footers and page
numbers (`furniture`); tables that run over pages are joined and their split
rows mended (`table_runs`); the remaining lines become paragraphs
(`paragraphs`). Everything is derived from geometry and typography, nothing
from the words of a particular plan. `read_pdf_layout` hands out, beside the
document model, what was decided on each page (`trace`, for `vplan inspect`).
"""
from __future__ import annotations

from typing import IO

from .. import DEFAULT_PDF_ENGINE, PDF_ENGINES
from ..errors import CorruptFileError, EmptyFileError, UnsupportedFormatError, UsageError, VplanError, internal_error
from ..model import Document
from . import source_pdfium, source_plumber
from .frame_tables import PageTable
from .furniture import strip_furniture
from .layout import PageLayout, lines_to_tables, page_to_items
from .lines import Line
from .page_model import PageData
from .paragraphs import group_paragraphs, to_paragraphs
from .table_runs import TableRun, same_columns
from .text_tables.tables import continue_text_table
from .trace import PdfLayout, trace_pages
from .word_breaks import document_context


def read_bytes(stream: IO[bytes], name: str) -> bytes:
    """The whole stream, checked to look like a complete PDF file."""
    data = stream.read()
    if not data:
        raise EmptyFileError("the file is empty (0 bytes)", name)
    head = data[:1024]
    if b"%PDF-" not in head:
        kind = "a Word/zip package" if data[:2] == b"PK" else "not a PDF file"
        raise UnsupportedFormatError(f"{kind}: no %PDF header", name)
    if b"%%EOF" not in data.rstrip(b"\x00 \t\r\n\x0c")[-4096:]:  # padding after the marker is harmless
        raise CorruptFileError("the PDF is truncated (no %%EOF marker at its end)", name)
    return data


def read_pdf(stream: IO[bytes], name: str = "<stream>", password: str | None = None,
             max_pages: int | None = None, engine: str = DEFAULT_PDF_ENGINE) -> Document:
    """A PDF byte stream in, the neutral document model out (TooLargeError past `max_pages`).
    `engine` is the library that reads the pages: "pdfium" (pypdfium2) or "pdfplumber"."""
    return read_pdf_layout(stream, name, password, max_pages, engine, traced=False).document


def read_pdf_layout(stream: IO[bytes], name: str = "<stream>", password: str | None = None,
                    max_pages: int | None = None, engine: str = DEFAULT_PDF_ENGINE,
                    traced: bool = True) -> PdfLayout:
    """The document model of a PDF byte stream and, page by page, what the layout decided (`trace`;
    its pages are left empty when not `traced`)."""
    data = read_bytes(stream, name)
    pages = read_pages(data, name, password, max_pages, engine)
    try:
        layouts = [page_to_items(p) for p in pages]
        strip_furniture(layouts)
        for lay in layouts:
            lines_to_tables(lay)
        continue_tables(layouts)
        blocks, items = layouts_to_blocks(layouts)
        trace = trace_pages(pages, layouts, items, blocks) if traced else []
    except VplanError:
        raise
    except Exception as exc:  # the file was read; what fails from here on is vplan's own code
        raise internal_error(exc, name) from exc
    return PdfLayout(Document(blocks=blocks, n_pages=len(pages), file_format="pdf"), trace)


def read_pages(data: bytes, name: str, password: str | None, max_pages: int | None, engine: str) -> list[PageData]:
    """Each page's characters and drawings in the page model, read by the engine's page source.
    A failure of the PDF library is the file's (damaged, encrypted…); any other is vplan's own."""
    if engine == "pdfplumber":
        with source_plumber.open_pdf(data, name, password) as pdf:
            return source_plumber.read_pages(pdf, name, max_pages)
    if engine != "pdfium":
        raise UsageError(f"unknown PDF engine {engine!r} (one of {', '.join(PDF_ENGINES)})", name)
    try:
        with source_pdfium.open_pdf(data, name, password) as doc:
            return source_pdfium.read_pages(doc, name, max_pages)
    except (VplanError, MemoryError):
        raise
    except Exception as exc:  # PDFium reports its failures as values: what raises is vplan's code
        raise internal_error(exc, name) from exc


def continue_tables(layouts: list[PageLayout]) -> None:
    """Read the top of each page as the rest of a table found from its header on the page before
    (the header of the table a part without one continues is remembered)."""
    header = None
    for prev, lay in zip(layouts, layouts[1:]):
        last = prev.items[-1] if prev.items else None
        if isinstance(last, PageTable) and last.from_text:
            header = last.header or header
            lay.items = continue_text_table(last, lay.items, lay.rules, lay.shades, lay.number, header)


def body_bottoms(layouts: list[PageLayout]) -> dict[int, float]:
    """The lowest content on any page of the same height: the bottom of the body area."""
    lowest: dict[int, float] = {}
    for lay in layouts:
        if lay.items:
            key = round(lay.height)
            lowest[key] = max(lowest.get(key, 0.0), max(i.bottom for i in lay.items))
    return {lay.number: lowest.get(round(lay.height), lay.height) for lay in layouts}


def right_margins(layouts: list[PageLayout]) -> dict[int, float]:
    """How far body text reaches on pages of the same width."""
    widest: dict[int, float] = {}
    for lay in layouts:
        for item in lay.items:
            if isinstance(item, Line):
                key = round(lay.width)
                widest[key] = max(widest.get(key, 0.0), item.x1)
    return {lay.number: widest.get(round(lay.width), lay.width) for lay in layouts}


def join_page_tables(layouts: list[PageLayout]) -> list:
    """The document's items in order, each table that runs over pages as one TableRun."""
    bottoms = body_bottoms(layouts)
    out: list = []
    prev_page_last = None
    for lay in layouts:
        for k, item in enumerate(lay.items):
            if isinstance(item, PageTable):
                run = out[-1] if out and k == 0 and isinstance(prev_page_last, TableRun) else None
                if run is not None and run is prev_page_last and same_columns(run.last, item):
                    run.append(item, bottoms[run.last.page])
                elif item.weak:  # no table above to continue: plain text between two rules
                    out.extend(item.lines())
                else:
                    out.append(TableRun(item))
            else:
                out.append(item)
        if lay.items:
            prev_page_last = out[-1] if out else None
            if isinstance(out[-1], Line):
                out[-1].meta["last_on_page"] = True
        else:
            prev_page_last = None
    return out


def layouts_to_blocks(layouts: list[PageLayout]) -> tuple[list, list]:
    """Tables and paragraphs in reading order, and the items they were made of (body lines and
    table runs, each run giving the next table)."""
    ctx = document_context(line_runs(layouts))
    items = join_page_tables(layouts)
    rights = right_margins(layouts)
    chunks: list = []  # a TableRun, or the list of paragraphs between two tables
    pending: list = []
    for item in items + [None]:
        if isinstance(item, Line):
            pending.append(item)
            continue
        if pending:
            chunks.append(group_paragraphs(pending, rights))
            pending = []
        if item is not None:
            chunks.append(item)
    paras = to_paragraphs([p for c in chunks if isinstance(c, list) for p in c], rights, ctx)
    by_para = iter(paras)
    blocks: list = []
    for chunk in chunks:
        if isinstance(chunk, TableRun):
            blocks.append(chunk.to_table(ctx))
        else:
            blocks.extend(p for p in (next(by_para) for _ in chunk) if p is not None)
    return blocks, items


def line_runs(layouts: list[PageLayout]) -> list[tuple[list[Line], bool]]:
    """The document's text lines as runs that read on (each cell, each page's body text), and
    whether a run is closed: the cells of a table's first and last row on a page may go on
    across the page break, and so may the body text."""
    runs: list[tuple[list[Line], bool]] = []
    for lay in layouts:
        body: list[Line] = []
        for item in lay.items:
            if isinstance(item, PageTable):
                for k, row in enumerate(item.rows):
                    closed = 0 < k < len(item.rows) - 1
                    runs.extend((cell.lines, closed) for cell in row.cells)
            else:
                body.append(item)
        runs.append((body, False))
    return runs
