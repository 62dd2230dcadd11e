"""Swedish numbers, periods and header words."""
from __future__ import annotations

import pytest

from parsers.budget import is_total, unit_in
from parsers.headers import field_for_header, map_header
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
