"""Swedish numbers, periods and header words."""
from __future__ import annotations

import pytest

from parsers.budget import is_total, unit_in
from parsers.headers import field_for_header, map_header
from parsers.metadata import organisation_in
from parsers.table_fields import columns_to_fields
from parsers.text import find_period, parse_amount


@pytest.mark.parametrize("text,value", [
    ("1 083", 1083.0), ("1\u00a0116\u00a0000", 1116000.0), ("1\u2009083", 1083.0), ("1\u202f083", 1083.0),
    ("\u22124\u00a0000", -4000.0), ("-4 000", -4000.0), ("\u20134 000", -4000.0), ("0", 0.0),
    ("12,5", 12.5), ("(500)", -500.0), ("60 000 kr", 60000.0), ("1 083 tkr", 1083.0), ("1.083", 1083.0),
])
def test_swedish_amounts_parse(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["", "-", "Intäkter", "ca 100", "1 083 / 2"])
def test_non_amounts_do_not_parse(text):
    assert parse_amount(text) is None


@pytest.mark.parametrize("text,period", [
    ("Verksamhetsplan för Miljösamverkan Jönköpings län 2021-2023", (2021, 2023)),
    ("Verksamhetsplan och budget 2022\u20132024", (2022, 2024)),
    ("Plan 2020 \u2014 2022", (2020, 2022)), ("Plan 2021-23", (2021, 2023)),
    ("Telefon 2021-2055", None), ("Inget år", None),
])
def test_periods_are_found_with_any_dash(text, period):
    assert find_period(text) == period


@pytest.mark.parametrize("header,field", [
    ("AKTIVITET", "aktivitet"), ("Aktivitet", "aktivitet"), ("AKTIVITETSMÅL", "aktivitetsmal"),
    ("Syfte och mål", "aktivitetsmal"), ("Mål", "aktivitetsmal"), ("Beskrivning och mål", "aktivitetsmal"),
    ("GENOMFÖRANDE (vad som ska göras)", "genomforande"), ("TID FÖR GENOMFÖRANDE", "tid"),
    ("TID FÖR GENOMFÖRA NDE", "tid"), ("Tidplan", "tid"), ("När", "tid"), ("ANSVAR", "ansvar"),
    ("Ansvarig", "ansvar"), ("SAMVERKANS- PARTER", "samverkansparter"), ("SAMVERKANS-PARTER", "samverkansparter"),
    ("Samverkan", "samverkansparter"), ("Parter", "samverkansparter"),
    ("EFFEKTMÅL (miljökvalitetsmål och Globala mål)", "effektmal"), ("Koppling till miljömål", "effektmal"),
    ("Miljömål", "effektmal"), ("Aktivitetsmal", "aktivitetsmal"), ("Samverkansparetr", "samverkansparter"),
])
def test_header_words_map_to_canonical_fields(header, field):
    assert field_for_header(header) == field


@pytest.mark.parametrize("header", ["Nr", "Budget (tkr)", "Kommentar", "", "Status"])
def test_unknown_headers_map_to_nothing(header):
    assert field_for_header(header) is None


def test_a_field_is_taken_once_and_unknown_columns_keep_their_name():
    assert map_header(["Nr", "Aktivitet", "Mål", "Syfte", ""]) == [
        "extra:Nr", "aktivitet", "aktivitetsmal", "extra:Syfte", "extra:column_5"]


@pytest.mark.parametrize("label,total", [
    ("SUMMA INTÄKTER", True), ("Summa kostnader", True), ("Totalt", True), ("Summa", True),
    ("Summa inbetalningar från kommuner, Länsstyrelsen och Region Jönköpings län", False),
    ("ÖVERSKOTT TILL KOMMANDE ÅR", False), ("Lön och ersättningar", False),
])
def test_only_total_lines_are_totals(label, total):
    assert is_total(label, "Intäkter") == total


@pytest.mark.parametrize("text,unit", [("Budget 2021 (tkr)", "tkr"), ("Budget 2023 (kr)", "kr"),
                                       ("Belopp i tusentals kronor", "tkr"), ("Utfall 2021", None)])
def test_budget_units(text, unit):
    assert unit_in(text) == unit


@pytest.mark.parametrize("header,field", [
    ("Planerat genomförande", "genomforande"), ("Mål med aktiviteten", "aktivitetsmal"),
    ("Vem ansvarar", "ansvar"), ("Tidsperiod", "tid"), ("Projektansvarig", "ansvar"),
    ("Aktivitetens namn", "aktivitet"),
])
def test_headers_holding_a_fields_word_map_to_that_field(header, field):
    assert field_for_header(header) == field


@pytest.mark.parametrize("header", ["Målgrupp", "Så här gör vi", "Vad vill vi uppnå", "Kommentar"])
def test_headers_holding_no_fields_word_map_to_nothing(header):
    assert field_for_header(header) is None


SENTENCES = ["Ta fram en gemensam checklista och besök verksamheterna.",
             "Ordna en träff för alla handläggare i länet under våren."]


def test_a_column_between_goal_and_timing_with_sentences_is_genomforande_with_a_warning():
    header = ["Aktivitet", "Syfte", "Så här gör vi", "När", "Ansvarig"]
    rows = [["Radon", "Säkerställa mätningar i alla skolor", SENTENCES[0], "Våren 2024", "Samordnaren"],
            ["Avlopp", "Enhetlig tillsyn av små avlopp", SENTENCES[1], "Hösten 2024", "Länsstyrelsen"]]
    fields, warnings = columns_to_fields(header, rows)
    assert fields == ["aktivitet", "aktivitetsmal", "genomforande", "tid", "ansvar"]
    assert warnings == ["column 'Så här gör vi' read as genomforande: its place in the table and its cells fit that field"]


