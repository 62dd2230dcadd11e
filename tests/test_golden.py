"""Golden tests: every sample plan gives exactly its expected extraction."""
from __future__ import annotations

import difflib
import json

import pytest

from parsers import parse_plan
from parsers.text import collapse

from .conftest import SAMPLE_FILES, SAMPLES, expected

ACTIVITY_KEYS = ["plan_year", "category", "aktivitet", "aktivitetsmal", "genomforande", "tid",
                 "ansvar", "samverkansparter", "effektmal"]


def norm(value):
    return collapse(value) if isinstance(value, str) else value


def comparable(records, keys) -> list[dict]:
    return [{k: norm(getattr(r, k) if not isinstance(r, dict) else r[k]) for k in keys} for r in records]


def assert_same(got: list[dict], want: list[dict], what: str) -> None:
    """Equal lists, or a failure that shows a unified diff of the differing records."""
    if got == want:
        return
    dump = lambda rows: [json.dumps(r, ensure_ascii=False) for r in rows]  # noqa: E731
    diff = "\n".join(difflib.unified_diff(dump(want), dump(got), "expected", "got", lineterm="", n=0))
    pytest.fail(f"{what} differ ({len(got)} got, {len(want)} expected):\n{diff}", pytrace=False)


def parsed(name: str, fmt: str):
    with open(SAMPLES / f"{name}.{fmt}", "rb") as f:
        return parse_plan(f, fmt, name=f"{name}.{fmt}")


@pytest.mark.parametrize("name,fmt", SAMPLE_FILES)
def test_sample_metadata_matches_expected(name, fmt):
    meta = parsed(name, fmt).meta
    want = expected(name)["document"]
    assert {k: getattr(meta, k) for k in want} == want


# The one cell a PDF cannot give: Word merges Ansvar of rows 4.4-4.5 (2024), but LibreOffice drew
# a full rule between them, so the PDF shows an empty cell (score.py still counts 204/205 cells).
PDF_WITHOUT_MERGE = pytest.mark.xfail(strict=True, reason="the PDF draws no vertical merge where Word has one")
ACTIVITY_CASES = [pytest.param(name, fmt, marks=PDF_WITHOUT_MERGE if (name, fmt) == ("varmland_2023-2025", "pdf")
                               else ()) for name, fmt in SAMPLE_FILES]


@pytest.mark.parametrize("name,fmt", ACTIVITY_CASES)
def test_sample_activities_match_expected(name, fmt):
    assert_same(comparable(parsed(name, fmt).activities, ACTIVITY_KEYS),
                comparable(expected(name)["activities"], ACTIVITY_KEYS), "activities")


@pytest.mark.parametrize("name,fmt", SAMPLE_FILES)
def test_sample_budget_lines_match_expected(name, fmt):
    keys = ["budget_year", "kind", "section", "label", "amount_tkr", "is_total"]
    assert_same(comparable(parsed(name, fmt).budget_lines, keys),
                comparable(expected(name)["budget_lines"], keys), "budget lines")


@pytest.mark.parametrize("name,fmt", SAMPLE_FILES)
def test_sample_proposals_match_expected(name, fmt):
    keys = ["category", "text"]
    assert_same(comparable(parsed(name, fmt).proposals, keys),
                comparable(expected(name)["proposals"], keys), "proposals")


@pytest.mark.parametrize("name,fmt", SAMPLE_FILES)
def test_sample_national_activities_match_expected(name, fmt):
    keys = ["year", "category", "text", "agency"]
    assert_same(comparable(parsed(name, fmt).national_activities, keys),
                comparable(expected(name)["national_activities"], keys), "national activities")
