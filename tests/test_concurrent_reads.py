"""Queries run while an ingest commits batches, replaces documents and optimizes: every one succeeds,
each sees whole batches only, and counts never go backwards."""
from __future__ import annotations

import subprocess
import sys

import docx

from ingest.pipeline import ingest
from ingest.queries import analysis_connection, named_queries, run_query
from ingest.storage.maintenance import history
from ingest.storage.snapshot import snapshot

from .conftest import ROOT, SAMPLES

PLANS = sorted(SAMPLES.glob("*.docx"))
PARAMS = {"region": "Jönköpings län", "year": "2022"}


def plan_copy(path, i: int, words: str = "") -> None:
    d = docx.Document(PLANS[i % len(PLANS)])
    d.add_paragraph(f"Kopia {i} {words}")
    d.save(path)


def test_queries_during_a_multi_batch_ingest_that_replaces_and_optimizes(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for i in range(6):
        plan_copy(src / f"plan-{i:02}.docx", i)
    ingest([src], out, commit_every=1)  # 6 small files per table
    for i in range(3):
        plan_copy(src / f"plan-{i:02}.docx", i, "reviderad")  # changed: replaces its old version
    for i in range(6, 20):
        plan_copy(src / f"plan-{i:02}.docx", i)
    cmd = [sys.executable, "-m", "ingest", "ingest", str(src), "--out", str(out), "--workers", "1", "--quiet",
           "--force", "--commit-every", "2"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen, last = set(), (0, 0)
    while proc.poll() is None:
        version = snapshot(out).version
        con = analysis_connection(out)
        docs, acts, announced = con.execute("select count(*), (select count(*) from activities), "
                                            "sum(n_activities) from documents").fetchone()
        assert acts == announced, "a batch was seen in part"
        assert (docs, acts) >= last, "counts went backwards"
        last = (docs, acts)
        for name, query in named_queries().items():
            run_query(name, out, {k: PARAMS[k] for k in query.params if query.params[k] is None}, con=con)
        seen.add(version)
    assert proc.returncode == 0, proc.stdout.read()
    assert len(seen) >= 3, f"the queries saw only versions {seen}: the ingest ended too soon to test anything"
    operations = history(out).operation.tolist()
    assert "optimize" in operations and operations.count("ingest") == 6 + 10
    final = analysis_connection(out).execute("select count(*) from documents").fetchone()[0]
    assert final == 20
