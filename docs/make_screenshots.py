"""Remake the README's pictures from the shipped samples: `python docs/make_screenshots.py` (from the repo root).

docs/report.png: the top of `vplan report` in headless Chromium; docs/activities_per_category.png:
the notebook's first plot (these two need the `chromium` command); docs/inspect.png: a page of
`vplan inspect` (`python docs/make_screenshots.py inspect` remakes only this one).
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
from ingest.inspection import inspect_file  # noqa: E402
from ingest.pipeline import ingest  # noqa: E402
from ingest.queries import run_query  # noqa: E402
from tests.chromium import screenshot  # noqa: E402


def small_png(path: Path, method: Image.Quantize = Image.Quantize.MEDIANCUT) -> None:
    """The same picture with a 256-colour palette: a fraction of the bytes, no visible change for text and flat colours."""
    Image.open(path).convert("RGB").quantize(256, method=method).save(path, optimize=True)


def inspect_page() -> None:
    """docs/inspect.png: page 2 of the Dalarna sample, a table drawn without rules that runs over pages."""
    with tempfile.TemporaryDirectory(prefix="vplan-docs-") as tmp:
        inspect_file(ROOT / "data" / "raw" / "samples" / "dalarna_2023-2025.pdf", Path(tmp), pages="2", dpi=110)
        png = ROOT / "docs" / "inspect.png"
        Image.open(Path(tmp) / "page-002.png").save(png)
        small_png(png, Image.Quantize.FASTOCTREE)  # median cut would merge the legend's small swatches


def main() -> None:
    inspect_page()
    if sys.argv[1:] == ["inspect"]:
        print(f"docs/inspect.png: {(ROOT / 'docs' / 'inspect.png').stat().st_size // 1024} KiB")
        return
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
    for name in ["report.png", "activities_per_category.png", "inspect.png"]:
        print(f"docs/{name}: {(ROOT / 'docs' / name).stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
