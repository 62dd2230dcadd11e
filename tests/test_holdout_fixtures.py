"""Held-out plans, never used while vplan was developed, read as a careful reader reads them.

The fixtures under `fixtures/holdout/` are built with the producers' builders
(LibreOffice, headless Chromium, reportlab) from other seeds, another text
bank and header words outside the vocabulary (see its README). They measure
how well vplan generalises, so they are scored with the thresholds of the
producer fixtures and nothing in the parser may be tuned to them.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from parsers.records import ACTIVITY_FIELDS

from .scoring import fixture_files, line, score_file, summary
from .test_producer_fixtures import CELL_ACCURACY, ROWS_PERFECT

HOLDOUT = Path(__file__).resolve().parent / "fixtures" / "holdout"
CASES = {path.name: (path, fmt, exp) for path, fmt, exp in fixture_files(HOLDOUT)}
DOCS = sorted(CASES)


@lru_cache(maxsize=None)
def counts(doc: str) -> dict:
    """The scored counts of one held-out document, parsed once per test session."""
    return score_file(*CASES[doc])


def read_counts(doc: str) -> dict:
    m = counts(doc)
    if m.get("missing"):
        pytest.fail(f"{doc} was not read as a plan: {m['reason']}", pytrace=False)
    return m


def test_every_held_out_plan_has_a_pdf_and_a_complete_expected_file():
    stems = {p.name[: -len(".expected.json")] for p in HOLDOUT.glob("*.expected.json")}
    assert len(stems) >= 10 and all((HOLDOUT / f"{s}.pdf").exists() for s in stems)
    for s in stems:
        exp = json.loads((HOLDOUT / f"{s}.expected.json").read_text(encoding="utf-8"))
        assert set(exp) == {"document", "activities", "budget_lines", "proposals", "national_activities"}
        assert all(set(ACTIVITY_FIELDS) | {"plan_year", "category"} == set(a) for a in exp["activities"])


@pytest.mark.parametrize("doc", DOCS)
def test_held_out_activities_are_all_found_and_nothing_else(doc):
    m = read_counts(doc)
    assert m["act_tp"] == m["act_exp"] == m["act_got"], line(doc, m)


@pytest.mark.parametrize("doc", DOCS)
def test_held_out_cells_hold_the_whole_text_of_their_column(doc):
    m = read_counts(doc)
    assert m["cell_total"] and m["cell_ok"] / m["cell_total"] >= CELL_ACCURACY, line(doc, m)
    assert m["row_perfect"] / m["act_exp"] >= ROWS_PERFECT, line(doc, m)


@pytest.mark.parametrize("doc", DOCS)
def test_held_out_budget_lines_have_year_kind_amount_and_total_flag(doc):
    m = read_counts(doc)
    assert m["bud_tp"] == m["bud_exp"] == m["bud_got"] == m["tot_tp"], line(doc, m)


@pytest.mark.parametrize("doc", DOCS)
def test_held_out_proposals_and_national_activities_are_found(doc):
    m = read_counts(doc)
    assert m["prop_tp"] == m["prop_exp"] == m["prop_got"], line(doc, m)
    assert m["nat_tp"] == m["nat_exp"] == m["nat_got"], line(doc, m)


@pytest.mark.parametrize("doc", DOCS)
def test_held_out_organisation_region_and_period_are_read(doc):
    m = read_counts(doc)
    assert m["meta_ok"] == m["meta_total"], line(doc, m)


def test_held_out_plans_together_score_like_the_producer_fixtures():
    s = summary([counts(doc) for doc in DOCS])
    report = json.dumps(s) + "\n" + "\n".join(line(doc, counts(doc)) for doc in DOCS)
    assert s["docs_missing"] == 0, report
    assert s["act_recall"] == s["act_precision"] == 1.0, report
    assert s["cell_acc"] >= CELL_ACCURACY and s["row_perfect"] >= ROWS_PERFECT, report
    assert s["budget_recall"] == s["budget_precision"] == s["budget_total_flag"] == 1.0, report
    assert s["proposal_recall"] == s["proposal_precision"] == 1.0, report
    assert s["national_recall"] == s["national_precision"] == 1.0, report
    assert s["meta_acc"] == 1.0, report