def test_a_column_named_nothing_takes_tid_from_its_timings_wherever_it_stands():
    header = ["Aktivitet", "Kvartal", "Syfte"]
    rows = [["Radon", "Q1 2024", SENTENCES[0]], ["Avlopp", "Hösten 2024", SENTENCES[1]]]
    fields, warnings = columns_to_fields(header, rows)
    assert fields == ["aktivitet", "tid", "aktivitetsmal"]
    assert "'Kvartal' read as tid" in warnings[0]


def test_a_column_before_the_activity_or_with_the_wrong_look_stays_extra():
    header = ["Nr", "Aktivitet", "Syfte", "Övrigt", "Ansvarig"]
    rows = [["1.1", "Radon", SENTENCES[0], "x", "Samordnaren"], ["1.2", "Avlopp", SENTENCES[1], "y", "Länet"]]
    fields, warnings = columns_to_fields(header, rows)
    assert fields == ["extra:Nr", "aktivitet", "aktivitetsmal", "extra:Övrigt", "ansvar"]
    assert warnings == []


def test_a_header_found_by_its_word_is_a_warning_and_exact_names_are_not():
    fields, warnings = columns_to_fields(["Aktivitet", "Planerat genomförande", "Tidplan"], [])
    assert fields == ["aktivitet", "genomforande", "tid"]
    assert warnings == ["column 'Planerat genomförande' read as genomforande: its header holds that field's word"]


@pytest.mark.parametrize("title,first_page,organisation", [
    ("Mitt miljösamverkan – Verksamhetsplan 2024–2026", [], "Mitt miljösamverkan"),
    ("Verksamhetsplan 2023-2025, Miljösamverkan Sydost", [], "Miljösamverkan Sydost"),
    ("Samverkan miljö och hälsa i Kalmar län: verksamhetsplan 2024", [], "Samverkan miljö och hälsa i Kalmar län"),
    ("Miljöförbundet Blekinge Väst – Aktivitetsplan 2025", [], "Miljöförbundet Blekinge Väst"),
    ("Verksamhetsplan för Mitt miljösamverkan 2024-2026", [], "Mitt miljösamverkan"),
    ("Verksamhetsplan 2024-2026", ["Samverkan och kommunikation", "Mitt miljösamverkan"], "Mitt miljösamverkan"),
    ("Verksamhetsplan 2024", ["Inledning", "Samverkan och kommunikation"], None),
])
def test_organisation_names_in_other_forms_come_from_the_title_or_first_page(title, first_page, organisation):
    assert organisation_in(title, first_page, first_page) == organisation


def table_of(*rows: list[str]):
    from parsers.model import Cell, Row, Table
    return Table([Row([Cell(t) for t in row]) for row in rows])


@pytest.mark.parametrize("rows,context,budget", [
    ((["", "2022", "2023"], ["Bensin", "206", "510"], ["Diesel", "1", "3"]), "Försäljning per år", False),
    ((["", "2022", "2023"], ["Bensin", "206", "510"], ["Diesel", "1", "3"]), "Ekonomi", True),
    ((["", "2022", "2023"], ["Medlemsavgifter", "900", "950"], ["Summa intäkter", "900", "950"]), "", True),
    ((["Post", "Budget 2023 (tkr)"], ["Lön", "896"], ["Resor", "15"]), "", True),
])
def test_year_columns_make_a_budget_only_with_a_budgets_words(rows, context, budget):
    from parsers.budget import is_budget_table
    assert is_budget_table(table_of(*rows), context) is budget


@pytest.mark.parametrize("text,bare", [("2.1 Tillsyn", "Tillsyn"), ("3. Utbildning", "Utbildning"),
                                       ("B. Nätverk", "Nätverk"), ("Tillsyn", "Tillsyn"),
                                       ("2025 Aktiviteter", "2025 Aktiviteter"), ("3,5 procent", "3,5 procent")])
def test_a_headings_section_number_is_not_part_of_its_category(text, bare):
    from parsers.text import without_numbering
    assert without_numbering(text) == bare


def test_a_numbered_sub_heading_names_its_category_without_the_number(tmp_path):
    from parsers import parse_plan

    from .docx_builder import build_plan
    header = ["Aktivitet", "Syfte", "Tidplan", "Ansvarig"]
    parts = [("title", "Verksamhetsplan för Miljösamverkan Provlän 2025"), ("h1", "2 Aktiviteter 2025"),
             ("h2", "2.1 Tillsyn"), ("table", [header, ["Radon i skolor", "Mäta radon", "Våren 2025", "Samordnaren"]])]
    with open(build_plan(parts, tmp_path / "p.docx"), "rb") as f:
        plan = parse_plan(f, "docx", name="p.docx")
    assert [(a.category, a.plan_year) for a in plan.activities] == [("Tillsyn", 2025)]


def test_the_swedish_word_list_is_wordfreqs_best_list():
    """words.frequencies reads wordfreq's shipped list itself (importing wordfreq is slow); it
    must be exactly what wordfreq gives."""
    from wordfreq import get_frequency_dict

    from parsers.pdf.words import frequencies

    assert frequencies() == get_frequency_dict("sv", wordlist="best")
