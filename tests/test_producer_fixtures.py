"""Plans from several PDF producers give what a careful reader sees in them.

The fixtures under `fixtures/producers/` come from LibreOffice (Word tables
without a grid), headless Chromium (HTML tables drawn with backgrounds only)
and reportlab (white space, zebra shading, rotated pages, a table drawn with
curves); each has `<name>.expected.json` written by its builder. They are
scored as `score.py` scores the corpus (see `tests/scoring.py`).
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from parsers.records import ACTIVITY_FIELDS, Activity, BudgetLine, NationalActivity, ParsedPlan, PlanMeta, Proposal

from .scoring import fixture_files, line, score_file, score_plan, summary

PRODUCERS = Path(__file__).resolve().parent / "fixtures" / "producers"
CASES = {path.name: (path, fmt, exp) for path, fmt, exp in fixture_files(PRODUCERS)}
DOCS = sorted(CASES)
CELL_ACCURACY = 0.998
ROWS_PERFECT = 0.99


@cache
def counts(doc: str) -> dict:
    """The scored counts of one fixture document, parsed once per test session."""
    return score_file(*CASES[doc])


def parsed_counts(doc: str) -> dict:
    m = counts(doc)
    if m.get("missing"):
        pytest.fail(f"{doc} was not read as a plan: {m['reason']}", pytrace=False)
    return m


def test_every_producer_fixture_has_a_pdf_and_a_complete_expected_file():
    stems = {p.name[: -len(".expected.json")] for p in PRODUCERS.glob("*.expected.json")}
    assert stems and all((PRODUCERS / f"{s}.pdf").exists() for s in stems)
    for s in stems:
        exp = json.loads((PRODUCERS / f"{s}.expected.json").read_text(encoding="utf-8"))
        assert set(exp) == {"document", "activities", "budget_lines", "proposals", "national_activities"}
        assert all(set(ACTIVITY_FIELDS) | {"plan_year", "category"} == set(a) for a in exp["activities"])


@pytest.mark.parametrize("doc", DOCS)
def test_every_activity_is_found_and_nothing_else(doc):
    m = parsed_counts(doc)
    assert m["act_tp"] == m["act_exp"] == m["act_got"], line(doc, m)


@pytest.mark.parametrize("doc", DOCS)
def test_activity_cells_hold_the_whole_text_of_their_column(doc):
    m = parsed_counts(doc)
    assert m["cell_total"] and m["cell_ok"] / m["cell_total"] >= CELL_ACCURACY, line(doc, m)


@pytest.mark.parametrize("doc", DOCS)
def test_budget_lines_are_found_with_year_kind_amount_and_total_flag(doc):
    m = parsed_counts(doc)
    assert m["bud_tp"] == m["bud_exp"] == m["bud_got"] == m["tot_tp"], line(doc, m)


@pytest.mark.parametrize("doc", DOCS)
def test_proposals_are_found_with_their_category(doc):
    m = parsed_counts(doc)
    assert m["prop_tp"] == m["prop_exp"] == m["prop_got"], line(doc, m)


@pytest.mark.parametrize("doc", DOCS)
def test_national_activities_are_found_with_their_agency(doc):
    m = parsed_counts(doc)
    assert m["nat_tp"] == m["nat_exp"] == m["nat_got"], line(doc, m)


@pytest.mark.parametrize("doc", DOCS)
def test_organisation_region_and_period_are_read(doc):
    m = parsed_counts(doc)
    assert m["meta_ok"] == m["meta_total"], line(doc, m)


def test_producer_fixtures_together_score_like_the_shipped_samples():
    s = summary([counts(doc) for doc in DOCS])
    failing = [line(doc, counts(doc)) for doc in DOCS]
    report = json.dumps(s) + "\n" + "\n".join(failing)
    assert s["docs_missing"] == 0, report
    assert s["act_recall"] == s["act_precision"] == 1.0, report
    assert s["cell_acc"] >= CELL_ACCURACY and s["row_perfect"] >= ROWS_PERFECT, report
    assert s["budget_recall"] == s["budget_precision"] == s["budget_total_flag"] == 1.0, report
    assert s["proposal_recall"] == s["proposal_precision"] == 1.0, report
    assert s["national_recall"] == s["national_precision"] == 1.0, report
    assert s["meta_acc"] == 1.0, report


def plan_from(expected: dict) -> ParsedPlan:
    """A ParsedPlan holding exactly what an expected file says (to check the scorer itself)."""
    d = expected["document"]
    return ParsedPlan(
        meta=PlanMeta(**{k: d[k] for k in ("title", "organisation", "region", "period_start", "period_end")}),
        activities=[Activity(seq=i, **a) for i, a in enumerate(expected["activities"])],
        budget_lines=[BudgetLine(seq=i, **b) for i, b in enumerate(expected["budget_lines"])],
        proposals=[Proposal(seq=i, **p) for i, p in enumerate(expected["proposals"])],
        national_activities=[NationalActivity(seq=i, **n) for i, n in enumerate(expected["national_activities"])])


def test_scoring_gives_full_marks_to_a_plan_equal_to_its_expected_file():
    expected = json.loads(CASES[DOCS[0]][2].read_text(encoding="utf-8"))
    s = summary([score_plan(plan_from(expected), expected, "pdf")])
    assert all(v == 1.0 for k, v in s.items() if k not in ("docs", "docs_missing") and v is not None), s


def test_scoring_counts_a_wrong_cell_and_a_missing_budget_line():
    expected = json.loads(CASES[DOCS[0]][2].read_text(encoding="utf-8"))
    plan = plan_from(expected)
    plan.activities[0].tid = "fel"
    plan.budget_lines.pop()
    m = score_plan(plan, expected, "pdf")
    assert m["cell_ok"] == m["cell_total"] - 1 and m["row_perfect"] == m["act_exp"] - 1
    assert m["bud_tp"] == m["bud_exp"] - 1 == m["bud_got"]
