"""`vplan inspect`: look, don't read. What vplan read from one plan, drawn over its pages.

For a PDF, one PNG per page with the PDF reader's decisions painted over the
page (`marks`, `draw`), and an `index.html` that shows each page beside the
records taken from it. For a Word file, the same `index.html` without pages:
its tables, their rows and what each row was read as. The reading is the one
`vplan ingest` does (`parsers.pdf.reader.read_pdf_layout`, `document_to_plan`);
nothing here decides anything again.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from parsers.activities import RowRead
from parsers.errors import NotAPlanError, UsageError, VplanError, internal_error
from parsers.interpret import document_to_plan
from parsers.metadata import read_metadata
from parsers.model import Document
from parsers.pdf.trace import PageTrace
from parsers.records import ParsedPlan

from ..config import SUFFIXES
from ..jobs import bytes_to_parse
from .index import write_index

DPI = 100  # page images: sharp enough to read 8-point text, a few hundred KiB a page


@dataclass
class Inspection:
    """What one plan was read as: its document model, plan and row readings, and for a PDF the
    trace of each page."""

    path: Path
    file_format: str
    document: Document
    plan: ParsedPlan
    reads: dict[int, list[RowRead]]  # the readings of each activity table's rows, by the table's id
    pages: list[PageTrace] = field(default_factory=list)  # what the PDF reader decided on each page
    data: bytes = b""  # the PDF, to render its pages
    password: str | None = None  # the PDF's
    not_a_plan: str | None = None  # why nothing was taken from it, if so


def parse_pages(text: str | None, n_pages: int) -> list[int]:
    """The pages asked for: "3", "3-5", "2,4-6" (all pages for None), checked against the document."""
    if text is None:
        return list(range(1, n_pages + 1))
    pages: set[int] = set()
    for part in text.replace(" ", "").split(","):
        match = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        if not match:
            raise UsageError(f"--pages takes page numbers and ranges such as 3, 3-5 or 2,4-6, not '{text}'")
        first, last = int(match[1]), int(match[2] or match[1])
        if not 1 <= first <= last:
            raise UsageError(f"--pages: '{part}' is not a range of pages")
        if last > n_pages:
            raise UsageError(f"--pages: the document has {n_pages} page{'s' if n_pages != 1 else ''}, "
                             f"there is no page {last}")
        pages.update(range(first, last + 1))
    return sorted(pages)


def read_for_inspection(path: Path, password: str | None = None) -> Inspection:
    """Read and interpret one plan file as `vplan ingest` does, keeping what was decided."""
    if not path.is_file():
        raise UsageError("no such file" if not path.exists() else "not a file", str(path))
    if path.suffix.lower() not in SUFFIXES:
        raise UsageError(f"vplan inspects {', '.join(SUFFIXES)} files", str(path))
    data, fmt = bytes_to_parse(path)
    name = str(path)
    pages: list[PageTrace] = []
    if fmt == "pdf":
        from parsers.pdf.reader import read_pdf_layout
        layout = read_pdf_layout(io.BytesIO(data), name, password)
        document, pages = layout.document, layout.pages
    else:
        from parsers.docx_reader import read_docx
        document = read_docx(io.BytesIO(data), name)
    reads: dict[int, list[RowRead]] = {}
    try:
        plan = document_to_plan(document, name, reads)
        why = None
    except NotAPlanError as exc:  # still worth a look: what was found, and why it is no plan
        plan = ParsedPlan(meta=read_metadata(document.blocks), n_pages=document.n_pages, file_format=fmt)
        why = exc.message
    return Inspection(path, fmt, document, plan, reads, pages, data if fmt == "pdf" else b"", password, why)


def inspect_file(path: Path, out: Path, pages: str | None = None, dpi: float = DPI,
                 password: str | None = None) -> tuple[Inspection, list[int]]:
    """Write the page images (a PDF's) and `index.html` for one plan file into `out`; the
    inspection and the pages drawn."""
    seen = read_for_inspection(path, password)
    numbers = parse_pages(pages, len(seen.pages)) if seen.pages else []
    try:
        out.mkdir(parents=True, exist_ok=True)
        images = write_pages(seen, numbers, out, dpi) if numbers else {}
        write_index(seen, images, out / "index.html")
    except (VplanError, OSError):
        raise
    except Exception as exc:  # reading went well; what fails here is vplan's own drawing code
        raise internal_error(exc, str(path)) from exc
    return seen, numbers


def write_pages(seen: Inspection, numbers: list[int], out: Path, dpi: float) -> dict[int, str]:
    """One PNG per page asked for; the file name of each page's image."""
    import pypdfium2 as pdfium

    from .draw import draw_marks, render_page
    from .marks import page_marks

    scale = dpi / 72
    names: dict[int, str] = {}
    document = pdfium.PdfDocument(seen.data, password=seen.password)
    try:
        for number in numbers:
            page = seen.pages[number - 1]
            image = draw_marks(render_page(document, page, scale), page_marks(page, seen.reads), scale)
            names[number] = f"page-{number:03d}.png"
            image.save(out / names[number], optimize=False)
    finally:
        document.close()
    return names
