"""The curated tables on Delta Lake: batches, replace by doc_id, optimize, vacuum, history and time travel."""
from __future__ import annotations

import shutil
from datetime import UTC, datetime

import docx
import pytest
from deltalake import DeltaTable

from ingest.pipeline import ingest
from ingest.queries import run_query
from ingest.storage.delta import OTHER_TABLES
from ingest.storage.maintenance import file_count, history, optimize, vacuum
from ingest.storage.snapshot import batch_record, history_of

from .conftest import SAMPLES, count, expected, tables

DOCX = sorted(SAMPLES.glob("*.docx"))


def revise(path, words: str = "Reviderad") -> None:
    """Change a Word plan's content (and so its doc_id) without changing its tables."""
    d = docx.Document(path)
    d.add_paragraph(words)
    d.save(path)


def one_plan_ingested(tmp_path, name: str):
    """An input folder holding one sample plan as `name`, and the output of ingesting it."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(DOCX[0], src / name)
    ingest([src], out)
    return src, out


def records(out) -> list[dict]:
    """vplan's batch records on documents, oldest first."""
    return [batch_record(e) | {"version": e["version"]} for e in reversed(history_of(out)) if batch_record(e)]


def sample_activities(paths) -> int:
    """How many activities the sample plans at `paths` hold, by their expected extraction."""
    return sum(len(expected(p.stem)["activities"]) for p in paths)


def test_a_run_commits_every_n_documents_each_table_once_and_documents_last(tmp_path):
    report = ingest(DOCX, tmp_path, commit_every=2)
    sizes = [min(2, len(DOCX) - i) for i in range(0, len(DOCX), 2)]
    assert report.commits == len(sizes)
    batches = records(tmp_path)
    assert [len(r["added"]) for r in batches] == sizes
    for name in OTHER_TABLES:  # one commit per table per batch; documents records the version of each
        assert [r["versions"][name] for r in batches] == list(range(len(sizes)))
        assert DeltaTable(str(tmp_path / name)).version() == len(sizes) - 1
    assert count(tmp_path, "activities") == sample_activities(DOCX)


def test_reingesting_replaces_a_documents_rows_by_doc_id(tmp_path):
    ingest(DOCX, tmp_path)
    before = tables(tmp_path)
    report = ingest(DOCX[:2], tmp_path, force=True)
    assert [r.status for r in report.results] == ["ingested", "ingested"]
    assert tables(tmp_path) == before
    assert len(records(tmp_path)[-1]["replaced"]) == 2


def test_a_changed_file_replaces_its_old_version_in_the_same_commit(tmp_path):
    src, out = one_plan_ingested(tmp_path, "plan.docx")
    old = run_query("select doc_id from documents", out).doc_id.tolist()
    revise(src / "plan.docx")
    ingest([src], out)
    last = records(out)[-1]
    assert last["removed"] == old and len(last["added"]) == 1
    assert count(out, "documents") == 1 and count(out, "activities") == 42


def test_content_that_moved_to_another_file_is_kept(tmp_path):
    src, out = one_plan_ingested(tmp_path, "a.docx")
    shutil.copy(DOCX[0], src / "b.docx")  # a's old content now lives in b
    revise(src / "a.docx")
    ingest([src], out)
    assert count(out, "documents") == 2 and count(out, "activities") == 84


def test_as_of_answers_with_the_snapshot_before_a_reimport(tmp_path):
    src, out = one_plan_ingested(tmp_path, "plan.docx")
    before = run_query("select doc_id, title from documents", out)
    version = int(history(out).version.max())
    moment = datetime.now().isoformat()  # local time, to the microsecond
    revise(src / "plan.docx")
    shutil.copy(DOCX[1], src / "other.docx")
    ingest([src], out)
    after = run_query("select doc_id, title from documents", out)
    assert len(after) == 2 and set(after.doc_id) != set(before.doc_id)
    for as_of in (version, str(version), moment):
        assert run_query("select doc_id, title from documents", out, as_of=as_of).equals(before)


def test_a_time_given_to_the_second_takes_in_that_whole_second():
    from ingest.storage.snapshot import parse_as_of

    assert parse_as_of("2024-05-01T12:00:00+00:00") == datetime(2024, 5, 1, 12, 0, 0, 999_999, UTC)
    assert parse_as_of("2024-05-01T12:00:00.5+00:00").microsecond == 500_000
    assert parse_as_of("2024-05-01") == datetime(2024, 5, 1).astimezone(UTC)
    assert parse_as_of("12") == 12


def test_optimize_merges_small_files_and_keeps_every_row(tmp_path):
    ingest(DOCX, tmp_path, commit_every=1)
    before = tables(tmp_path)
    assert file_count(tmp_path) == len(DOCX)
    assert optimize(tmp_path) > 0
    assert file_count(tmp_path) == 1 and file_count(tmp_path, "activities") == 1
    assert tables(tmp_path) == before
    assert records(tmp_path)[-1]["operation"] == "optimize"


