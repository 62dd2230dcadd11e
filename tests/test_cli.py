"""The `vplan` command line, run as a user runs it."""
from __future__ import annotations

import shutil
import subprocess
import sys

import duckdb
import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.schema import TABLES

from .conftest import ROOT, SAMPLES, count, tables

runner = CliRunner()
DOCX = sorted(SAMPLES.glob("*.docx"))


def test_ingest_writes_every_table_as_a_delta_table(tmp_path):
    from deltalake import DeltaTable

    result = runner.invoke(app, ["ingest", *map(str, DOCX[:2]), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for table in TABLES:
        assert DeltaTable(str(tmp_path / table)).to_pyarrow_table().num_rows == count(tmp_path, table) > 0
    assert "activities: 83 rows" in result.output


def test_reingesting_a_file_replaces_its_rows(tmp_path):
    for _ in range(2):
        assert runner.invoke(app, ["ingest", str(DOCX[0]), "--out", str(tmp_path)]).exit_code == 0
    assert count(tmp_path, "documents") == 1
    assert count(tmp_path, "activities") == 42


def test_byte_identical_copy_under_another_name_is_one_document(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(DOCX[0], src / "a.docx")
    shutil.copy(DOCX[0], src / "kopia av a.docx")
    result = runner.invoke(app, ["ingest", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert count(tmp_path / "out", "documents") == 1
    assert "duplicates: 1" in result.output


def test_a_failing_file_gives_exit_code_1_and_the_rest_are_written(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(DOCX[0], src / "good.docx")
    (src / "bad.docx").write_text("not a word file")
    result = runner.invoke(app, ["ingest", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "bad.docx" in result.output and "unsupported_format" in result.output
    assert count(tmp_path / "out", "documents") == 1


@pytest.mark.parametrize("args", [["ingest", "/no/such/folder"], ["ingest", "--no-such-option"], ["nosuchcommand"]])
def test_usage_errors_give_exit_code_2(args):
    assert runner.invoke(app, args).exit_code == 2


@pytest.mark.parametrize("command", [[], ["ingest"], ["query"]])
def test_every_command_has_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_query_prints_a_result(tmp_path):
    runner.invoke(app, ["ingest", str(DOCX[0]), "--out", str(tmp_path)])
    result = runner.invoke(app, ["query", "select count(*) as n from activities", "--curated", str(tmp_path)])
    assert result.exit_code == 0 and "42" in result.output


def test_runs_as_python_dash_m_ingest():
    result = subprocess.run([sys.executable, "-m", "ingest", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "ingest" in result.stdout


def test_rows_are_identical_whatever_the_number_of_workers(tmp_path):
    from ingest.pipeline import ingest

    ingest(DOCX, tmp_path / "one", workers=1)
    ingest(DOCX, tmp_path / "two", workers=2)
    assert tables(tmp_path / "one")["activities"] == tables(tmp_path / "two")["activities"]


def test_a_file_over_the_time_limit_fails_and_the_batch_goes_on(tmp_path):
    from ingest.pipeline import ingest

    report = ingest(DOCX[:2], tmp_path, time_limit_s=1e-6)
    assert {r.reason for r in report.results} == {"time_limit"}
    assert "longer than" in report.results[0].message


def test_ingesting_the_same_inputs_twice_gives_identical_tables(tmp_path):
    from ingest.pipeline import ingest

    ingest(DOCX, tmp_path)
    first = tables(tmp_path)
    ingest(DOCX, tmp_path, force=True)
    assert tables(tmp_path) == first


def test_a_second_ingest_on_the_same_output_waits_for_the_first(tmp_path):
    import threading

    from ingest.pipeline import ingest
    from ingest.storage.lock import CuratedLock

    waited = threading.Event()
    with CuratedLock(tmp_path):
        worker = threading.Thread(target=ingest, args=([DOCX[0]], tmp_path),
                                  kwargs={"on_wait": lambda lock: waited.set()})
        worker.start()
        assert waited.wait(10)
        assert not (tmp_path / "documents").exists()  # nothing written while the first run holds the lock
    worker.join(60)
    assert count(tmp_path, "documents") == 1


def test_query_as_of_runs_on_an_earlier_version_and_a_bad_one_is_a_usage_error(tmp_path):
    runner.invoke(app, ["ingest", str(DOCX[0]), "--out", str(tmp_path)])
    runner.invoke(app, ["ingest", str(DOCX[1]), "--out", str(tmp_path)])
    sql = "select count(*) as n from documents"
    assert "│ 1 " in runner.invoke(app, ["query", sql, "--curated", str(tmp_path), "--as-of", "0"]).output
    assert "│ 2 " in runner.invoke(app, ["query", sql, "--curated", str(tmp_path)]).output
    bad = runner.invoke(app, ["query", sql, "--curated", str(tmp_path), "--as-of", "5"])
    assert bad.exit_code == 2 and "no such version" in bad.output


def test_history_lists_the_versions(tmp_path):
    runner.invoke(app, ["ingest", *map(str, DOCX[:3]), "--out", str(tmp_path), "--commit-every", "2"])
    result = runner.invoke(app, ["history", "--curated", str(tmp_path), "--format", "csv"])
    lines = result.output.splitlines()
    assert result.exit_code == 0 and lines[0] == "version,time,operation,run,files,added,replaced,removed"
    assert [line.split(",")[0] for line in lines[1:]] == ["1", "0"]


def test_optimize_and_vacuum_keep_the_rows(tmp_path):
    runner.invoke(app, ["ingest", *map(str, DOCX), "--out", str(tmp_path), "--commit-every", "1"])
    before = tables(tmp_path)
    result = runner.invoke(app, ["optimize", "--out", str(tmp_path)])
    assert result.exit_code == 0 and "small files merged" in result.output
    result = runner.invoke(app, ["vacuum", "--out", str(tmp_path), "--retain", "0"])
    assert result.exit_code == 0 and "files deleted" in result.output
    assert tables(tmp_path) == before


@pytest.mark.parametrize("fmt", ["parquet", "duckdb"])
def test_export_writes_a_plain_snapshot(tmp_path, fmt):
    runner.invoke(app, ["ingest", *map(str, DOCX[:2]), "--out", str(tmp_path / "out")])
    result = runner.invoke(app, ["export", "--to", str(tmp_path / "plain"), "--format", fmt,
                                 "--curated", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    if fmt == "parquet":
        assert sorted(p.name for p in (tmp_path / "plain").iterdir()) == sorted(f"{t}.parquet" for t in
                                                                               [*TABLES, "ingest_errors"])
        con = duckdb.connect()
        n = con.execute(f"select count(*) from '{tmp_path / 'plain' / 'activities.parquet'}'").fetchone()[0]
    else:
        con = duckdb.connect(str(tmp_path / "plain" / "vplan.duckdb"), read_only=True)
        n = con.execute("select count(*) from plan_activities").fetchone()[0]
    assert n == 83


def test_sql_writes_a_database_file_of_real_tables_that_opens_without_the_curated_folder(tmp_path):
    runner.invoke(app, ["ingest", str(DOCX[0]), "--out", str(tmp_path / "out")])
    result = runner.invoke(app, ["sql", "--curated", str(tmp_path / "out")])
    assert result.exit_code == 0
    shutil.move(tmp_path / "out" / "vplan.duckdb", tmp_path / "moved.duckdb")
    shutil.rmtree(tmp_path / "out")
    con = duckdb.connect(str(tmp_path / "moved.duckdb"), read_only=True)
    kinds = dict(con.execute("select table_name, table_type from information_schema.tables").fetchall())
    assert kinds["activities"] == "BASE TABLE" and kinds["plans"] == "VIEW"
    assert con.execute("select count(*) from activities").fetchone()[0] == 42
