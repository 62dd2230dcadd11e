"""Pages in odd shapes: turned pages, irregular grids, and failures inside vplan's own code."""
from __future__ import annotations

import io
import json

import pytest

from parsers import DEFAULT_PDF_ENGINE, PDF_ENGINES, parse_plan
from parsers.errors import InternalError
from parsers.model import Table
from parsers.pdf.reader import read_pdf

from .pdf_drawing import TABLE, irregular_grid_pdf, sideways_plan_pdf, turned_plan_pdf


def activity_rows(data: bytes, engine: str = DEFAULT_PDF_ENGINE) -> list[list[str]]:
    plan = parse_plan(io.BytesIO(data), "pdf", name="turned.pdf", pdf_engine=engine)
    return [[a.aktivitet, a.aktivitetsmal, a.tid, a.ansvar] for a in plan.activities]


@pytest.mark.parametrize("engine", PDF_ENGINES)
@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_a_page_stored_turned_is_read_in_reading_orientation(rotate, engine):
    assert activity_rows(turned_plan_pdf(rotate), engine) == TABLE[1:]


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_a_page_drawn_upright_but_marked_rotated_is_read_upright(engine):
    assert activity_rows(sideways_plan_pdf(), engine) == TABLE[1:]


def test_an_l_shaped_merged_cell_gives_a_table_not_an_error():
    doc = read_pdf(io.BytesIO(irregular_grid_pdf()), "grid.pdf")
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [r.texts() for r in table.rows] == [["A1", "merged", ""], ["", "", "C2"], ["A3", "B3", "C3"]]


def test_a_failure_inside_vplan_is_an_internal_error_not_a_damaged_file(monkeypatch):
    def broken(layouts):
        raise KeyError(131)

    monkeypatch.setattr("parsers.pdf.reader.layouts_to_blocks", broken)
    with pytest.raises(InternalError) as err:
        read_pdf(io.BytesIO(turned_plan_pdf(0)), "plan.pdf")
    assert err.value.reason == "internal_error"
    assert "bug in vplan" in err.value.message and "report" in err.value.message
    assert "KeyError" in err.value.detail


def test_an_internal_error_is_reported_with_its_traceback_and_the_batch_goes_on(tmp_path, monkeypatch):
    from ingest.pipeline import ingest

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.pdf").write_bytes(turned_plan_pdf(0))
    (tmp_path / "in" / "b.pdf").write_bytes(turned_plan_pdf(90))
    real = __import__("parsers.pdf.reader", fromlist=["x"]).layouts_to_blocks
    calls = []

    def fails_once(layouts):
        calls.append(1)
        if len(calls) == 1:
            raise KeyError(131)
        return real(layouts)

    monkeypatch.setattr("parsers.pdf.reader.layouts_to_blocks", fails_once)
    report = ingest([tmp_path / "in"], tmp_path / "out", workers=1)
    [failed] = report.with_status("failed")
    assert failed.reason == "internal_error" and "report" in failed.message
    assert len(report.with_status("ingested")) == 1
    [run] = (tmp_path / "out" / "_runs").glob("ingest-*.json")
    files = json.loads(run.read_text(encoding="utf-8"))["files"]
    assert any("KeyError" in f.get("traceback", "") for f in files)


def test_a_glyph_drawn_over_the_space_before_it_still_follows_the_space():
    from parsers.pdf.lines import chars_to_lines

    def char(text, x0, x1):
        return {"text": text, "x0": x0, "x1": x1, "top": 100.0, "bottom": 110.0, "size": 10.0,
                "fontname": "Helvetica", "upright": True, "non_stroking_color": None}
    squeezed = [char("e", 141.9, 147.7), char("v", 147.7, 153.0), char(" ", 153.0, 155.9),
                char("t", 152.9, 155.8), char("i", 155.8, 158.2)]
    [line] = chars_to_lines(squeezed)
    assert line.text == "ev ti"
