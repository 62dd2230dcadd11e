"""A run killed at any moment leaves the last committed snapshot; a re-run gives exactly the tables of a clean run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import docx
import pytest
from deltalake import DeltaTable
from deltalake.table import TableOptimizer

import ingest.pipeline as pipeline
import ingest.storage.delta as delta
from ingest.catalog import connect
from ingest.pipeline import ingest

from .conftest import ROOT, SAMPLES, tables

N_FILES = 12
COMMIT_EVERY = 2
PLANS = sorted(SAMPLES.glob("*.docx"))


def distinct_copies(folder, n: int = N_FILES) -> None:
    """Copies of the sample plans whose content (and so sha256) differs by one paragraph."""
    folder.mkdir()
    for i in range(n):
        d = docx.Document(PLANS[i % len(PLANS)])
        d.add_paragraph(f"Kopia {i}")
        d.save(folder / f"plan-{i:03}.docx")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The input folder and the tables a clean run over it gives (with the same batches and optimizing)."""
    base = tmp_path_factory.mktemp("crash")
    distinct_copies(base / "in")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "OPTIMIZE_FILES", 3)
        ingest([base / "in"], base / "clean", commit_every=COMMIT_EVERY)
    return base / "in", tables(base / "clean")


def whole_documents(out) -> int:
    """The number of listed documents, checking each has every row it announced."""
    con = connect(out)
    bad = con.execute("""select count(*) from documents d where n_activities <>
                         (select count(*) from activities a where a.doc_id = d.doc_id)""").fetchone()[0]
    assert bad == 0
    return con.execute("select count(*) from documents").fetchone()[0]


class Killed(BaseException):
    """Stands for the process dying: no `except Exception` or StorageError handler catches it."""


def die_at(monkeypatch, n: int) -> None:
    """Let the process 'die' just before its n-th Delta commit (a write or a compaction)."""
    calls = {"n": 0}

    def counting(real):
        def call(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == n:
                raise Killed
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(delta, "write_deltalake", counting(delta.write_deltalake))
    monkeypatch.setattr(TableOptimizer, "compact", counting(TableOptimizer.compact))


# 12 files in batches of 2, optimizing after the 4th batch: 6 batches of 6 commits and one optimize of 6.
@pytest.mark.parametrize("n", [1, 3, 6, 7, 12, 18, 23, 25, 27, 30, 41])
def test_a_run_that_dies_before_any_commit_then_a_rerun_gives_the_clean_tables(tmp_path, monkeypatch, inputs, n):
    src, clean = inputs
    out = tmp_path / "out"
    monkeypatch.setattr(pipeline, "OPTIMIZE_FILES", 3)
    with monkeypatch.context() as mp:
        die_at(mp, n)
        with pytest.raises(Killed):
            ingest([src], out, commit_every=COMMIT_EVERY)
    if (out / "documents" / "_delta_log").exists():
        whole_documents(out)  # readable, whole documents only, before any repair
    ingest([src], out, commit_every=COMMIT_EVERY)
    assert tables(out) == clean


def test_a_rerun_after_a_dead_batch_restores_the_tables_it_touched(tmp_path, monkeypatch, inputs):
    src, _ = inputs
    out = tmp_path / "out"
    with monkeypatch.context() as mp:
        die_at(mp, 9)  # the third table of the second batch
        with pytest.raises(Killed):
            ingest([src], out, commit_every=COMMIT_EVERY)
    raw = {r["doc_id"] for r in DeltaTable(str(out / "activities")).to_pyarrow_table().to_pylist()}
    assert len(raw) == 4 and whole_documents(out) == 2  # other readers see the dead batch until the re-run
    notes = []
    ingest([src], out, commit_every=COMMIT_EVERY, on_note=notes.append)
    assert "put back to the last commit" in notes[0]


@pytest.mark.parametrize("after_version", [0, 2, 4])
def test_sigkill_mid_run_leaves_whole_documents_and_a_rerun_gives_the_clean_tables(tmp_path, inputs, after_version):
    src, clean = inputs
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "ingest", "ingest", str(src), "--out", str(out), "--workers", "1", "--quiet",
           "--commit-every", str(COMMIT_EVERY)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    commit = out / "documents" / "_delta_log" / f"{after_version:020}.json"
    deadline = time.time() + 60
    while time.time() < deadline and not commit.exists():
        time.sleep(0.005)
    time.sleep(0.02)  # into the next batch
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = whole_documents(out)
    assert done_before < N_FILES
    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert f"unchanged: {done_before}" in rerun.stdout
    assert tables(out) == clean
