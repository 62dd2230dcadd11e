"""Ingest: find plan files, parse each one, write its rows. One bad file never stops the batch."""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from parsers import parse_plan
from parsers.errors import UsageError, VplanError

from .config import DOC_ID_LENGTH, SUFFIXES
from .convert import doc_to_docx_bytes
from .keys import KeyRegistry
from .report import write_run_report
from .rows import document_row, plan_to_rows
from .state import CuratedLock, CuratedState, remove_leftovers
from .writer import remove_document, write_document


@dataclass
class FileResult:
    path: Path
    status: str  # ingested | unchanged | duplicate | failed
    doc_id: str | None = None
    rows: dict[str, int] = field(default_factory=dict)
    reason: str | None = None
    message: str | None = None
    warnings: list[str] = field(default_factory=list)
    unparsed_tid: int = 0  # activities whose timing text could not be normalised


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)

    def with_status(self, status: str) -> list[FileResult]:
        return [r for r in self.results if r.status == status]

    def rows_per_table(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for r in self.results:
            for table, n in r.rows.items():
                totals[table] = totals.get(table, 0) + n
        return totals


def discover(paths: Iterable[Path]) -> list[Path]:
    """The plan files named or found (recursively) under the given paths, in a stable order."""
    found: dict[Path, None] = {}
    for path in paths:
        if not path.exists():
            raise UsageError("no such file or folder", str(path))
        candidates = sorted(path.rglob("*")) if path.is_dir() else [path]
        for p in candidates:
            if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", ".")):
                found.setdefault(p, None)
    return list(found)


def bytes_to_parse(path: Path, raw: bytes) -> tuple[bytes, str]:
    """The bytes to parse and their format; a .doc is converted to .docx first."""
    fmt = SUFFIXES[path.suffix.lower()]
    if fmt == "doc":
        return doc_to_docx_bytes(path), "docx"
    return raw, fmt


@dataclass
class Batch:
    """What the files of one ingest run share."""

    out: Path
    password: str | None = None
    keys: KeyRegistry = field(default_factory=KeyRegistry)
    state: CuratedState = field(default_factory=CuratedState)
    force: bool = False  # parse even files already ingested by this parser version
    seen: dict[str, Path] = field(default_factory=dict)  # doc_id -> first path with that content


def ingest_file(path: Path, batch: Batch) -> FileResult:
    """Parse one file and write its rows; failures come back as a result, never raised."""
    try:
        raw = path.read_bytes()
        sha = hashlib.sha256(raw).hexdigest()
        doc_id = sha[:DOC_ID_LENGTH]
        if doc_id in batch.seen:
            return FileResult(path, "duplicate", doc_id, message=f"same content as {batch.seen[doc_id]}")
        batch.seen[doc_id] = path
        if not batch.force and batch.state.is_current(doc_id):
            return FileResult(path, "unchanged", doc_id)
        data, fmt = bytes_to_parse(path, raw)
        plan = parse_plan(io.BytesIO(data), fmt, name=str(path), password=batch.password)
        rows = plan_to_rows(plan, doc_id, batch.keys)
        rows["documents"] = [document_row(plan, doc_id, sha, path)]
        replaced = batch.state.by_path.get(str(path))
        if replaced and replaced != doc_id:  # the file changed since it was last ingested
            remove_document(batch.out, replaced)
        write_document(batch.out, doc_id, rows)
        counts = {t: len(r) for t, r in rows.items() if t != "documents"}
        unparsed = sum(1 for r in rows["activities"] if r["tid_parsed"] is False)
        return FileResult(path, "ingested", doc_id, counts, warnings=list(plan.warnings), unparsed_tid=unparsed)
    except VplanError as exc:
        where = f"page {exc.page}: " if exc.page is not None else ""
        return FileResult(path, "failed", reason=exc.reason, message=where + exc.message)
    except OSError as exc:
        return FileResult(path, "failed", reason="io_error", message=str(exc))
    except Exception as exc:  # a parser bug must not stop the batch
        return FileResult(path, "failed", reason="internal_error",
                          message=f"unexpected {type(exc).__name__}: {exc}")


def ingest(paths: Iterable[Path], out: Path, password: str | None = None, force: bool = False,
           on_file: Callable[[FileResult], None] | None = None, on_wait=None) -> IngestReport:
    """Ingest every plan file under `paths` into the curated tables under `out`."""
    files = discover(paths)
    report = IngestReport()
    with CuratedLock(out, on_wait):
        state = CuratedState.load(out)
        remove_leftovers(out, state)
        batch = Batch(out, password, KeyRegistry.from_curated(out), state, force)
        for path in files:
            result = ingest_file(path, batch)
            report.results.append(result)
            if on_file:
                on_file(result)
        write_run_report(out, report)
    return report
