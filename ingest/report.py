"""The record of one ingest run: a JSON report per run and the `ingest_errors` table."""
from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .config import RUNS_DIRNAME, TMP_DIRNAME
from .schema import INGEST_ERRORS


def write_run_report(out: Path, report) -> Path:
    """Write `_runs/<time>.json` (every file and its outcome) and replace `ingest_errors`."""
    now = datetime.now(UTC)
    failed = report.with_status("failed")
    partial = report.with_status("partial")
    runs = out / RUNS_DIRNAME
    runs.mkdir(parents=True, exist_ok=True)
    path = runs / f"ingest-{now:%Y%m%dT%H%M%S%fZ}.json"
    body = {"finished_at": now.isoformat(), "files": [
        {"path": str(r.path), "status": r.status, "doc_id": r.doc_id, "reason": r.reason,
         "message": r.message, "rows": r.rows, "warnings": r.warnings,
         **({"traceback": r.detail} if r.detail else {})} for r in report.results]}
    path.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    rows = [{"source_path": str(r.path), "source_file": r.path.name, "reason": r.reason,
             "message": r.message, "run_at": now} for r in failed]
    rows += [{"source_path": str(r.path), "source_file": r.path.name, "reason": reason,
              "message": message, "run_at": now} for r in partial for reason, message in r.problems]
    tmp = out / TMP_DIRNAME / "ingest_errors.parquet"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=INGEST_ERRORS), tmp)
    (out / "ingest_errors").mkdir(exist_ok=True)
    os.replace(tmp, out / "ingest_errors" / "errors.parquet")
    return path