def test_a_large_run_optimizes_as_it_goes(tmp_path, monkeypatch):
    import ingest.pipeline as pipeline

    monkeypatch.setattr(pipeline, "OPTIMIZE_FILES", 2)
    report = ingest(DOCX, tmp_path, commit_every=1)
    assert report.optimized > 0 and file_count(tmp_path) <= 3
    assert count(tmp_path, "activities") == sample_activities(DOCX)
    assert len(ingest(DOCX, tmp_path).with_status("unchanged")) == len(DOCX)


def test_vacuum_deletes_only_files_no_kept_snapshot_needs(tmp_path):
    ingest(DOCX, tmp_path, commit_every=2)
    ingest(DOCX[:1], tmp_path, force=True)
    optimize(tmp_path)
    before = tables(tmp_path)
    assert vacuum(tmp_path, 168) == 0  # everything is younger than a week
    assert vacuum(tmp_path, 0) > 0
    assert tables(tmp_path) == before
    assert file_count(tmp_path, "activities") == len(list((tmp_path / "activities").glob("*.parquet")))


def test_as_of_a_vacuumed_version_says_so(tmp_path):
    from parsers.errors import UsageError

    ingest(DOCX[:1], tmp_path)
    ingest(DOCX[:1], tmp_path, force=True)
    vacuum(tmp_path, 0)
    with pytest.raises(UsageError, match="vacuum"):
        run_query("select count(*) from activities", tmp_path, as_of=0)


def test_history_shows_each_version_with_its_run_files_and_documents(tmp_path):
    ingest(DOCX[:3], tmp_path, commit_every=2)
    ingest(DOCX[:1], tmp_path, force=True)
    frame = history(tmp_path)
    assert frame.version.tolist() == [2, 1, 0]
    assert frame.operation.tolist() == ["ingest"] * 3
    assert frame[["files", "added", "replaced", "removed"]].values.tolist() == [[1, 0, 1, 0], [1, 1, 0, 0],
                                                                                 [2, 2, 0, 0]]
    assert frame.run.nunique() == 2 and (tmp_path / "_runs" / f"{frame.run[0]}.json").exists()


@pytest.mark.parametrize("as_of,words", [("7", "no such version"), ("1999-01-01", "nothing was committed"),
                                         ("last week", "a version number")])
def test_a_bad_as_of_is_a_usage_error(tmp_path, as_of, words):
    from parsers.errors import UsageError

    ingest(DOCX[:1], tmp_path)
    with pytest.raises(UsageError, match=words):
        run_query("select 1", tmp_path, as_of=as_of)


def test_a_rerun_over_unchanged_files_commits_nothing(tmp_path):
    ingest(DOCX[:2], tmp_path)
    report = ingest(DOCX[:2], tmp_path)
    assert report.commits == 0 and len(history(tmp_path)) == 1


def test_ingest_errors_lists_the_latest_runs_failures_only(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(DOCX[0], src / "good.docx")
    (src / "bad.docx").write_text("not a word file")
    ingest([src], tmp_path / "out")
    assert run_query("select source_file, reason from ingest_errors", tmp_path / "out").values.tolist() == [
        ["bad.docx", "unsupported_format"]]
    (src / "bad.docx").unlink()
    ingest([src], tmp_path / "out")
    assert count(tmp_path / "out", "ingest_errors") == 0


def test_a_column_added_to_the_schema_joins_the_existing_tables(tmp_path, monkeypatch):
    import pyarrow as pa

    from ingest.storage.delta import SCHEMAS

    ingest(DOCX[:1], tmp_path)
    monkeypatch.setitem(SCHEMAS, "documents", SCHEMAS["documents"].append(pa.field("reviewed_by", pa.string())))
    ingest(DOCX[1:2], tmp_path)
    assert run_query("select count(*) as n from documents where reviewed_by is null", tmp_path).n[0] == 2
    assert "reviewed_by" in run_query("select * from documents", tmp_path, as_of=0).columns


def test_a_reader_pins_the_versions_recorded_by_the_documents_version_it_loaded(tmp_path, monkeypatch):
    """A batch committed after the reader loaded documents is not mixed in (delta-rs's history() would
    number the newer commit as the loaded version)."""
    import ingest.storage.snapshot as snapshot_module

    ingest(DOCX[:4], tmp_path, commit_every=2)
    monkeypatch.setattr(snapshot_module, "latest_version", lambda path: 0)  # loaded before the second batch
    snap = snapshot_module.snapshot(tmp_path)
    assert snap.version == 0 and snap.versions["activities"] == 0
    assert count(tmp_path, "documents") == 2
