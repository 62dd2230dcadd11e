"""The pdfplumber (pdfminer) page source: open a PDF and read each page into the page model once.

Everything pdfminer/pdfplumber can throw for a bad file is turned into one
of the project's own errors here; the layout code further on only ever sees
plain `PageData`.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import CorruptFileError, EncryptedFileError, NoTextLayerError, TooLargeError, VplanError
from .page_model import PageData, upright_page


@contextmanager
def open_pdf(data: bytes, name: str, password: str | None) -> Iterator[object]:
    """A pdfplumber PDF for `data`; pdfminer failures become project errors."""
    import io

    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
    except Exception as exc:  # pdfplumber wraps pdfminer errors in PdfminerException
        raise translate(exc, name, password=password) from exc
    try:
        yield pdf
    finally:
        try:
            pdf.close()
        except Exception:  # closing walks the pages again, and a damaged page tree fails again
            pass


def translate(exc: Exception, name: str, page: int | None = None, password: str | None = None) -> VplanError:
    """The project error that describes a pdfminer/pdfplumber failure."""
    if isinstance(exc, VplanError):
        return exc
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(inner, VplanError):  # e.g. a time limit that fired inside pdfminer
        return inner
    kind = type(inner).__name__
    if kind == "PDFPasswordIncorrect":
        return EncryptedFileError(
            "the PDF is encrypted and the password given does not open it" if password else
            "the PDF is encrypted: it needs its password (vplan ingest --password)", name, page)
    if "Password" in kind or "Encrypt" in kind:
        return EncryptedFileError(f"the PDF's encryption is not supported ({inner})", name, page)
    return CorruptFileError(f"damaged or unreadable PDF ({kind}: {inner})", name, page)


def read_pages(pdf, name: str, max_pages: int | None = None) -> list[PageData]:
    """Every page's characters and rules, read once; a PDF without any text, or too long, is refused."""
    pages = []
    try:
        if max_pages and len(pdf.pages) > max_pages:
            raise TooLargeError(f"{len(pdf.pages)} pages, more than the limit of {max_pages}", name)
        for number, page in enumerate(pdf.pages, start=1):
            pages.append(page_data(unrotated(page), number))
    except VplanError:
        raise
    except Exception as exc:
        raise translate(exc, name, len(pages) + 1) from exc
    if not pages:
        raise CorruptFileError("the PDF has no pages", name)
    if not any(p.chars for p in pages):
        raise NoTextLayerError(
            f"none of the {len(pages)} page(s) has a text layer (a scanned document?); "
            "run OCR on it first (e.g. ocrmypdf) and read the result", name)
    return pages


def unrotated(page):
    """The page with its /Rotate set aside: coordinates as drawn. Which way the page reads is
    found from its text (`orientation`), whatever /Rotate says."""
    if not page.rotation:
        return page
    page.page_obj.attrs = {**page.page_obj.attrs, "Rotate": 0}
    page.page_obj.rotate = 0
    return type(page)(page.pdf, page.page_obj, page.page_number, page.initial_doctop)


def page_data(page, number: int) -> PageData:
    """A page's characters, rules and shading, in its reading orientation (`orientation`)."""
    return upright_page(number, float(page.width), float(page.height), page.chars, page.lines, page.rects,
                        page.curves)
