"""`vplan inspect`: what was read, drawn over each page of a PDF, and listed for a Word file."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat
from typer.testing import CliRunner

from ingest.cli import app
from ingest.inspection import inspect_file, parse_pages, read_for_inspection
from ingest.inspection.draw import render_page
from ingest.inspection.marks import activity_seqs, page_marks
from parsers.activities import read_rows
from parsers.errors import UsageError
from parsers.model import Cell, Row, Table

from .conftest import SAMPLES
from .docx_builder import build_plan
from .pdf_drawing import sideways_plan_pdf, turned_plan_pdf

runner = CliRunner()
PDFS = sorted(SAMPLES.glob("*.pdf"))
LOW_DPI = 30  # the lowest --dpi: enough to check the pictures, a fraction of the time


def table_records_on(seen, number: int) -> set[int]:
    """The seqs of the records read from table rows that lie on page `number`."""
    from_tables = {id(r.activity) for reads in seen.reads.values() for r in reads if r.activity}
    return {a.seq for a in seen.plan.activities if id(a) in from_tables
            and a.page_start <= number <= (a.page_end or a.page_start)}


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_inspect_draws_each_page_with_one_label_per_record_read_from_it(pdf, tmp_path):
    seen, drawn = inspect_file(pdf, tmp_path, dpi=LOW_DPI)
    n_pages = seen.plan.n_pages
    assert drawn == list(range(1, n_pages + 1))
    assert sorted(p.name for p in tmp_path.glob("*.png")) == [f"page-{n:03d}.png" for n in drawn]
    assert (tmp_path / "index.html").exists()
    for page in seen.pages:
        assert activity_seqs(page_marks(page, seen.reads)) == table_records_on(seen, page.number), page.number


def test_the_trace_shows_rows_mended_over_a_page_break_and_headers_left_out():
    seen = read_for_inspection(SAMPLES / "jonkoping_2021-2023.pdf")
    pieces: dict[tuple[int, int], list[int]] = {}
    for page in seen.pages:
        for part in page.tables:
            for row in part.rows:
                if row.mended:
                    pieces.setdefault((id(part.table), row.index), []).append(page.number)
    assert pieces and all(len(pages) >= 2 and pages == list(range(pages[0], pages[-1] + 1))
                          for pages in pieces.values())
    dropped = [page.number for page in seen.pages for part in page.tables for row in part.rows if row.index is None]
    assert dropped and 1 not in dropped  # the header the following pages repeat


def dark_share(image: Image.Image, box: tuple[float, float, float, float]) -> float:
    """The share of dark pixels in a box of the image."""
    crop = image.convert("L").crop(tuple(round(v) for v in box))
    return sum(crop.histogram()[:128]) / max(1, crop.width * crop.height)


@pytest.mark.parametrize("make", [lambda: turned_plan_pdf(90), lambda: turned_plan_pdf(180),
                                  lambda: turned_plan_pdf(270), sideways_plan_pdf],
                         ids=["rotate-90", "rotate-180", "rotate-270", "sideways"])
def test_a_turned_page_is_drawn_upright_with_its_marks_on_its_table(make, tmp_path):
    upright, turned = tmp_path / "upright.pdf", tmp_path / "turned.pdf"
    upright.write_bytes(turned_plan_pdf(0))
    turned.write_bytes(make())
    images = []
    for path in (upright, turned):
        seen = read_for_inspection(path)
        [page] = seen.pages
        image = render_page(pdfium.PdfDocument(seen.data), page, 1.0)
        assert image.width > image.height  # landscape, as it reads
        [table] = page.tables
        top_rule = (table.x0 + 20, table.top - 1.5, table.x1 - 20, table.top + 1.5)
        assert dark_share(image, top_rule) > 0.3  # the trace's table frame lies on the drawn rule
        images.append(image.convert("L"))
    difference = ImageStat.Stat(ImageChops.difference(*images)).mean[0]
    assert difference < 2.0  # the same picture as the plan drawn upright


def test_pages_selects_the_pages_drawn(tmp_path):
    result = runner.invoke(app, ["inspect", str(SAMPLES / "dalarna_2023-2025.pdf"), "--pages", "2,4-5",
                                 "--out", str(tmp_path), "--dpi", str(LOW_DPI)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["page-002.png", "page-004.png", "page-005.png"]
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'id="page-2"' in html and 'id="page-5"' in html and 'id="page-3"' not in html
    assert "3 page images" in result.output


@pytest.mark.parametrize("text,n_pages,pages", [("3", 7, [3]), ("3-5", 7, [3, 4, 5]), ("2,4-6", 7, [2, 4, 5, 6]),
                                                ("5, 1-2", 7, [1, 2, 5]), (None, 3, [1, 2, 3])])
def test_pages_takes_numbers_and_ranges(text, n_pages, pages):
    assert parse_pages(text, n_pages) == pages


@pytest.mark.parametrize("text", ["0", "8", "5-3", "a", "1-", "2;3"])
def test_pages_outside_the_document_or_malformed_are_refused(text):
    with pytest.raises(UsageError):
        parse_pages(text, 7)


def test_the_default_folder_is_named_after_the_file_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["inspect", str(SAMPLES / "varmland_2023-2025.pdf"), "--pages", "1",
                                 "--dpi", str(LOW_DPI)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "varmland_2023-2025-inspect" / "page-001.png").exists()


def test_a_word_file_gets_an_index_of_its_tables_and_rows_without_images(tmp_path):
    result = runner.invoke(app, ["inspect", str(SAMPLES / "jonkoping_2021-2023.docx"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    seen = read_for_inspection(SAMPLES / "jonkoping_2021-2023.docx")
    n_rows = sum(1 for reads in seen.reads.values() for r in reads if r.activity)
    assert html.count('class="kind-badge kind-activity"') == n_rows > 0
    assert html.count('class="record') >= len(seen.plan.activities)
    assert "activity table" in html and "<img" not in html


PLAN = [("title", "Verksamhetsplan 2024 för Miljösamverkan Provlän"), ("h1", "Aktiviteter 2024")]
HEADER = ["Aktivitet", "Syfte", "Tidplan", "Ansvarig"]


def test_each_row_of_an_activity_table_is_read_as_one_kind():
    rows = [HEADER, ["Tillsyn", "", "", ""], ["Radon", "Mäta", "Våren", "Samordnaren"], ["", "", "", ""],
            HEADER, ["-", "", "", ""], ["Avlopp", "Enhetlig tillsyn", "Hösten", "Gruppen"]]
    table = Table([Row([Cell(t) for t in texts], is_header=k == 0) for k, texts in enumerate(rows)])
    reads, _ = read_rows(table, 2024, None)
    assert [r.kind for r in reads] == ["header", "category", "activity", "empty", "header", "placeholder", "activity"]
    assert [(r.activity.seq, r.activity.category) for r in reads if r.activity] == [(0, "Tillsyn"), (1, "Tillsyn")]


def test_the_index_escapes_what_the_plan_says(tmp_path):
    path = build_plan(PLAN + [("table", [HEADER, ["<script>alert(1)</script>", "Syfte & mål", "2024", "Alla"]])],
                      tmp_path / "plan.docx")
    result = runner.invoke(app, ["inspect", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_document_that_is_no_plan_is_still_shown_with_the_reason(tmp_path):
    path = build_plan([("title", "Minnesanteckningar"), ("p", "Närvarande: alla.")], tmp_path / "notes.docx")
    result = runner.invoke(app, ["inspect", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "not a plan" in result.output
    assert "not a plan" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def broken_drawing(*args, **kwargs):
    raise KeyError(131)


@pytest.mark.parametrize("args,content,code", [
    (["missing.pdf"], None, 2),
    (["plan.txt"], b"text", 2),
    (["plan.pdf", "--pages", "9"], "sample", 2),
    (["plan.pdf", "--pages", "x"], "sample", 2),
    (["plan.pdf"], b"%PDF-1.4 no end", 1),
    (["plan.docx"], b"", 1),
    (["plan.docx"], b"PK\x03\x04 not a zip", 1),
    (["plan.pdf"], "bug", 1),
], ids=["missing", "unknown-kind", "page-past-the-end", "pages-malformed", "truncated-pdf", "empty-docx",
        "damaged-docx", "internal-error"])
def test_bad_input_gives_one_line_and_an_exit_code(args, content, code, tmp_path, monkeypatch):
    path = tmp_path / args[0]
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_bytes((SAMPLES / "dalarna_2023-2025.pdf").read_bytes())
    if content == "bug":
        monkeypatch.setattr("ingest.inspection.draw.draw_marks", broken_drawing)
    result = runner.invoke(app, ["inspect", str(path), *args[1:], "--out", str(tmp_path / "out"), "--dpi", "30"])
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "Traceback" not in result.output
    if content == "bug":
        assert "bug in vplan" in lines[0]
