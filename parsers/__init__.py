"""Readers that turn plan documents into typed records. Pure: a stream in, records out.

    from parsers import parse_plan
    with open("plan.docx", "rb") as f:
        plan = parse_plan(f, "docx", name="plan.docx")
"""
from __future__ import annotations

from typing import IO

from .errors import UnsupportedFormatError
from .interpret import document_to_plan
from .model import Document
from .records import ParsedPlan

PARSER_VERSION = "0.1.0"
FORMATS = ("docx", "pdf")
PDF_ENGINES = ("pdfium", "pdfplumber")  # the libraries that can read a PDF's pages; the first is the default
DEFAULT_PDF_ENGINE = PDF_ENGINES[0]


def read_document(stream: IO[bytes], file_format: str, name: str = "<stream>",
                  password: str | None = None, max_pages: int | None = None,
                  pdf_engine: str = DEFAULT_PDF_ENGINE) -> Document:
    """The neutral document model of a .docx or .pdf stream (a PDF of more than `max_pages` is refused;
    `pdf_engine`, "pdfium" or "pdfplumber", is the library that reads a PDF's pages)."""
    if file_format == "docx":
        from .docx_reader import read_docx
        return read_docx(stream, name)
    if file_format == "pdf":
        from .pdf.reader import read_pdf
        return read_pdf(stream, name, password=password, max_pages=max_pages, engine=pdf_engine)
    raise UnsupportedFormatError(f"unsupported format '{file_format}' (vplan reads .docx and .pdf)", name)


def parse_plan(stream: IO[bytes], file_format: str, name: str = "<stream>",
               password: str | None = None, max_pages: int | None = None,
               pdf_engine: str = DEFAULT_PDF_ENGINE) -> ParsedPlan:
    """Read and interpret one plan document."""
    return document_to_plan(read_document(stream, file_format, name, password, max_pages, pdf_engine), name)
