"""Compaction merges per-document files into part files without changing what the tables hold."""
from __future__ import annotations

import json
import shutil

import docx
import duckdb

from ingest.compact import JOURNAL, compact, doc_files, part_files, recover, region_slug
from ingest.pipeline import ingest

from .conftest import SAMPLES, expected

DOCX = sorted(SAMPLES.glob("*.docx"))
N_ACTIVITIES = sum(len(expected(p.stem)["activities"]) for p in DOCX)


def table(out, name: str) -> list:
    return sorted(duckdb.connect().execute(
        f"select * exclude (ingested_at) from read_parquet('{out}/{name}/**/*.parquet', hive_partitioning = true)"
        if name == "documents" else
        f"select * from read_parquet('{out}/{name}/**/*.parquet', hive_partitioning = true)").fetchall(), key=repr)


def test_compaction_keeps_every_row_and_leaves_part_files_only(tmp_path):
    ingest(DOCX, tmp_path)
    before = {t: table(tmp_path, t) for t in ("documents", "activities", "budget_lines", "proposals")}
    assert len(compact(tmp_path)) == len(DOCX)
    assert doc_files(tmp_path, "activities") == []
    assert {p.name.split("-")[1] for p in part_files(tmp_path, "activities")} == {
        region_slug(expected(p.stem)["document"]["region"]) for p in DOCX}
    assert {t: table(tmp_path, t) for t in before} == before


def test_reingesting_a_compacted_document_replaces_it_without_duplicates(tmp_path):
    ingest(DOCX, tmp_path)
    compact(tmp_path)
    report = ingest(DOCX[:1], tmp_path, force=True)
    assert report.results[0].status == "ingested"
    assert len(table(tmp_path, "documents")) == len(DOCX)
    assert len(table(tmp_path, "activities")) == N_ACTIVITIES


def test_a_changed_file_replaces_its_compacted_old_version(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(DOCX[0], src / "plan.docx")
    ingest([src], tmp_path / "out")
    compact(tmp_path / "out")
    d = docx.Document(src / "plan.docx")
    d.add_paragraph("Reviderad")
    d.save(src / "plan.docx")
    ingest([src], tmp_path / "out")
    assert len(table(tmp_path / "out", "documents")) == 1
    assert len(table(tmp_path / "out", "activities")) == 42


def test_a_compaction_cut_short_is_undone_and_a_finished_one_completed(tmp_path):
    ingest(DOCX[:2], tmp_path)
    before = table(tmp_path, "activities")
    missing = tmp_path / "activities" / "part-x-0.parquet"
    (tmp_path / JOURNAL).write_text(json.dumps({"new": [str(missing)], "old": [str(doc_files(tmp_path, "activities")[0])]}))
    recover(tmp_path)
    assert table(tmp_path, "activities") == before and not (tmp_path / JOURNAL).exists()


def test_a_large_batch_compacts_as_it_goes(tmp_path, monkeypatch):
    import ingest.pipeline as pipeline

    monkeypatch.setattr(pipeline, "COMPACT_AFTER", 2)
    files = DOCX[: len(DOCX) // 2 * 2]  # every second new document triggers a compaction
    report = ingest(files, tmp_path)
    assert report.compacted == len(files) and doc_files(tmp_path, "documents") == []
    assert len(table(tmp_path, "activities")) == sum(len(expected(p.stem)["activities"]) for p in files)
    assert len(ingest(files, tmp_path).with_status("unchanged")) == len(files)


def test_a_changed_file_whose_old_version_a_compaction_in_the_same_run_merged_is_replaced(tmp_path, monkeypatch):
    import ingest.pipeline as pipeline

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(DOCX[0], src / "plan.docx")
    ingest([src], out)  # the old version stays in per-document files
    shutil.copy(DOCX[1], src / "a.docx")  # ingested first in the next run, which then compacts
    d = docx.Document(src / "plan.docx")
    d.add_paragraph("Reviderad")
    d.save(src / "plan.docx")
    monkeypatch.setattr(pipeline, "COMPACT_AFTER", 1)
    ingest([src], out)
    assert len(table(out, "documents")) == 2
    assert len(table(out, "activities")) == 42 + 41
