"""The PDF reader against the Word reader: same tables, same paragraphs, clear errors.

Every sample plan and every generated variant (tests/fixtures/pdf_variants)
exists as .docx and as the .pdf LibreOffice made from it; `read_pdf` on the
PDF must give what `read_docx` gives on the Word file.
"""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parsers import PDF_ENGINES  # noqa: E402
from parsers.docx_reader import read_docx  # noqa: E402
from parsers.errors import (  # noqa: E402
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    NoTextLayerError,
    UnsupportedFormatError,
    VplanError,
)
from parsers.model import Paragraph, Table  # noqa: E402
from parsers.pdf.reader import read_pdf  # noqa: E402

SAMPLES = ROOT / "data" / "raw" / "samples"
VARIANTS = ROOT / "tests" / "fixtures" / "pdf_variants"
PAIRS = sorted(p for p in list(SAMPLES.glob("*.pdf")) + list(VARIANTS.glob("*.pdf"))
               if p.with_suffix(".docx").exists())
IDS = [p.stem for p in PAIRS]
_CACHE: dict[Path, tuple] = {}


def both(pdf: Path):
    """(PDF document, Word document) for a pair, read once per test session."""
    if pdf not in _CACHE:
        with open(pdf, "rb") as f:
            from_pdf = read_pdf(f, pdf.name)
        with open(pdf.with_suffix(".docx"), "rb") as f:
            from_word = read_docx(f, pdf.name)
        _CACHE[pdf] = (from_pdf, from_word)
    return _CACHE[pdf]


def norm(text: str) -> str:
    return " ".join(text.split())


def tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def paragraphs(doc) -> list[Paragraph]:
    return [b for b in doc.blocks if isinstance(b, Paragraph) and b.text.strip()]


def first_difference(got: Table, want: Table) -> str | None:
    """A readable description of the first row/cell where two tables differ."""
    for i in range(max(len(got.rows), len(want.rows))):
        if i >= len(got.rows) or i >= len(want.rows):
            extra = got.rows[i] if i < len(got.rows) else want.rows[i]
            side = "PDF" if i < len(got.rows) else "Word"
            return (f"row {i}: only {side} has it: {[norm(t) for t in extra.texts()]} "
                    f"(PDF {len(got.rows)} rows, Word {len(want.rows)} rows)")
        a, b = [norm(t) for t in got.rows[i].texts()], [norm(t) for t in want.rows[i].texts()]
        if len(a) != len(b):
            return f"row {i}: {len(a)} grid cells in PDF, {len(b)} in Word\n  PDF:  {a}\n  Word: {b}"
        for j, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return f"row {i}, cell {j}:\n  PDF:  {x!r}\n  Word: {y!r}\n  Word row: {b}"
    return None


@pytest.mark.parametrize("pdf", PAIRS, ids=IDS)
def test_pdf_tables_equal_word_tables(pdf):
    got, want = (tables(d) for d in both(pdf))
    assert len(got) == len(want), f"{len(got)} tables in the PDF, {len(want)} in Word"
    problems = [f"table {k}: {d}" for k, (g, w) in enumerate(zip(got, want))
                if (d := first_difference(g, w))]
    assert not problems, "\n".join(problems)


def level_class(level: int | None) -> str:
    return "title" if level == 0 else "body" if level is None else "heading"


def paragraph_key(p: Paragraph) -> tuple:
    return norm(p.text), level_class(p.heading_level), p.bold, p.italic, p.is_list


@pytest.mark.parametrize("pdf", PAIRS, ids=IDS)
def test_pdf_paragraphs_equal_word_paragraphs(pdf):
    got, want = ([paragraph_key(p) for p in paragraphs(d)] for d in both(pdf))
    for i, (a, b) in enumerate(zip(got, want)):
        assert a == b, f"paragraph {i}:\n  PDF:  {a}\n  Word: {b}"
    assert len(got) == len(want), f"{len(got)} paragraphs in the PDF, {len(want)} in Word"


@pytest.mark.parametrize("pdf", [p for p in PAIRS if p.parent == SAMPLES], ids=lambda p: p.stem)
def test_heading_levels_follow_font_sizes_like_word_styles(pdf):
    got, want = ([(norm(p.text), p.heading_level) for p in paragraphs(d) if p.heading_level is not None]
                 for d in both(pdf))
    assert got == want


