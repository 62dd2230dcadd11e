"""Word reading and interpretation on small plans written with python-docx."""
from __future__ import annotations

import pytest

from parsers import parse_plan, read_document
from parsers.model import Table

from .docx_builder import build_plan, nest_table, wrap_in_content_control

HEADER = ["AKTIVITET", "AKTIVITETSMÅL", "GENOMFÖRANDE", "TID FÖR GENOMFÖRANDE", "ANSVAR",
          "SAMVERKANS-\nPARTER", "EFFEKTMÅL"]


def plan_parts(table_rows, heading="Aktiviteter 2024"):
    return [("title", "Verksamhetsplan för Miljösamverkan Testlän Hallands län 2024-2026"),
            ("h1", heading), ("table", table_rows)]


def activity(title, tid="2024"):
    return [title, "Mål", "Gör", tid, "Samordnaren", "Kommunerna", "Giftfri miljö"]


def parse_file(path):
    with open(path, "rb") as f:
        return parse_plan(f, "docx", name=str(path))


def test_category_rows_with_only_the_first_cell_set_the_category(tmp_path):
    rows = [{"header": True, "cells": HEADER}, ["Tillsynsprojekt"] + [""] * 6, activity("Radon"),
            ["Handläggarstöd"] + [""] * 6, activity("Dagvatten")]
    plan = parse_file(build_plan(plan_parts(rows), tmp_path / "p.docx"))
    assert [(a.category, a.aktivitet) for a in plan.activities] == [
        ("Tillsynsprojekt", "Radon"), ("Handläggarstöd", "Dagvatten")]


def test_full_width_merged_category_row_sets_the_category(tmp_path):
    rows = [HEADER, [{"text": "Utbildning", "span": 7, "bold": True}], activity("Klagomål")]
    plan = parse_file(build_plan(plan_parts(rows), tmp_path / "p.docx"))
    assert [(a.category, a.aktivitet) for a in plan.activities] == [("Utbildning", "Klagomål")]


def test_placeholder_row_is_not_an_activity(tmp_path):
    rows = [HEADER, ["Utbildning"] + [""] * 6, ["Ej fastställt"] + [""] * 6,
            ["Kommunikation"] + [""] * 6, activity("Nyhetsbrev")]
    plan = parse_file(build_plan(plan_parts(rows), tmp_path / "p.docx"))
    assert [(a.category, a.aktivitet) for a in plan.activities] == [("Kommunikation", "Nyhetsbrev")]


def test_two_line_header_cell_maps_to_its_field(tmp_path):
    plan = parse_file(build_plan(plan_parts([HEADER, activity("Radon")]), tmp_path / "p.docx"))
    assert plan.activities[0].samverkansparter == "Kommunerna"


def test_vertically_merged_cell_value_belongs_to_every_spanned_row(tmp_path):
    header = ["Nr", "Aktivitet", "Beskrivning och mål", "Tidplan", "Ansvarig"]
    rows = [header,
            ["1.1", "Radon", "Mål", "2024", {"text": "Länssamordnaren", "vmerge": "restart"}],
            ["1.2", "Buller", "Mål", "2024", {"text": "", "vmerge": "continue"}],
            ["1.3", "Avlopp", "Mål", "2024", "Länsstyrelsen"]]
    plan = parse_file(build_plan(plan_parts(rows), tmp_path / "p.docx"))
    assert [a.ansvar for a in plan.activities] == ["Länssamordnaren", "Länssamordnaren", "Länsstyrelsen"]
    assert plan.activities[0].extra == {"Nr": "1.1"}
    assert plan.activities[0].genomforande is None  # the plan has no such column


def test_unknown_columns_go_to_extra_and_known_ones_in_any_order(tmp_path):
    header = ["Ansvarig", "Budget (tkr)", "Aktivitet", "När", "Syfte och mål"]
    rows = [header, ["Samordnaren", "20", "Radon", "Våren 2024", "Mät radon"]]
    a = parse_file(build_plan(plan_parts(rows), tmp_path / "p.docx")).activities[0]
    assert (a.aktivitet, a.tid, a.ansvar, a.aktivitetsmal) == ("Radon", "Våren 2024", "Samordnaren", "Mät radon")
    assert a.extra == {"Budget (tkr)": "20"}


def test_content_controls_do_not_drop_or_shift_cells(tmp_path):
    path = build_plan(plan_parts([HEADER, activity("Radon")]), tmp_path / "p.docx")
    import docx
    d = docx.Document(path)
    row = d.tables[0].rows[1]
    wrap_in_content_control(row.cells[2]._tc)
    wrap_in_content_control(d.paragraphs[1]._p)
    d.save(path)
    a = parse_file(path).activities[0]
    assert (a.aktivitet, a.genomforande, a.tid, a.effektmal) == ("Radon", "Gör", "2024", "Giftfri miljö")
    assert a.plan_year == 2024


