"""One worker: end-to-end ingest of the sample PDFs against pdfplumber's bare character parse.

The bare parse opens each PDF with pdfplumber and reads `page.chars` of every
page. The ingest parses, repairs, interprets and commits to the Delta tables (--force, one
worker, in this process). The two alternate for several rounds; the median
ratio is the figure. Target: at most 1.2.

    python benchmarks/bench_parse.py [--rounds 7]
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import pdfplumber

from ingest.pipeline import ingest

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "raw" / "samples"


def bare_parse(pdfs: list[Path]) -> int:
    chars = 0
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                chars += len(page.chars)
    return chars


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    pages = sum(len(pdfplumber.open(p).pages) for p in pdfs)
    out = Path(tempfile.mkdtemp(prefix="vplan-bench-"))
    ingest(pdfs, out, workers=1, force=True)  # warm up imports and caches
    ratios = []
    print(f"cpus: {os.cpu_count()}  files: {len(pdfs)} PDFs, {pages} pages")
    for i in range(args.rounds):
        bare = timed(bare_parse, pdfs)
        full = timed(lambda: ingest(pdfs, out, workers=1, force=True))
        ratios.append(full / bare)
        print(f"round {i + 1}: bare chars {bare:.3f} s, vplan ingest {full:.3f} s, ratio {full / bare:.2f}")
    print(f"median ratio ingest / bare parse: {statistics.median(ratios):.2f} (target <= 1.2)")


if __name__ == "__main__":
    main()