@pytest.mark.parametrize("pdf", PAIRS, ids=IDS)
def test_pdf_tables_keep_blocks_in_word_order(pdf):
    def kinds(doc):
        return ["T" if isinstance(b, Table) else "P" for b in doc.blocks
                if isinstance(b, Table) or b.text.strip()]
    got, want = (kinds(d) for d in both(pdf))
    assert got == want


def test_document_knows_its_pages_and_format():
    doc, _ = both(SAMPLES / "jonkoping_2021-2023.pdf")
    assert doc.file_format == "pdf" and doc.n_pages == 16
    assert all(p.page for p in paragraphs(doc))


def test_repeated_header_row_appears_once_and_is_marked():
    doc, _ = both(SAMPLES / "jonkoping_2021-2023.pdf")
    activities = tables(doc)[1]
    headers = [r for r in activities.rows if norm(r.cells[0].text) == "AKTIVITET"]
    assert len(headers) == 1 and activities.rows[0].is_header
    assert activities.rows[-1].page_end > activities.rows[0].page_start  # one table over many pages


def test_row_split_over_page_break_is_one_row_spanning_both_pages():
    doc, _ = both(SAMPLES / "jonkoping_2021-2023.pdf")
    split = [r for t in tables(doc) for r in t.rows if r.page_end != r.page_start]
    assert split, "expected rows that continue on the next page"
    row = next(r for r in split if r.cells[0].text.startswith("Förorenad mark"))
    assert row.cells[1].text.endswith("Minst 5 inspektörer deltar aktivt i projektgruppen.")


def test_first_cell_cut_mid_phrase_is_joined():
    doc, _ = both(SAMPLES / "ostergotland_2022-2024.pdf")
    cells = [norm(r.cells[0].text) for t in tables(doc) for r in t.rows]
    assert "Jämföra de länsgemensamma nyckeltalen" in cells
    assert "nyckeltalen" not in cells


def test_vertically_merged_cells_are_marked_like_word():
    got, want = (tables(d)[0] for d in both(SAMPLES / "varmland_2023-2025.pdf"))
    for g, w in zip(got.rows, want.rows):
        for gc, wc in zip(g.grid(), w.grid()):
            if wc.v_merge == "continue":
                assert gc.v_merge == "continue" and gc.text == ""


def test_full_width_category_row_is_one_spanning_cell():
    doc, _ = both(SAMPLES / "varmland_2023-2025.pdf")
    category = tables(doc)[0].rows[1]
    assert [(c.text, c.span) for c in category.cells] == [("Tillsynsprojekt", 6)]


def test_table_without_vertical_rules_gets_columns_from_text():
    doc, _ = both(SAMPLES / "ostergotland_2022-2024.pdf")
    activity = tables(doc)[1]
    assert activity.n_cols == 5
    assert [norm(t) for t in activity.rows[0].texts()] == [
        "Aktivitet", "Syfte och mål", "Tidplan", "Ansvarig", "Koppling till miljömål"]


def test_word_broken_by_narrow_column_is_joined_but_real_words_keep_their_space():
    doc, _ = both(SAMPLES / "jonkoping_2021-2023.pdf")
    text = " ".join(c.text for t in tables(doc) for r in t.rows for c in r.cells)
    assert "livsmedelsverksamheter" in text and "TID FÖR GENOMFÖRANDE" in text
    assert "Miljöskyddsinspektörer med ansvar" in text and "SAMVERKANS- PARTER" in text
    assert "Miljöskydds- och hälsoskyddsinspektörer" in text


@pytest.mark.parametrize("pdf, furniture", [
    (SAMPLES / "jonkoping_2022-2024.pdf", "Verksamhetsplan 2022-2024, Miljösamverkan Jönköpings län"),
    (VARIANTS / "j20_midpage_no_repeat.pdf", "Sida"),
    (VARIANTS / "j20_midpage_no_repeat.pdf", "Miljösamverkan – verksamhetsplan"),
])
def test_running_headers_footers_and_page_numbers_are_dropped(pdf, furniture):
    doc, _ = both(pdf)
    texts = [p.text for p in paragraphs(doc)] + [c.text for t in tables(doc) for r in t.rows for c in r.cells]
    assert not [t for t in texts if furniture in t]