def test_nested_table_text_stays_in_its_cell(tmp_path):
    path = build_plan(plan_parts([HEADER, activity("Radon")]), tmp_path / "p.docx")
    import docx
    d = docx.Document(path)
    nest_table(d.tables[0].rows[1].cells[2], [["Steg 1", "Steg 2"]])
    d.save(path)
    document = read_document(open(path, "rb"), "docx")
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert parse_file(path).activities[0].genomforande == "Gör Steg 1 Steg 2"


def test_repeated_header_rows_are_marked(tmp_path):
    path = build_plan(plan_parts([{"header": True, "cells": HEADER}, activity("Radon")]), tmp_path / "p.docx")
    table = next(b for b in read_document(open(path, "rb"), "docx").blocks if isinstance(b, Table))
    assert [r.is_header for r in table.rows] == [True, False]


def test_plan_year_comes_from_the_heading_of_each_table_block(tmp_path):
    parts = plan_parts([HEADER, activity("Radon")], "Verksamhet 2024") + [
        ("h1", "Planerade aktiviteter 2025"), ("table", [HEADER, activity("Buller")])]
    plan = parse_file(build_plan(parts, tmp_path / "p.docx"))
    assert [(a.plan_year, a.aktivitet) for a in plan.activities] == [(2024, "Radon"), (2025, "Buller")]


def test_category_headings_above_tables(tmp_path):
    parts = [("title", "Verksamhetsplan 2024–2026 för Miljösamverkan Halland"), ("h1", "Verksamhet 2024"),
             ("h2", "Tillsynsprojekt"), ("table", [HEADER, activity("Radon")]),
             ("h2", "Kommunikation"), ("table", [HEADER, activity("Nyhetsbrev")])]
    plan = parse_file(build_plan(parts, tmp_path / "p.docx"))
    assert [(a.category, a.aktivitet) for a in plan.activities] == [
        ("Tillsynsprojekt", "Radon"), ("Kommunikation", "Nyhetsbrev")]
    assert (plan.meta.organisation, plan.meta.region) == ("Miljösamverkan Halland", "Hallands län")
    assert (plan.meta.period_start, plan.meta.period_end) == (2024, 2026)


def test_budget_in_kr_with_years_kinds_sections_and_totals(tmp_path):
    budget = [["Post", "Utfall 2023 (kr)", "Budget 2024 (kr)"], ["Intäkter", "", ""],
              ["Summa inbetalningar från kommuner", "1\u00a0000\u00a0000", "1 100 000"],
              ["SUMMA INTÄKTER", "1 000 000", "1 100 000"], ["Kostnader", "", ""],
              ["Lön", "900 000", "\u22121 000"], ["Totalt", "900 000", "5 000"]]
    parts = plan_parts([HEADER, activity("Radon")]) + [("h1", "Budget"), ("table", budget)]
    plan = parse_file(build_plan(parts, tmp_path / "p.docx"))
    got = [(b.budget_year, b.kind, b.section, b.label, b.amount_tkr, b.is_total) for b in plan.budget_lines]
    assert got == [
        (2023, "utfall", "Intäkter", "Summa inbetalningar från kommuner", 1000.0, False),
        (2024, "budget", "Intäkter", "Summa inbetalningar från kommuner", 1100.0, False),
        (2023, "utfall", "Intäkter", "SUMMA INTÄKTER", 1000.0, True),
        (2024, "budget", "Intäkter", "SUMMA INTÄKTER", 1100.0, True),
        (2023, "utfall", "Kostnader", "Lön", 900.0, False),
        (2024, "budget", "Kostnader", "Lön", -1.0, False),
        (2023, "utfall", "Kostnader", "Totalt", 900.0, True),
        (2024, "budget", "Kostnader", "Totalt", 5.0, True),
    ]
    assert any("Totalt" in w and "2024" in w for w in plan.warnings)  # 5 tkr != -1 tkr


@pytest.mark.parametrize("style", ["bold", "italic"])
def test_proposal_bank_from_emphasised_category_lines(tmp_path, style):
    parts = plan_parts([HEADER, activity("Radon")]) + [
        ("h1", "Aktivitetsförslag till kommande verksamhetsplaner"),
        ("p", "Förslag från kommunerna som ligger kvar i banken."),
        (style, "Tillsyn miljöskydd"), ("p", "Vindkraft"), ("p", "Täkter"),
        (style, "Hälsoskydd"), ("bullet", "Solarier")]
    plan = parse_file(build_plan(parts, tmp_path / "p.docx"))
    assert [(p.category, p.text) for p in plan.proposals] == [
        ("Tillsyn miljöskydd", "Vindkraft"), ("Tillsyn miljöskydd", "Täkter"), ("Hälsoskydd", "Solarier")]


