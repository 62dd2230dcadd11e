"""Parallel ingest: a batch of distinct PDFs with --workers 1 and with --workers N.

Target on 2 cores: at least 1.7x faster with 2 workers, and identical rows.

    python benchmarks/bench_parallel.py [--files 24] [--workers N]
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from batch import make_batch

from ingest.catalog import snapshot_tables
from ingest.pipeline import ingest


def rows(out: Path) -> list:
    activities = snapshot_tables(out)["activities"].select(["doc_id", "seq", "aktivitet", "activity_key"])
    return sorted(tuple(r.values()) for r in activities.to_pylist())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=24)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vplan-bench-"))
    files = make_batch(work / "in", args.files, formats=("pdf",))
    times = {}
    for workers in (1, args.workers):
        out = work / f"out-{workers}"
        start = time.perf_counter()
        ingest(files, out, workers=workers)
        times[workers] = time.perf_counter() - start
        print(f"--workers {workers}: {times[workers]:.2f} s for {len(files)} PDFs")
    same = rows(work / "out-1") == rows(work / f"out-{args.workers}")
    print(f"cpus: {os.cpu_count()}  speed-up with {args.workers} workers: {times[1] / times[args.workers]:.2f}x "
          f"(target >= 1.7 on 2 cores)  identical rows: {same}")


if __name__ == "__main__":
    main()
