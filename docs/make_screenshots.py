"""Remake the README's pictures from the shipped samples: `python docs/make_screenshots.py` (from the repo root).

docs/report.png: the top of `vplan report` in headless Chromium; docs/activities_per_category.png:
the notebook's first plot. Needs the `chromium` command.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import matplotlib  # noqa: E402

matplotlib.use("Agg")

from PIL import Image  # noqa: E402

from ingest import plots  # noqa: E402
from ingest.htmlreport import write_report  # noqa: E402
from ingest.pipeline import ingest  # noqa: E402
from ingest.queries import run_query  # noqa: E402
from tests.chromium import screenshot  # noqa: E402


def small_png(path: Path) -> None:
    """The same picture with a 256-colour palette: a fraction of the bytes, no visible change for text and flat colours."""
    Image.open(path).convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="vplan-docs-") as tmp:
        curated = Path(tmp) / "curated"
        ingest([ROOT / "data" / "raw" / "samples"], curated)
        page = Path(tmp) / "report.html"
        write_report(curated, page)
        png = screenshot(page, ROOT / "docs" / "report.png", width=1200, height=1600)
        small_png(png)
        figure = plots.activities_per_category(run_query("activities_over_time", curated))
        figure.savefig(ROOT / "docs" / "activities_per_category.png", dpi=80, bbox_inches="tight")
        small_png(ROOT / "docs" / "activities_per_category.png")
    for name in ["report.png", "activities_per_category.png"]:
        print(f"docs/{name}: {(ROOT / 'docs' / name).stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
