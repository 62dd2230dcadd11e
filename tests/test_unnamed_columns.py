"""Activity tables whose header words vplan does not know: read from their place and content.

The header words here are in no vocabulary on purpose; a table under an activities heading
whose columns hold titles, sentences, timings and names is an activity table all the same.
"""
from __future__ import annotations

import pytest

from parsers import parse_plan
from parsers.errors import NotAPlanError

from .docx_builder import build_plan

HEADER = ["Åtagande", "Varför", "Upplägg", "Klart", "Kontakt", "Tillsammans med"]
ROWS = [
    ["Fettavskiljare i restauranger", "Minska stopp i ledningsnätet och bräddning av orenat avlopp.",
     "Gemensam checklista, inspektioner hos minst tio restauranger per kommun.", "Våren 2025",
     "Länssamordnaren", "VA-huvudmännen, kommunerna"],
    ["Hästgårdar i tätortsnära lägen", "Färre klagomål på lukt och flugor från gödselhantering.",
     "Informationsträff för hästhållare och därefter tillsynsbesök.", "Hösten 2025",
     "Arbetsgruppen", "Länsstyrelsen, LRF"],
    ["Radon i förskolor", "Alla förskolor ska ha mätt radon under de senaste tio åren.",
     "Utskick till verksamheterna och uppföljning av mätresultaten.", "Januari 2025",
     "Länssamordnaren", "Kommunerna, Region Halland"],
    ["Handläggarstöd för strandskydd", "Lika bedömningar av särskilda skäl i hela länet.",
     "Ta fram en vägledning med exempel från domar och ärenden.", "Mars 2025",
     "Arbetsgruppen", "Länsstyrelsen, kommunerna"],
]
FIELDS = ["aktivitet", "aktivitetsmal", "genomforande", "tid", "ansvar", "samverkansparter"]


def plan_with(tmp_path, heading, header, rows):
    parts = [("title", "Verksamhetsplan för Miljösamverkan Provlän Hallands län 2025"), ("h1", heading),
             ("table", [{"header": True, "cells": header}] + rows)]
    with open(build_plan(parts, tmp_path / "plan.docx"), "rb") as f:
        return parse_plan(f, "docx", name="plan.docx")


def activities_in(tmp_path, heading, header, rows):
    """The activities read, none when the document gave nothing at all (not a plan)."""
    try:
        return plan_with(tmp_path, heading, header, rows).activities
    except NotAPlanError:
        return []


def test_a_table_with_unknown_header_words_under_an_activities_heading_gives_activities(tmp_path):
    plan = plan_with(tmp_path, "Aktiviteter 2025", HEADER, ROWS)
    got = [[getattr(a, f) for f in FIELDS] for a in plan.activities]
    assert got == ROWS
    assert all(a.plan_year == 2025 for a in plan.activities)
    assert any("read as aktivitet" in w for w in plan.warnings)  # every guess is told


def test_the_activity_column_is_the_one_whose_titles_differ_wherever_it_stands(tmp_path):
    order = [4, 0, 1, 2, 3, 5]  # who is responsible first, then the title
    plan = plan_with(tmp_path, "Aktiviteter 2025", [HEADER[i] for i in order], [[r[i] for i in order] for r in ROWS])
    assert [(a.aktivitet, a.ansvar, a.tid) for a in plan.activities] == [(r[0], r[4], r[3]) for r in ROWS]


@pytest.mark.parametrize("heading", ["Aktivitetsförslag till kommande år", "Budget 2025"])
def test_such_a_table_in_a_proposal_bank_or_budget_section_gives_no_activities(tmp_path, heading):
    assert activities_in(tmp_path, heading, HEADER, ROWS) == []


def test_a_table_of_names_and_addresses_gives_no_activities(tmp_path):
    header = ["Kommun", "Kontakt", "E-post", "Telefon"]
    rows = [["Halmstad", "Anna Berg", "anna.berg@halmstad.se", "035-13 70 00"],
            ["Varberg", "Per Lind", "per.lind@varberg.se", "0340-880 00"],
            ["Falkenberg", "Eva Ek", "eva.ek@falkenberg.se", "0346-88 60 00"]]
    assert activities_in(tmp_path, "Verksamhet 2025", header, rows) == []


def ruled_pdf(header: list[str], rows: list[list[str]], rules: list[tuple]) -> bytes:
    """A reportlab plan: title, heading, and the table with a bold header, ruled by `rules`."""
    import io

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"]
    buf = io.BytesIO()
    grid = Table([[Paragraph(f"<b>{t}</b>", cell) for t in header]] + [[Paragraph(t, cell) for t in row] for row in rows],
                 repeatRows=1)
    grid.setStyle(TableStyle(rules + [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(buf, pagesize=landscape(A4)).build([
        Paragraph("Verksamhetsplan för Miljösamverkan Provlän 2025", styles["Title"]),
        Paragraph("Aktiviteter 2025", styles["Heading1"]), grid])
    return buf.getvalue()


# twelve activities, so that the table runs over two pages
MANY = [[r[0] + f", etapp {k}"] + r[1:] for k in (1, 2, 3) for r in ROWS]
BLACK = (0.5, "black")
RULES = {
    "grid": [("GRID", (0, 0), (-1, -1)) + BLACK],
    "dashed grid": [("GRID", (0, 0), (-1, -1)) + BLACK + (None, (2, 2))],
    "dotted grid": [("GRID", (0, 0), (-1, -1)) + BLACK + (None, (1, 2))],
    "hairline grid": [("GRID", (0, 0), (-1, -1), 0.1, "grey")],
    "column rules only": [("LINEAFTER", (0, 0), (-2, -1)) + BLACK],
    "a box and column rules": [("BOX", (0, 0), (-1, -1)) + BLACK, ("LINEAFTER", (0, 0), (-2, -1)) + BLACK],
}


@pytest.mark.parametrize("rules", RULES, ids=list(RULES))
def test_a_pdf_table_with_unknown_header_words_gives_activities_however_it_is_ruled(rules):
    import io
    plan = parse_plan(io.BytesIO(ruled_pdf(HEADER, MANY, RULES[rules])), "pdf", name="plan.pdf")
    assert [[getattr(a, f) for f in FIELDS] for a in plan.activities] == MANY
