"""Whole process, one CPU: `vplan ingest --workers 1` against pdfplumber's bare character pass.

A batch of distinct PDFs (the sample PDFs, copied with a trailing comment so
each is a new file) is read, in fresh processes pinned to one CPU
(`taskset -c 0`; unpinned, the parent's work overlaps the worker's on a second
core and hides its cost), by:

- the bare pass: `python -c` that imports pdfplumber, opens each PDF and reads
  `page.chars` of every page;
- `vplan ingest --workers 1` with the default PDF engine, into a new folder;
- (for reference) the same with `--pdf-engine pdfplumber`.

The commands alternate for several rounds; the figure is the median ratio of
the ingest's wall time to the bare pass's. Target: at most 0.35.

    python benchmarks/bench_engines.py [--files 24] [--rounds 3] [--cpu 0] [--no-plumber-ingest]
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

BARE = """
import sys, pdfplumber
n = 0
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            n += len(page.chars)
print(n)
"""


def pinned(cpu: int) -> list[str]:
    """The command prefix that pins a process to one CPU."""
    return ["taskset", "-c", str(cpu)] if shutil.which("taskset") else []


def timed(cmd: list[str], cpu: int) -> float:
    """Wall seconds of a command run in a fresh process pinned to `cpu`."""
    start = time.perf_counter()
    preexec = None if pinned(cpu) else (lambda: os.sched_setaffinity(0, {cpu}))
    subprocess.run(pinned(cpu) + cmd, check=True, stdout=subprocess.DEVNULL, preexec_fn=preexec)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=24)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cpu", type=int, default=0)
    parser.add_argument("--no-plumber-ingest", action="store_true", help="skip the --pdf-engine pdfplumber run")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vplan-bench-"))
    files = make_batch(work / "in", args.files, formats=("pdf",))
    how = "taskset -c" if pinned(args.cpu) else "sched_setaffinity to CPU"
    print(f"cpus: {os.cpu_count()}  files: {len(files)} PDFs  pinned: {how} {args.cpu}  load: {os.getloadavg()[0]:.2f}")
    bare_cmd = [sys.executable, "-c", BARE, *map(str, files)]
    ingest = [sys.executable, "-m", "ingest", "ingest", str(work / "in"), "--workers", "1", "--quiet"]
    ratios, plumber = [], []
    for i in range(args.rounds):
        bare = timed(bare_cmd, args.cpu)
        fast = timed(ingest + ["--out", str(work / f"out-{i}")], args.cpu)
        ratios.append(fast / bare)
        line = f"round {i + 1}: bare page.chars {bare:.2f} s, vplan ingest --workers 1 {fast:.2f} s, ratio {fast / bare:.3f}"
        if not args.no_plumber_ingest:
            slow = timed(ingest + ["--out", str(work / f"plumber-{i}"), "--pdf-engine", "pdfplumber"], args.cpu)
            plumber.append(slow / bare)
            line += f"; --pdf-engine pdfplumber {slow:.2f} s, ratio {slow / bare:.3f}"
        print(line, flush=True)
    print(f"median ratio vplan ingest / bare pdfplumber pass: {statistics.median(ratios):.3f} "
          f"(min {min(ratios):.3f}, max {max(ratios):.3f}; target <= 0.35)")
    if plumber:
        print(f"median ratio with --pdf-engine pdfplumber: {statistics.median(plumber):.3f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
