"""Plans written as project descriptions: a heading per project, labelled paragraphs under it.

The fixtures in tests/fixtures/narrative (written by its build.py, Word with the
PDF LibreOffice made from it, or HTML printed by Chromium) are scored like the
corpus; small documents in the neutral model pin down each rule.
"""
from __future__ import annotations

import json

import pytest

from parsers import parse_plan
from parsers.interpret import document_to_plan
from parsers.model import Cell, Document, Paragraph, Row, Table

from .conftest import ROOT
from .scoring import score_plan, summary

NARRATIVE = ROOT / "tests" / "fixtures" / "narrative"
FIXTURES = sorted(p for p in NARRATIVE.iterdir() if p.suffix in (".docx", ".pdf"))


def expected_of(path) -> dict:
    return json.loads((path.parent / f"{path.stem}.expected.json").read_text(encoding="utf-8"))


def parse_file(path):
    with open(path, "rb") as f:
        return parse_plan(f, path.suffix[1:], name=path.name)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_narrative_fixture_scores_full_recall_precision_and_cells(path):
    got = summary(score_plan(parse_file(path), expected_of(path), path.suffix[1:]))
    assert (got["act_recall"], got["act_precision"], got["meta_acc"]) == (1.0, 1.0, 1.0)
    assert got["cell_acc"] >= 0.998
    assert got["budget_recall"] in (None, 1.0) and got["budget_precision"] in (None, 1.0)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_labels_that_name_no_field_go_to_extra(path):
    got = [a.extra for a in parse_file(path).activities]
    assert got == [a["extra"] for a in expected_of(path)["activities"]]


# --- the rules, on small documents in the neutral model ---------------------------------------

def h(level: int, text: str) -> Paragraph:
    return Paragraph(text, heading_level=level, bold=True)


def p(text: str, **kw) -> Paragraph:
    return Paragraph(text, **kw)


def plan_of(*blocks):
    doc = Document([Paragraph("Verksamhetsplan för Miljösamverkan Testlän 2024-2025", heading_level=0),
                    *blocks], file_format="docx")
    return document_to_plan(doc)


PROJECT = [p("Syfte: Färre radonhus."), p("Tidplan: Hösten 2024")]
OTHER = [h(1, "Övrigt 2025"), h(2, "Buller"), p("Syfte: Tystare."), p("Tidplan: 2025")]  # a plan has several projects


def first_of(*blocks):
    """The first activity of a plan made of `blocks` and one more project after them."""
    activities = plan_of(*blocks, *OTHER).activities
    assert activities[-1].aktivitet == "Buller"
    return activities[0]


def titles(*blocks) -> list[str]:
    return [a.aktivitet for a in plan_of(*blocks, *OTHER).activities][:-1]


def test_a_heading_with_labelled_paragraphs_is_an_activity_with_year_and_category():
    a = first_of(h(1, "Verksamhet 2024"), h(2, "Tillsynsprojekt"), h(3, "Radon"), *PROJECT)
    assert (a.plan_year, a.category, a.aktivitet, a.aktivitetsmal, a.tid) == (
        2024, "Tillsynsprojekt", "Radon", "Färre radonhus.", "Hösten 2024")
    assert a.genomforande is None and a.extra == {}


def test_labels_map_through_the_table_header_vocabulary():
    a = first_of(h(1, "Verksamhet 2024"), h(2, "Radon"),
                 p("Projektledare: Samordnaren"), p("Medverkande: Kommunerna"),
                 p("Tidsram: Våren"), p("Koppling till miljömålen: Säker strålmiljö"), p("Arbetssätt: Besök"))
    assert (a.ansvar, a.samverkansparter, a.tid, a.effektmal, a.genomforande) == (
        "Samordnaren", "Kommunerna", "Våren", "Säker strålmiljö", "Besök")
    assert a.category is None


def test_headings_without_labels_overview_lists_and_schedule_tables_are_not_activities():
    schedule = Table([Row([Cell(t) for t in ["Projekt", "Jan", "Feb", "Mar"]]),
                      Row([Cell(t) for t in ["Radon", "X", "", ""]])])
    assert titles(h(1, "Inledning"), p("Samverkan mellan kommunerna och länsstyrelsen."),
                  h(1, "Projektöversikt"), p("Projekt 2024", bold=True), p("Radon", is_list=True),
                  h(2, "Projekten över året"), schedule,
                  h(1, "Verksamhet 2024"), h(2, "Radon"), *PROJECT, h(2, "Uppföljning"), p("Inget planerat.")) == ["Radon"]