def test_bulleted_list_items_lose_their_bullet_and_are_marked():
    doc, _ = both(SAMPLES / "ostergotland_2022-2024.pdf")
    items = [p for p in paragraphs(doc) if p.is_list]
    assert [p.text for p in items] == ["Vårdlokaler", "Skolgårdar och buller", "Vindkraft", "Skjutbanor", "Täkter"]


def test_reading_is_repeatable_and_silent(capsys):
    data = (SAMPLES / "varmland_2023-2025.pdf").read_bytes()
    first, second = read_pdf(io.BytesIO(data)), read_pdf(io.BytesIO(data))
    assert first == second
    assert capsys.readouterr() == ("", "")


# --- bad files ---------------------------------------------------------------

def minimal_pdf(content: bytes = b"") -> bytes:
    """A valid one-page PDF whose page draws `content` (no text unless given)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize("data, error", [
    (b"", EmptyFileError),
    (b"Verksamhetsplan 2023\nden har ingen PDF i sig\n", UnsupportedFormatError),
    ((SAMPLES / "varmland_2023-2025.docx").read_bytes(), UnsupportedFormatError),
    ((SAMPLES / "varmland_2023-2025.pdf").read_bytes()[:30000], CorruptFileError),
    (b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n", CorruptFileError),
    (minimal_pdf(), NoTextLayerError),
], ids=["empty", "text-file", "docx-named-pdf", "truncated", "garbage-body", "no-text-layer"])
@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_bad_files_raise_the_projects_own_errors(data, error, engine):
    with pytest.raises(error) as info:
        read_pdf(io.BytesIO(data), "plan.pdf", engine=engine)
    assert "plan.pdf" in str(info.value)


def test_no_text_layer_error_suggests_ocr():
    with pytest.raises(NoTextLayerError, match="OCR"):
        read_pdf(io.BytesIO(minimal_pdf()), "scan.pdf")


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_minimal_pdf_with_text_is_read(engine):
    text = b"BT /F1 12 Tf 72 720 Td (Hej) Tj ET"
    data = minimal_pdf(text).replace(
        b"/MediaBox [0 0 595 842]",
        b"/MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 "
        b"/BaseFont /Helvetica >> >> >>")
    data = rebuild_xref(data)
    doc = read_pdf(io.BytesIO(data), engine=engine)
    assert [p.text for p in paragraphs(doc)] == ["Hej"]


def rebuild_xref(data: bytes) -> bytes:
    """`data` with its xref offsets recomputed after an edit."""
    body = data[:data.index(b"xref\n")]
    offsets, pos = [], 0
    while (pos := body.find(b" 0 obj\n", pos)) != -1:
        start = body.rfind(b"\n", 0, pos) + 1
        offsets.append(start)
        pos += 1
    out = bytearray(body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_encrypted_pdf_needs_its_password(engine):
    data = (VARIANTS / "encrypted.pdf").read_bytes()
    with pytest.raises(EncryptedFileError, match="password"):
        read_pdf(io.BytesIO(data), "encrypted.pdf", engine=engine)
    with pytest.raises(EncryptedFileError, match="password"):
        read_pdf(io.BytesIO(data), "encrypted.pdf", password="fel", engine=engine)
    doc = read_pdf(io.BytesIO(data), "encrypted.pdf", password="hemligt", engine=engine)
    assert [p.text for p in paragraphs(doc)][0] == "Hemlig plan"


def test_every_error_is_a_vplan_error():
    for cls in (EmptyFileError, UnsupportedFormatError, CorruptFileError, EncryptedFileError, NoTextLayerError):
        assert issubclass(cls, VplanError)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_freshly_generated_variant_matches_word(tmp_path):
    sys.path.insert(0, str(VARIANTS))
    import make_variants

    pdf = make_variants.make("varm_serif_big", tmp_path)
    got, want = tables(read_pdf(open(pdf, "rb"))), tables(read_docx(open(pdf.with_suffix(".docx"), "rb")))
    assert len(got) == len(want)
    problems = [d for g, w in zip(got, want) if (d := first_difference(g, w))]
    assert not problems, "\n".join(problems)
