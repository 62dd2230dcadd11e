"""A run killed at any moment leaves readable tables with only whole documents; a re-run completes it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import docx

from ingest.catalog import connect

from .conftest import ROOT, SAMPLES

N_FILES = 30


def distinct_copies(folder) -> None:
    """Copies of a sample plan whose content (and so sha256) differs by one paragraph."""
    folder.mkdir()
    for i in range(N_FILES):
        d = docx.Document(SAMPLES / "jonkoping_2021-2023.docx")
        d.add_paragraph(f"Kopia {i}")
        d.save(folder / f"plan-{i:03}.docx")


def whole_documents(out) -> int:
    """The number of listed documents, checking each has every row it announced."""
    con = connect(out)
    bad = con.execute("""select count(*) from documents d where n_activities <>
                         (select count(*) from activities a where a.doc_id = d.doc_id)""").fetchone()[0]
    assert bad == 0
    return con.execute("select count(*) from documents").fetchone()[0]


def test_sigkill_mid_batch_leaves_whole_documents_and_a_rerun_completes(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    distinct_copies(src)
    cmd = [sys.executable, "-m", "ingest", "ingest", str(src), "--out", str(out), "--workers", "1", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and len(list((out / "documents").glob("*.parquet"))) < 3:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = whole_documents(out)
    assert 3 <= done_before < N_FILES
    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert whole_documents(out) == N_FILES
    assert f"unchanged: {done_before}" in rerun.stdout