def test_one_labelled_field_alone_is_not_a_project_but_is_beside_full_projects():
    assert titles(h(1, "Om samverkan"), p("Syfte: Stödja kommunernas tillsyn."),
                  h(1, "Verksamhet 2024"), h(2, "Radon"), *PROJECT, h(2, "Avlopp"), p("Syfte: Färre utsläpp.")) == [
        "Radon", "Avlopp"]


def test_one_labelled_heading_alone_is_an_introduction_not_a_project():
    table = Table([Row([Cell("Aktivitet"), Cell("Tid")]), Row([Cell("Styrgrupp"), Cell("Löpande")])])
    plan = plan_of(h(1, "Om samverkan"), p("Syfte: Stödja tillsynen."), p("Ansvar: Styrgruppen leder arbetet."),
                   h(1, "Aktiviteter 2024"), table)
    assert [a.aktivitet for a in plan.activities] == ["Styrgrupp"]


def test_labelled_bold_captions_above_an_activity_table_are_not_projects():
    table = Table([Row([Cell("Aktivitet"), Cell("Tid")]), Row([Cell("Styrgrupp"), Cell("Löpande")])])
    plan = plan_of(h(1, "Aktiviteter 2024"), p("Styrning", bold=True), p("Ansvarig: Samordnaren"),
                   p("Tidplan: 2024"), p("Tillsyn", bold=True), p("Ansvarig: Kommunerna"), p("Tidplan: 2024"), table)
    assert [(a.category, a.aktivitet) for a in plan.activities] == [("Tillsyn", "Styrgrupp")]


def test_numbered_headings_lose_their_numbers_and_a_heading_naming_a_year_gives_the_year():
    a = first_of(h(1, "3 Planerat arbete under 2025"), h(2, "3.1 Tillsyn"), h(3, "3.1.2 Radon i flerbostadshus"),
                 *PROJECT)
    assert (a.plan_year, a.category, a.aktivitet) == (2025, "Tillsyn", "Radon i flerbostadshus")


def test_a_category_heading_may_name_the_year_too_and_a_period_heading_names_no_year():
    a = first_of(h(1, "Verksamhet 2024"), h(2, "Tillsyn 2024"), h(3, "Radon"), *PROJECT)
    assert (a.plan_year, a.category) == (2024, "Tillsyn 2024")
    a = first_of(h(1, "Verksamhetsplan 2024-2025"), h(2, "Tillsyn"), h(3, "Radon"), *PROJECT)
    assert (a.plan_year, a.category) == (2024, "Tillsyn")  # the plan period's first year


def test_without_a_year_heading_the_plan_period_gives_the_year():
    a = first_of(h(1, "Projekt"), h(2, "Radon"), *PROJECT)
    assert (a.plan_year, a.category) == (2024, "Projekt")


def test_a_label_on_its_own_line_takes_the_paragraphs_up_to_the_next_label():
    a = first_of(h(1, "Verksamhet 2024"), h(2, "Radon"), p("Syfte", bold=True), p("Färre radonhus."),
                 p("Fler mätningar."), p("Bakgrund:"), p("Höga halter."), p("Tidplan", bold=True), p("2024"))
    assert (a.aktivitetsmal, a.tid, a.extra) == ("Färre radonhus. Fler mätningar.", "2024", {"Bakgrund": "Höga halter."})


def test_small_headings_that_are_labels_belong_to_the_project_above():
    a = first_of(h(1, "Verksamhet 2024"), h(2, "Radon"), h(3, "Mål"), p("Färre radonhus."),
                 h(3, "Bakgrund"), p("Höga halter."), h(3, "Tidplan"), p("2024"))
    assert (a.aktivitet, a.aktivitetsmal, a.tid, a.extra) == ("Radon", "Färre radonhus.", "2024",
                                                              {"Bakgrund": "Höga halter."})


def test_bold_lines_open_projects_and_categories_where_no_heading_styles_are_used():
    plan = plan_of(h(1, "Verksamhet 2024"), p("Tillsyn", bold=True), p("Radon", bold=True),
                   p("Syfte", bold=True), p("Färre radonhus."), p("Tidplan", bold=True), p("2024"),
                   p("Buller", bold=True), p("Syfte", bold=True), p("Tystare."), p("Tidplan", bold=True), p("2025"))
    assert [(a.category, a.aktivitet, a.tid) for a in plan.activities] == [
        ("Tillsyn", "Radon", "2024"), ("Tillsyn", "Buller", "2025")]


