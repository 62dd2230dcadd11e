"""Never silent: a plan read only in part is flagged with its pages, its rows are kept, and the run says so."""
from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from typer.testing import CliRunner

from ingest.cli import app
from parsers import parse_plan
from parsers.errors import LowCoverageError, NoActivityTableError

from .docx_builder import build_plan

BUDGET = [["", "Budget 2024 (tkr)"], ["Intäkter", ""], ["Medlemsavgifter", "900"], ["Summa intäkter", "900"]]
UNKNOWN_TABLE = [["Punkt", "Beskrivning", "Kommentar"],
                 ["1", "Ett första ärende som inte är en aktivitet", "Ingen"],
                 ["2", "Ett andra ärende av samma slag", "Ingen"]]
KNOWN_TABLE = [["Aktivitet", "Syfte", "Tidplan", "Ansvarig"],
               ["Radon i skolor", "Mäta radon i alla skolor", "Våren 2024", "Samordnaren"]]


def word_plan(tmp_path, table) -> bytes:
    parts = [("title", "Verksamhetsplan 2024–2026 för Miljösamverkan Provlän"), ("h1", "Budget"),
             ("table", BUDGET), ("h1", "Aktiviteter 2024"), ("table", table)]
    return build_plan(parts, tmp_path / "plan.docx").read_bytes()


def columns_pdf() -> bytes:
    """A plan whose second page holds text in four columns under a header that names no field."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, height - 60, "Verksamhetsplan 2024–2026 för Miljösamverkan Provlän")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, height - 100, "Budget")
    c.setFont("Helvetica", 10)
    for i, (label, amount) in enumerate([("", "Budget 2024 (tkr)"), ("Medlemsavgifter", "900"),
                                         ("Bidrag", "100"), ("Summa intäkter", "1 000")]):
        c.drawString(50, height - 130 - 16 * i, label)
        c.drawString(300, height - 130 - 16 * i, amount)
    c.showPage()
    c.setFont("Helvetica", 10)
    words = ["kommunerna", "tillsyn", "samverkan", "länet", "projekt", "miljön", "arbetet", "under"]
    for row in range(30):
        for col, x in enumerate((50, 180, 310, 440)):
            c.drawString(x, height - 60 - 16 * row, f"{words[(row + col) % 8]} {words[(row * 3 + col) % 8]} {row}")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_plan_without_an_activity_table_is_read_in_part_and_keeps_its_budget(tmp_path):
    plan = parse_plan(io.BytesIO(word_plan(tmp_path, UNKNOWN_TABLE)), "docx", name="plan.docx")
    assert plan.budget_lines and not plan.activities
    [problem] = [p for p in plan.partial if isinstance(p, NoActivityTableError)]
    assert problem.reason == "no_activity_table" and "vplan inspect" in problem.message


def test_a_plan_with_its_activities_is_not_partial(tmp_path):
    plan = parse_plan(io.BytesIO(word_plan(tmp_path, KNOWN_TABLE)), "docx", name="plan.docx")
    assert len(plan.activities) == 1 and plan.partial == []


def test_a_page_of_text_in_columns_that_no_table_took_is_named(tmp_path):
    plan = parse_plan(io.BytesIO(columns_pdf()), "pdf", name="plan.pdf")
    reasons = {p.reason: p for p in plan.partial}
    assert set(reasons) == {"no_activity_table", "low_coverage"}
    assert isinstance(reasons["low_coverage"], LowCoverageError)
    assert reasons["low_coverage"].pages == [2] and "page 2" in reasons["low_coverage"].message
    assert reasons["no_activity_table"].pages == [2]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_ingest_reports_a_partial_plan_writes_its_rows_and_exits_with_1(tmp_path, fmt):
    from ingest.catalog import connect

    src = tmp_path / "in"
    src.mkdir()
    data = word_plan(tmp_path, UNKNOWN_TABLE) if fmt == "docx" else columns_pdf()
    (src / f"plan.{fmt}").write_bytes(data)
    result = CliRunner().invoke(app, ["ingest", str(src), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 1
    assert "read only in part" in result.output and "no_activity_table" in result.output
    con = connect(tmp_path / "out")
    assert con.execute("select count(*) from budget_lines").fetchone()[0] > 0
    errors = con.execute("select source_file, reason from ingest_errors order by reason").fetchall()
    assert (f"plan.{fmt}", "no_activity_table") in errors
    warnings = con.execute("select warnings from documents").fetchone()[0]
    assert any(w.startswith("read in part (no_activity_table)") for w in warnings)
