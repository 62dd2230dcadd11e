"""Both PDF engines give the same rows: every sample and fixture PDF, ingested with each.

PDFium (the default) and pdfplumber read a page differently in many small
ways (spaces, hyphens, boxes, drawings); the PDFium source settles them, so
the curated tables must be identical apart from provenance (when and from
where a file was ingested). `tests/fixtures/pdf_engines/engine_quirks.pdf`
holds those differences on purpose (see its `build.py`).
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from ingest.catalog import connect
from ingest.pipeline import ingest
from parsers import PDF_ENGINES
from parsers.pdf import source_pdfium, source_plumber
from parsers.pdf.lines import chars_to_lines
from parsers.pdf.reader import read_pdf

from .conftest import ROOT, SAMPLES

FIXTURES = ROOT / "tests" / "fixtures"
PDFS = sorted(SAMPLES.glob("*.pdf")) + sorted(FIXTURES.glob("**/*.pdf"))
QUIRKS = FIXTURES / "pdf_engines" / "engine_quirks.pdf"
TABLES = ["documents", "activities", "budget_lines", "proposals", "national_activities"]
LIBRARY_VERDICTS = {"corrupt_file", "no_text_layer"}  # what a damaged file is called depends on how far a library reads
PROVENANCE = {"doc_id", "ingested_at", "parser_version", "source_path", "source_file", "file_mtime", "run_at"}


@pytest.fixture(scope="module")
def by_engine(tmp_path_factory) -> dict[str, tuple[dict, object]]:
    """For each engine: every PDF's ingest result (by path) and the curated tables."""
    out = {}
    for engine in PDF_ENGINES:
        folder = tmp_path_factory.mktemp(f"curated-{engine}")
        report = ingest(PDFS, folder, workers=1, pdf_engine=engine)
        out[engine] = ({r.path: r for r in report.results}, connect(folder))
    return out


def rows(con, table: str, doc_id: str | None) -> list[tuple]:
    """A document's rows of a table, in order, without the provenance columns."""
    columns = [c[0] for c in con.execute(f"describe {table}").fetchall() if c[0] not in PROVENANCE]
    order = " order by seq" if "seq" in columns else ""
    return con.execute(f"select {', '.join(columns)} from {table} where doc_id = ?{order}", [doc_id]).fetchall()


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: str(p.relative_to(ROOT)))
def test_both_engines_give_the_same_curated_rows(pdf: Path, by_engine):
    (ours, con), (theirs, other) = (by_engine[e] for e in PDF_ENGINES)
    a, b = ours[pdf], theirs[pdf]
    if a.status == b.status == "failed" and {a.reason, b.reason} == LIBRARY_VERDICTS:
        pass  # a damaged file both refuse: pdfminer may fail on a page PDFium reads and finds empty
    else:
        assert (a.status, a.reason, a.message, a.warnings, a.rows) == (b.status, b.reason, b.message, b.warnings,
                                                                        b.rows)
    for table in TABLES:
        assert rows(con, table, a.doc_id) == rows(other, table, b.doc_id), f"{table} of {pdf.name}"


def pages(source, data: bytes) -> list:
    """The page model of every page, read by one source."""
    with source.open_pdf(data, "quirks.pdf", None) as pdf:
        return source.read_pages(pdf, "quirks.pdf")


def lines(source, data: bytes) -> list[list[tuple]]:
    """Each page's text lines as (text, trailing space, bold, italic), read by one source."""
    return [[(ln.text, ln.trailing_space, ln.bold, ln.italic) for ln in chars_to_lines(p.chars, p.number)]
            for p in pages(source, data)]


def test_both_sources_read_the_same_lines_where_the_libraries_differ():
    data = QUIRKS.read_bytes()
    got, want = lines(source_pdfium, data), lines(source_plumber, data)
    assert got == want
    text = {t: trailing for t, trailing, *_ in got[0]}
    assert text["Planen beskriver hur kommunernas och länsstyrelsens miljö-"] is True  # the space after the hyphen
    assert "Aktiviteter 2024" in text  # invisible text (an OCR layer) is read, as pdfminer reads it
    assert any(t.endswith("tkr per år. Tillsynen samordnas av länssamordnaren.") for t in text)  # spaces drawn alone
    page_two = [t for t, *_ in got[1]]
    assert "UPPFOLJNING SKER" in page_two  # the glyphs, not the /ActualText
    assert "Kostnad 30\u202f000 kr" in page_two  # a narrow no-break space set on its own


def test_both_sources_read_the_same_characters_where_the_libraries_differ():
    """Every character, spaces included (the space glyphs of a justified line that PDFium
    drops), in the same place."""
    data = QUIRKS.read_bytes()
    for ours, theirs in zip(pages(source_pdfium, data), pages(source_plumber, data), strict=True):
        a, b = (sorted((c["text"], round(c["top"]), c["x0"]) for c in p.chars) for p in (ours, theirs))
        assert [(t, top) for t, top, _ in a] == [(t, top) for t, top, _ in b]
        assert max(abs(x - y) for (_, _, x), (_, _, y) in zip(a, b)) < 0.5  # PDFium's whole-unit widths


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_rules_and_shading_drawn_in_a_form_are_read_and_dots_are_no_rules(engine):
    first, second = pages(source_pdfium if engine == "pdfium" else source_plumber, QUIRKS.read_bytes())
    assert len([r for r in first.rules if r.horizontal]) == 7
    assert [s.dark for s in first.shades] == [True]
    assert second.rules == []  # a dotted line's square dots


def test_an_unknown_engine_is_a_usage_error():
    from parsers.errors import UsageError

    with pytest.raises(UsageError, match="pdfium"):
        read_pdf(io.BytesIO(QUIRKS.read_bytes()), "quirks.pdf", engine="pdfminer")
