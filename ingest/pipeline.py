"""Ingest: find plan files, parse each one, write its rows. One bad file never stops the batch."""
from __future__ import annotations

import ctypes
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from parsers import DEFAULT_PDF_ENGINE
from parsers.errors import UsageError

from .compact import compact, doc_files
from .config import COMPACT_AFTER, DOC_ID_LENGTH, MAX_PAGES, SUFFIXES, TIME_LIMIT_S
from .jobs import ParseJob, ParseOutcome, crashed, run_parse_job
from .keys import KeyRegistry
from .parallel import ordered_map
from .report import write_run_report
from .rows import document_row, plan_to_rows
from .state import CuratedLock, CuratedState, remove_leftovers
from .writer import remove_document, write_document


@dataclass
class FileResult:
    path: Path
    status: str  # ingested | partial (rows written, but read only in part) | unchanged | duplicate | failed
    doc_id: str | None = None
    rows: dict[str, int] = field(default_factory=dict)
    reason: str | None = None
    message: str | None = None
    warnings: list[str] = field(default_factory=list)
    unparsed_tid: int = 0  # activities whose timing text could not be normalised
    detail: str | None = None  # the traceback of an internal error (run report only)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (reason, message) of a partial read


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    compacted: int = 0  # documents merged from per-document files into part files during the run

    def with_status(self, *statuses: str) -> list[FileResult]:
        return [r for r in self.results if r.status in statuses]

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


@dataclass
class Batch:
    """What the files of one ingest run share."""

    out: Path
    keys: KeyRegistry = field(default_factory=KeyRegistry)
    state: CuratedState = field(default_factory=CuratedState)
    force: bool = False  # parse even files already ingested by this parser version
    seen: dict[str, Path] = field(default_factory=dict)  # doc_id -> first path with that content


@dataclass
class Triaged:
    path: Path
    sha256: str = ""
    doc_id: str = ""
    done: FileResult | None = None  # set when the file needs no parsing (duplicate, unchanged, unreadable)


def triage(path: Path, batch: Batch) -> Triaged:
    """Hash a file and decide whether it needs parsing: duplicates and unchanged files do not."""
    try:
        sha = file_sha256(path)
    except OSError as exc:
        return Triaged(path, done=FileResult(path, "failed", reason="io_error", message=str(exc)))
    doc_id = sha[:DOC_ID_LENGTH]
    if doc_id in batch.seen:
        return Triaged(path, sha, doc_id, FileResult(path, "duplicate", doc_id,
                                                     message=f"same content as {batch.seen[doc_id]}"))
    batch.seen[doc_id] = path
    if not batch.force and batch.state.is_current(doc_id):
        return Triaged(path, sha, doc_id, FileResult(path, "unchanged", doc_id))
    return Triaged(path, sha, doc_id)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(2**20):
            digest.update(chunk)
    return digest.hexdigest()


def store(item: Triaged, outcome: ParseOutcome, batch: Batch) -> FileResult:
    """Write a parsed file's rows (keys assigned here, in file order); a failure is only reported."""
    path, doc_id = item.path, item.doc_id
    if outcome.plan is None:
        return FileResult(path, "failed", reason=outcome.reason, message=outcome.message, detail=outcome.detail)
    plan = outcome.plan
    try:
        rows = plan_to_rows(plan, doc_id, batch.keys, outcome.norms)
        rows["documents"] = [document_row(plan, doc_id, item.sha256, path)]
        replaced = batch.state.by_path.get(str(path))
        if replaced and replaced != doc_id:  # the file changed since it was last ingested
            remove_document(batch.out, replaced, replaced in batch.state.compacted)
        write_document(batch.out, doc_id, rows, doc_id in batch.state.compacted)
    except OSError as exc:
        return FileResult(path, "failed", doc_id, reason="write_error", message=str(exc))
    counts = {t: len(r) for t, r in rows.items() if t != "documents"}
    unparsed = sum(1 for r in rows["activities"] if r["tid_parsed"] is False)
    problems = [(p.reason, p.message) for p in plan.partial]
    return FileResult(path, "partial" if problems else "ingested", doc_id, counts, warnings=list(plan.warnings),
                      unparsed_tid=unparsed, problems=problems,
                      reason=problems[0][0] if problems else None,
                      message="; ".join(m for _, m in problems) or None)


def release_memory() -> None:
    """Hand freed heap back to the system (glibc keeps it otherwise and a long batch creeps up)."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def ingest(paths: Iterable[Path], out: Path, password: str | None = None, force: bool = False,
           workers: int = 1, time_limit_s: float | None = TIME_LIMIT_S, max_pages: int | None = MAX_PAGES,
           on_file: Callable[[FileResult], None] | None = None, on_wait=None,
           pdf_engine: str = DEFAULT_PDF_ENGINE) -> IngestReport:
    """Ingest every plan file under `paths` into the curated tables under `out`.

    Files are parsed in `workers` processes; rows are written in file order,
    so the output is the same whatever the number of workers. `pdf_engine` is the library that
    reads PDF pages (`parsers.PDF_ENGINES`).
    """
    files = discover(paths)
    report = IngestReport()
    # Arrow's default jemalloc pool kept growing over long batches (+23 MiB from 100 to 600 plans);
    # the system allocator gives freed memory back, so peak memory stays flat.
    pa.set_memory_pool(pa.system_memory_pool())
    with CuratedLock(out, on_wait):
        state = CuratedState.load(out)
        remove_leftovers(out, state)
        batch = Batch(out, KeyRegistry.from_curated(out), state, force)
        items = [triage(path, batch) for path in files]
        jobs = [ParseJob(i.path, password, time_limit_s, max_pages, pdf_engine) for i in items if i.done is None]
        outcomes = ordered_map(run_parse_job, jobs, workers, on_crash=crashed)
        fresh = len(doc_files(out, "documents"))
        for item in items:
            result = item.done or store(item, next(outcomes), batch)
            report.results.append(result)
            fresh += result.status in ("ingested", "partial")
            if fresh >= COMPACT_AFTER:  # keep the number of small files, and the memory to merge them, bounded
                merged = compact(out)
                report.compacted += len(merged)
                batch.state.compacted.update(merged)  # old versions too: a later file may replace one
                release_memory()
                fresh = 0
            if on_file:
                on_file(result)
        write_run_report(out, report)
    return report
