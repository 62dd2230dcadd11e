"""Held-out plans, never used while vplan was developed: vplan reads them no worse than when first measured.

The fixtures under `fixtures/holdout/` (see its README) were built on
2026-11-28 with the producers' builders from new seeds, a new text bank,
header words neither in the vocabulary nor in the other fixture sets, and
layouts no other fixture uses. They say how well vplan reads plans it has
never seen, so nobody tunes the parser by looking at them. When someone does
develop against them, the set moves to `fixtures/layouts/` (as the earlier
held-out set did, see `test_layout_fixtures.py`) and a new set is built.

This test does not ask for perfection. It holds the set to its latest
measurement, recorded in `fixtures/holdout/floors.json`: the figures over the
set that can only rise as more is read right (`act_recall`, `row_perfect`,
`budget_recall`, `budget_total_flag`, `proposal_recall`, `national_recall`,
`meta_acc`) and each file's `act_recall` and `row_perfect`, rounded down to
two decimals, so that a regression in any one plan fails. Precision and cell
accuracy over the rows found are not floors: reading more plans right can
lower them (a row found with one wrong cell) — they are reported by
`python -m tests.scoring tests/fixtures/holdout` and in the set's README.
The floors may only be raised, never lowered; `first_measurement` keeps the
figures of the day the set was built.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from parsers.records import ACTIVITY_FIELDS

from .scoring import fixture_files, line, score_file, summary

HOLDOUT = Path(__file__).resolve().parent / "fixtures" / "holdout"
CASES = {path.name: (path, fmt, exp) for path, fmt, exp in fixture_files(HOLDOUT)}
DOCS = sorted(CASES)
FLOORS = json.loads((HOLDOUT / "floors.json").read_text(encoding="utf-8"))
PER_FILE = ("act_recall", "row_perfect")
SUMMARY = ("act_recall", "row_perfect", "budget_recall", "budget_total_flag", "proposal_recall",
           "national_recall", "meta_acc")


@cache
def counts(doc: str) -> dict:
    """The scored counts of one held-out document, parsed once per test session."""
    return score_file(*CASES[doc])


def below(figures: dict, floors: dict) -> dict:
    """The figures under their floor, as {key: (figure, floor)}; a figure with nothing to measure counts as 0."""
    return {k: (figures.get(k), f) for k, f in floors.items() if f is not None and (figures.get(k) or 0.0) < f}


def test_every_held_out_plan_has_a_pdf_and_a_complete_expected_file():
    stems = {p.name[: -len(".expected.json")] for p in HOLDOUT.glob("*.expected.json")}
    assert len(stems) >= 10 and all((HOLDOUT / f"{s}.pdf").exists() for s in stems)
    for s in stems:
        exp = json.loads((HOLDOUT / f"{s}.expected.json").read_text(encoding="utf-8"))
        assert set(exp) == {"document", "activities", "budget_lines", "proposals", "national_activities"}
        assert all(set(ACTIVITY_FIELDS) | {"plan_year", "category"} == set(a) for a in exp["activities"])


def test_every_held_out_document_has_floors_rounded_down_to_two_decimals():
    assert set(FLOORS["per_file"]) == set(DOCS)
    assert set(FLOORS["summary"]) == set(SUMMARY)
    floors = list(FLOORS["summary"].values()) + [f for fs in FLOORS["per_file"].values() for f in fs.values()]
    assert all(set(fs) == set(PER_FILE) for fs in FLOORS["per_file"].values())
    assert all(f is None or (0 <= f <= 1 and round(f, 2) == f) for f in floors)


@pytest.mark.parametrize("doc", DOCS)
def test_a_held_out_plan_is_read_no_worse_than_at_its_first_measurement(doc):
    m = counts(doc)
    if m.get("missing"):
        pytest.fail(f"{doc} was not read as a plan: {m['reason']}", pytrace=False)
    assert below(summary(m), FLOORS["per_file"][doc]) == {}, line(doc, m)


def test_held_out_plans_together_are_read_no_worse_than_at_their_first_measurement():
    every = [counts(doc) for doc in DOCS]
    report = "\n".join(line(doc, counts(doc)) for doc in DOCS)
    assert below(summary(every), FLOORS["summary"]) == {}, report
