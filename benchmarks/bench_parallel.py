"""Parallel ingest, whole process: `vplan ingest --workers 1` against `--workers N` on distinct PDFs.

Each run is a fresh `python -m ingest ingest …` process into a new folder, as
a user runs it (start-up included); the two alternate for several rounds and
the figure is the median speed-up. The rows of both must be identical.
Target on 2 cores: at least 1.7x with 2 workers.

    python benchmarks/bench_parallel.py [--files 24] [--workers N] [--rounds 3]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from batch import make_batch

from ingest.catalog import snapshot_tables


def rows(out: Path) -> list:
    activities = snapshot_tables(out)["activities"].select(["doc_id", "seq", "aktivitet", "activity_key"])
    return sorted(tuple(r.values()) for r in activities.to_pylist())


def timed_ingest(src: Path, out: Path, workers: int) -> float:
    """Wall seconds of one whole `vplan ingest` process."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ingest", "ingest", str(src), "--out", str(out), "--workers", str(workers),
                    "--quiet"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=24)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vplan-bench-"))
    make_batch(work / "in", args.files, formats=("pdf",))
    print(f"cpus: {os.cpu_count()}  files: {args.files} PDFs  load: {os.getloadavg()[0]:.2f}")
    speedups = []
    for i in range(args.rounds):
        one = timed_ingest(work / "in", work / f"one-{i}", 1)
        many = timed_ingest(work / "in", work / f"many-{i}", args.workers)
        speedups.append(one / many)
        print(f"round {i + 1}: --workers 1 {one:.2f} s, --workers {args.workers} {many:.2f} s, "
              f"speed-up {one / many:.2f}x", flush=True)
    same = rows(work / "one-0") == rows(work / "many-0")
    print(f"median speed-up with {args.workers} workers: {statistics.median(speedups):.2f}x "
          f"(min {min(speedups):.2f}, max {max(speedups):.2f}; target >= 1.7 on 2 cores)  identical rows: {same}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
