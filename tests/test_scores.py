"""The shipped samples, ingested, score as the corpus tool scores them (tests/scoring.py)."""
from __future__ import annotations

from .conftest import SAMPLES
from .scoring import score_curated

# The one cell a PDF cannot give (see test_golden): a vertical merge LibreOffice drew as a full rule.
IMPERFECT_CELLS = {"varmland_2023-2025.pdf": 1}


def test_samples_score_full_recall_and_precision_and_their_cells(curated_samples):
    result = score_curated(SAMPLES, curated_samples)
    got = result["summary"]
    assert (got["docs_missing"], got["act_recall"], got["act_precision"]) == (0, 1.0, 1.0)
    assert got["cell_acc"] >= 0.998
    wrong = {doc: c.get("cell_total", 0) - c.get("cell_ok", 0) for doc, c in result["per_doc"].items()}
    assert {doc: n for doc, n in wrong.items() if n} == IMPERFECT_CELLS
    assert got["budget_recall"] == got["proposal_recall"] == got["national_recall"] == 1.0
