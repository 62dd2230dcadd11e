"""Scale: ingest 100 and 1,000 distinct plans, re-run over unchanged files, time the named queries.

Prints the wall time and peak RSS (largest process, workers included) of each
`vplan ingest` run, the time of a re-run over the same unchanged files
(target < 5 s), the files each table holds, the time to load a snapshot into
DuckDB and the warm time of every named query over the output (target < 200 ms).

    python benchmarks/bench_scale.py [--plans 100 1000] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from batch import make_batch

from ingest.queries import analysis_connection, named_queries, run_query
from ingest.storage.maintenance import file_count, history

PARAMS = {"plan_diff": {"region": "Jönköpings län", "year": "2022"}}


def measure_ingest(folder: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of `vplan ingest`, run in a fresh process."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            f"rc = subprocess.run([sys.executable, '-m', 'ingest', 'ingest', {str(folder)!r}, '--out', {str(out)!r}, "
            "'--quiet']).returncode; "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, rss, rc = result.stdout.split()[-3:]
    return float(seconds), float(rss)


def time_queries(out: Path) -> None:
    start = time.perf_counter()
    con = analysis_connection(out)
    print(f"  snapshot loaded into DuckDB (once per connection): {(time.perf_counter() - start) * 1000:.0f} ms")
    for name in named_queries():
        params = PARAMS.get(name, {})
        run_query(name, out, params, con=con)  # warm
        times = []
        for _ in range(5):
            start = time.perf_counter()
            run_query(name, out, params, con=con)
            times.append(time.perf_counter() - start)
        print(f"  query {name}: {statistics.median(times) * 1000:.0f} ms (median of 5, warm; target < 200 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="vplan-scale-"))
    print(f"cpus: {os.cpu_count()}  work: {work}")
    for n in args.plans:
        folder, out = work / f"in-{n}", work / f"out-{n}"
        make_batch(folder, n)
        seconds, rss = measure_ingest(folder, out)
        print(f"{n} plans: ingest {seconds:.1f} s ({n / seconds:.1f} files/s), peak RSS {rss:.0f} MiB")
        seconds, rss = measure_ingest(folder, out)
        print(f"{n} plans: re-run over unchanged files {seconds:.2f} s (target < 5 s), peak RSS {rss:.0f} MiB")
        files = {t: file_count(out, t) for t in ("documents", "activities")}
        print(f"  data files: {files}, versions of documents: {len(history(out))}")
        time_queries(out)


if __name__ == "__main__":
    main()
