"""The layouts set: plans held out when built, since developed against, read as a careful reader reads them.

The fixtures under `fixtures/layouts/` are built with the producers' builders
(LibreOffice, headless Chromium, reportlab) from other seeds, another text
bank and header words outside the vocabulary (see its README). They were
held out when built; vplan has since been developed against them, so they no
longer measure generalisation (the new held-out set is `fixtures/holdout/`,
tested by `test_holdout_fixtures.py`). Like the producer fixtures, they are
scored with the producer fixtures' thresholds.

Plans added later to develop vplan against (numbered headings, category
columns, two-column text, A5 / B5 / US Legal pages …; see the README) that vplan
does not read yet are listed in `KNOWN_FAILURES` with their symptoms: those
checks are expected to fail, strictly, so that a fix shows as an unexpected
pass and its entry must then go.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from parsers.records import ACTIVITY_FIELDS

from .scoring import fixture_files, line, score_file, summary
from .test_producer_fixtures import CELL_ACCURACY, ROWS_PERFECT

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"
CASES = {path.name: (path, fmt, exp) for path, fmt, exp in fixture_files(LAYOUTS)}
DOCS = sorted(CASES)


@cache
def counts(doc: str) -> dict:
    """The scored counts of one document of the layouts set, parsed once per test session."""
    return score_file(*CASES[doc])


def test_every_layout_plan_has_a_pdf_and_a_complete_expected_file():
    stems = {p.name[: -len(".expected.json")] for p in LAYOUTS.glob("*.expected.json")}
    assert len(stems) >= 10 and all((LAYOUTS / f"{s}.pdf").exists() for s in stems)
    for s in stems:
        exp = json.loads((LAYOUTS / f"{s}.expected.json").read_text(encoding="utf-8"))
        assert set(exp) == {"document", "activities", "budget_lines", "proposals", "national_activities"}
        assert all(set(ACTIVITY_FIELDS) | {"plan_year", "category"} == set(a) for a in exp["activities"])


# what a plan of the layouts set must give, each check named after the behaviour (the producer fixtures' thresholds)
CHECKS = {
    "every activity found and nothing else": lambda m: m["act_tp"] == m["act_exp"] == m["act_got"],
    "cells hold the whole text of their column": lambda m: bool(m["cell_total"])
    and m["cell_ok"] / m["cell_total"] >= CELL_ACCURACY and m["row_perfect"] / m["act_exp"] >= ROWS_PERFECT,
    "budget lines with year, kind, amount and total flag": lambda m: m["bud_tp"] == m["bud_exp"] == m["bud_got"]
    == m["tot_tp"],
    "proposals with their category": lambda m: m["prop_tp"] == m["prop_exp"] == m["prop_got"],
    "national activities with their agency": lambda m: m["nat_tp"] == m["nat_exp"] == m["nat_got"],
    "organisation, region and period": lambda m: m["meta_ok"] == m["meta_total"],
}


# checks that a plan of the set fails today: file -> {check: symptom}; remove an entry when its check passes
KNOWN_FAILURES: dict[str, dict[str, str]] = {
    "chromium_a5_smallcaps_dotted.pdf": {
        "cells hold the whole text of their column":
            "numbered category headings keep their number ('3.3 Utbildningsinsatser')",
        "budget lines with year, kind, amount and total flag":
            "one of the three budget columns (Prognos 2026) is not read: 26/39 lines",
    },
    "chromium_b5_breakall_ansvar_first.pdf": {
        "every activity found and nothing else":
            "words broken anywhere, where a column's right edge is not known to a glyph, stay broken "
            "('verk samheter', 'Oktober 20 26'): 29/34 found",
        "cells hold the whole text of their column":
            "words broken anywhere stay broken in some cells ('representant er', 'kommunern a')",
    },
    "chromium_separate_cells_twocol.pdf": {
        "proposals with their category":
            "bullets in two CSS columns are read across the columns ('Kompetensutveckling Tillsyn hälsoskydd')",
    },
    "lo_a5_vrules_justified.pdf": {
        "every activity found and nothing else":
            "a row broken across a page gives its continuation to extra rows with no title: got 34 of 29",
        "cells hold the whole text of their column":
            "cells broken across a page lose their continuation ('… beslut mellan' without 'kommunerna.')",
        "budget lines with year, kind, amount and total flag":
            "the budget rows after the page break (Kostnader) are lost: 18/36 lines",
        "proposals with their category":
            "the running header 'Verksamhetsplan 2026–2028' is read as a proposal",
    },
    "lo_b5_cover_twocol_dotted.pdf": {
        "proposals with their category":
            "bullets in two section columns are read across the columns ('Handläggarstöd Kompetensutveckling')",
    },
    "reportlab_cover_twocol_dashed.pdf": {
        "every activity found and nothing else":
            "no activity table found (Ansvarar first, header words in no vocabulary, dashed rules): 0/33",
        "cells hold the whole text of their column":
            "no activity rows, so no cells",
        "proposals with their category":
            "bullets in two balanced columns are read across the columns, without their category",
    },
    "reportlab_legal_yearpages_forts.pdf": {
        "every activity found and nothing else":
            "headers in imitated small caps are not read as headers (last line 'MILJÖMÅL' as the category): 29/38",
        "cells hold the whole text of their column":
            "columns guessed from the first row of each page: cells shifted",
    },
}


def check_cases() -> list:
    """(doc, check) pairs, a check listed in KNOWN_FAILURES marked as a strict expected failure."""
    cases = []
    for doc in DOCS:
        for check in CHECKS:
            reason = KNOWN_FAILURES.get(doc, {}).get(check)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(doc, check, marks=marks, id=f"{doc}-{check}"))
    return cases


@pytest.mark.parametrize(("doc", "check"), check_cases())
def test_a_layout_plan_is_read_as_a_careful_reader_reads_it(doc, check):
    m = counts(doc)
    if m.get("missing"):
        pytest.fail(f"{doc} was not read as a plan: {m['reason']}", pytrace=False)
    assert CHECKS[check](m), line(doc, m)


def test_known_failures_name_files_and_checks_of_the_set():
    assert set(KNOWN_FAILURES) <= set(DOCS)
    assert all(set(checks) <= set(CHECKS) for checks in KNOWN_FAILURES.values())


def test_layout_plans_together_score_like_the_producer_fixtures():
    """Every check on the counts of the set's files together (the corpus summary's thresholds), over the
    files without known failures: those are held to their own checks above."""
    docs = [doc for doc in DOCS if doc not in KNOWN_FAILURES]
    every = [counts(doc) for doc in docs]
    total = {k: sum(m.get(k, 0) for m in every) for k in every[0] if not isinstance(every[0][k], (str, bool))}
    report = json.dumps(summary(every)) + "\n" + "\n".join(line(doc, counts(doc)) for doc in docs)
    assert not any(m.get("missing") for m in every), report
    assert [check for check, ok in CHECKS.items() if not ok(total)] == [], report