def test_inline_bold_label_without_a_colon_and_unknown_plain_labels_follow_the_plans_form():
    bold = [p("Syfte: Tystare.", bold_lead="Syfte:"), p("Tidplan: 2025", bold_lead="Tidplan:")]
    a = plan_of(h(1, "Verksamhet 2024"), h(2, "Radon"), p("Syfte Färre radonhus.", bold_lead="Syfte"),
                p("Tidplan: 2024", bold_lead="Tidplan:"), p("Observera: gäller flerbostadshus."),
                h(2, "Buller"), *bold).activities[0]
    assert (a.aktivitetsmal, a.tid, a.extra) == ("Färre radonhus.", "2024 Observera: gäller flerbostadshus.", {})
    a = first_of(h(1, "Verksamhet 2024"), h(2, "Radon"), *PROJECT, p("Målgrupp: Fastighetsägare"))
    assert a.extra == {"Målgrupp": "Fastighetsägare"}


def test_a_bold_title_with_a_colon_opens_a_project_in_a_plan_with_plain_labels():
    plan = plan_of(h(1, "Verksamhet 2024"), p("Tillsyn: radon", bold=True), *PROJECT,
                   p("Tillsyn: buller", bold=True), *PROJECT)
    assert [a.aktivitet for a in plan.activities] == ["Tillsyn: radon", "Tillsyn: buller"]


def test_text_before_the_first_label_and_a_second_label_for_a_field_go_to_extra():
    a = first_of(h(1, "Verksamhet 2024"), h(2, "Radon"), p("Ett projekt om radon."), *PROJECT,
                 p("Mål: Alla kommuner deltar."))
    assert a.extra == {"text": "Ett projekt om radon.", "Mål": "Alla kommuner deltar."}


def test_projects_under_the_proposal_bank_are_proposals_not_activities():
    plan = plan_of(h(1, "Verksamhet 2024"), h(2, "Radon"), *PROJECT, h(2, "Avlopp"), *PROJECT,
                   h(1, "Förslag till kommande år"), h(2, "Vindkraft"), p("Syfte: Samsyn."), p("Tidplan: 2026"))
    assert [a.aktivitet for a in plan.activities] == ["Radon", "Avlopp"]
    assert "Vindkraft" in [x.category for x in plan.proposals]


def test_table_activities_and_project_descriptions_come_out_in_document_order():
    header = Row([Cell("Aktivitet"), Cell("Tid")])
    table = Table([header, Row([Cell("Styrgrupp"), Cell("Löpande")])])
    plan = plan_of(h(1, "Verksamhet 2024"), h(2, "Radon"), *PROJECT, h(2, "Möten"), table,
                   h(2, "Buller"), *PROJECT)
    assert [(a.seq, a.aktivitet) for a in plan.activities] == [(0, "Radon"), (1, "Styrgrupp"), (2, "Buller")]


def test_a_heading_over_an_activity_table_is_not_a_project():
    table = Table([Row([Cell("Aktivitet"), Cell("Tid")]), Row([Cell("Styrgrupp"), Cell("Löpande")])])
    plan = plan_of(h(1, "Verksamhet 2024"), h(2, "Möten"), p("Syfte: Styra."), p("Ansvar: Samordnaren"), table,
                   *OTHER)
    assert [a.aktivitet for a in plan.activities] == ["Styrgrupp"]


def test_a_two_column_table_of_labels_under_a_heading_describes_the_project():
    def labels(*pairs):
        return Table([Row([Cell(k), Cell(v)]) for k, v in pairs])
    plan = plan_of(h(1, "Verksamhet 2024"), h(2, "Radon"), labels(("Syfte", "Färre radonhus."), ("Tidplan", "2024"),
                                                                 ("Bakgrund:", "Höga halter.")),
                   h(2, "Buller"), labels(("Syfte", "Tystare."), ("Tidplan", "")),
                   h(1, "Budget"), labels(("Intäkter", "100"), ("Kostnader", "100")))
    assert [(a.aktivitet, a.aktivitetsmal, a.tid, a.extra) for a in plan.activities] == [
        ("Radon", "Färre radonhus.", "2024", {"Bakgrund": "Höga halter."}), ("Buller", "Tystare.", "", {})]
