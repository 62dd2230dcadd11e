"""The record of one ingest run: a JSON report per run, and the rows of the `ingest_errors` table."""
from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from .config import RUNS_DIRNAME
from .storage.delta import storage_errors


def run_name(started: datetime) -> str:
    """The run's name: in the history of the tables and as `_runs/<name>.json`."""
    return f"ingest-{started:%Y%m%dT%H%M%S%fZ}"


def error_rows(report, run_at: datetime) -> list[dict]:
    """The files that failed so far in this run, and each problem of those read only in part, as rows
    of `ingest_errors`."""
    rows = [{"source_path": str(r.path), "source_file": r.path.name, "reason": r.reason,
             "message": r.message, "run_at": run_at} for r in report.with_status("failed")]
    return rows + [{"source_path": str(r.path), "source_file": r.path.name, "reason": reason,
                    "message": message, "run_at": run_at}
                   for r in report.with_status("partial") for reason, message in r.problems]


def write_run_report(out: Path, report) -> Path:
    """Write `_runs/<run>.json`: every file and its outcome (with the traceback of an internal error)."""
    runs = Path(out) / RUNS_DIRNAME
    path = runs / f"{report.run}.json"
    body = {"run": report.run, "started_at": report.started.isoformat(),
            "finished_at": datetime.now(UTC).isoformat(),
            "stopped_by": str(report.error) if report.error else None,
            "files": [{"path": str(r.path), "status": r.status, "doc_id": r.doc_id, "reason": r.reason,
                       "message": r.message, "rows": r.rows, "warnings": r.warnings,
                       **({"traceback": r.detail} if r.detail else {})} for r in report.results]}
    with storage_errors(path):
        runs.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