def test_proposal_bank_as_two_column_table(tmp_path):
    parts = plan_parts([HEADER, activity("Radon")]) + [
        ("h1", "Förslagsbank"), ("table", [["Område", "Förslag"], ["Tillsyn", "Vindkraft"], ["", "Täkter"]])]
    plan = parse_file(build_plan(parts, tmp_path / "p.docx"))
    assert [(p.category, p.text) for p in plan.proposals] == [("Tillsyn", "Vindkraft"), ("Tillsyn", "Täkter")]


def test_national_activities_with_agency_codes(tmp_path):
    parts = plan_parts([HEADER, activity("Radon")]) + [
        ("h1", "Nationella aktiviteter 2024"), ("bold", "Tillsyn"), ("p", "Cisterner (NV)"),
        ("p", "Fiske (HaV)"), ("bold", "Utbildning"), ("p", "Grundkurs utan myndighet")]
    plan = parse_file(build_plan(parts, tmp_path / "p.docx"))
    assert [(n.year, n.category, n.text, n.agency) for n in plan.national_activities] == [
        (2024, "Tillsyn", "Cisterner", "NV"), (2024, "Tillsyn", "Fiske", "HaV"),
        (2024, "Utbildning", "Grundkurs utan myndighet", None)]


def test_a_document_without_plan_content_is_refused(tmp_path):
    from parsers.errors import NotAPlanError
    path = build_plan([("title", "Protokoll från styrgruppsmöte"), ("p", "Närvarande: alla.")], tmp_path / "m.docx")
    with pytest.raises(NotAPlanError, match="m.docx"):
        parse_file(path)


def test_other_header_words_and_columns_named_by_their_content(tmp_path):
    header = ["Insats", "Syfte", "När", "Vem", "Mål"]
    rows = [header, ["Radon", "Mät radon", "Våren 2024", "Samordnaren", "Säker strålmiljö"],
            ["Buller", "Minska buller", "Hösten 2024", "Länsstyrelsen", "God bebyggd miljö, Flertalet"]]
    a = parse_file(build_plan(plan_parts(rows), tmp_path / "p.docx")).activities[0]
    assert (a.aktivitet, a.aktivitetsmal, a.tid, a.ansvar, a.effektmal) == (
        "Radon", "Mät radon", "Våren 2024", "Samordnaren", "Säker strålmiljö")
    assert a.extra == {}


def test_an_unnamed_column_of_timings_is_the_timing(tmp_path):
    rows = [["Aktivitet", "Beskrivning", "Kolumn 3"], ["Radon", "Mät", "Q2 2024"], ["Buller", "Mät", "Löpande"]]
    plan = parse_file(build_plan(plan_parts(rows), tmp_path / "p.docx"))
    assert [a.tid for a in plan.activities] == ["Q2 2024", "Löpande"]


def test_the_header_repeated_with_forts_is_no_activity(tmp_path):
    again = [HEADER[0] + " (forts.)"] + HEADER[1:]
    rows = [HEADER, activity("Radon"), again, activity("Buller")]
    plan = parse_file(build_plan(plan_parts(rows), tmp_path / "p.docx"))
    assert [a.aktivitet for a in plan.activities] == ["Radon", "Buller"]


def test_a_first_column_merged_down_its_rows_names_their_category(tmp_path):
    header = ["Område", "Aktivitet", "Syfte", "Tidplan", "Ansvarig"]
    rows = [header,
            [{"text": "Tillsyn", "vmerge": "restart"}, "Radon", "Mäta radon", "2024", "Samordnaren"],
            [{"text": "", "vmerge": "continue"}, "Buller", "Mäta buller", "2024", "Länsstyrelsen"],
            ["Utbildning", "Klarspråk", "Skriva tydligt", "2024", "Samordnaren"]]
    plan = parse_file(build_plan(plan_parts(rows), tmp_path / "p.docx"))
    assert [(a.category, a.aktivitet, a.extra) for a in plan.activities] == [
        ("Tillsyn", "Radon", {}), ("Tillsyn", "Buller", {}), ("Utbildning", "Klarspråk", {})]


def test_national_activities_in_a_table_take_their_agency_from_its_agency_column(tmp_path):
    parts = [("title", "Verksamhetsplan för Miljösamverkan Testlän Hallands län 2024-2026"),
             ("h1", "Nationella aktiviteter 2024"),
             ("table", [["Område", "Aktivitet", "Myndighet"], ["Tillsyn", "PFAS i brandskum", "KEMI"],
                        ["Tillsyn", "Hästgårdar", "JV"], ["Utbildning", "Strandskydd", "NV"]])]
    plan = parse_file(build_plan(parts, tmp_path / "p.docx"))
    assert [(n.category, n.text, n.agency) for n in plan.national_activities] == [
        ("Tillsyn", "PFAS i brandskum", "KEMI"), ("Tillsyn", "Hästgårdar", "JV"), ("Utbildning", "Strandskydd", "NV")]
