"""The overview notebook runs against the samples, so it cannot rot."""
from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from .conftest import ROOT


def test_overview_notebook_runs_and_draws_its_plots(tmp_path, monkeypatch, curated_samples):
    monkeypatch.setenv("VPLAN_CURATED", str(curated_samples))
    nb = nbformat.read(ROOT / "notebooks" / "01-overview.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 3


def test_notebook_defines_no_logic():
    nb = nbformat.read(ROOT / "notebooks" / "01-overview.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "def " not in code and "class " not in code and "lambda" not in code
