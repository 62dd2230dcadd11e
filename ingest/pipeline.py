"""Ingest: find plan files, parse each one, commit their rows in batches. One bad file never stops the batch."""
from __future__ import annotations

import ctypes
import hashlib
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

from parsers import DEFAULT_PDF_ENGINE
from parsers.errors import StorageError, UsageError

from .config import COMMIT_EVERY, DOC_ID_LENGTH, MAX_PAGES, OPTIMIZE_FILES, SUFFIXES, TIME_LIMIT_S
from .jobs import ParseJob, ParseOutcome, crashed, run_parse_job
from .keys import KeyRegistry
from .parallel import ordered_map
from .report import error_rows, run_name, write_run_report
from .rows import document_row, plan_to_rows
from .state import CuratedState
from .storage.commit import BatchWriter, restore_uncommitted
from .storage.lock import CuratedLock
from .storage.maintenance import file_count, optimize
from .storage.migrate import migrate
from .storage.snapshot import snapshot


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
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    commits: int = 0  # batches committed
    optimized: int = 0  # files the run's own optimizations rewrote
    restored: list[str] = field(default_factory=list)  # tables put back to the last commit (a run died mid-batch)
    migrated: int | None = None  # documents converted from the Parquet layout of an earlier vplan
    error: StorageError | None = None  # what stopped the run: the disk is full, the folder read-only …

    @property
    def run(self) -> str:
        return run_name(self.started)

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
    writer: BatchWriter  # the documents of the batch in progress, committed together
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
    """Add a parsed file's rows to the batch (keys assigned here, in file order); a failure is only reported.

    A file whose content changed since it was last ingested takes its old
    version's rows out in the same commit, unless that content is still in
    this run under another name.
    """
    path, doc_id = item.path, item.doc_id
    if outcome.plan is None:
        return FileResult(path, "failed", reason=outcome.reason, message=outcome.message, detail=outcome.detail)
    plan = outcome.plan
    try:
        rows = plan_to_rows(plan, doc_id, batch.keys, outcome.norms)
        rows["documents"] = [document_row(plan, doc_id, item.sha256, path)]
    except OSError as exc:
        return FileResult(path, "failed", doc_id, reason="io_error", message=str(exc))
    replaced = batch.state.by_path.get(str(path))
    if replaced and replaced != doc_id and replaced not in batch.seen:
        batch.writer.remove(replaced)
    batch.writer.add(doc_id, rows)
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


def commit_batch(batch: Batch, report: IngestReport) -> None:
    """Commit the batch; optimize the tables once they hold many small files."""
    batch.writer.commit(error_rows(report, report.started))
    report.commits += 1
    if file_count(batch.out) > OPTIMIZE_FILES:  # keep the number of small files, and so query time, bounded
        report.optimized += optimize(batch.out, report.run)
    release_memory()


def open_output(out: Path, report: IngestReport, force: bool, on_note: Callable[[str], None] | None) -> Batch:
    """Convert an earlier layout, undo a batch a dead run left half-committed, and load what is there."""
    report.migrated = migrate(out, on_note)
    report.restored = restore_uncommitted(out)
    if report.restored and on_note:
        on_note(f"an earlier run stopped mid-batch: {', '.join(report.restored)} put back to the last commit")
    snap = snapshot(out)
    state = CuratedState.load(snap)
    batch = Batch(out, BatchWriter(out, report.run, set(state.versions)), KeyRegistry.from_snapshot(snap),
                  state, force)
    release_memory()
    return batch


def ingest(paths: Iterable[Path], out: Path, password: str | None = None, force: bool = False,
           workers: int = 1, time_limit_s: float | None = TIME_LIMIT_S, max_pages: int | None = MAX_PAGES,
           commit_every: int = COMMIT_EVERY, on_file: Callable[[FileResult], None] | None = None,
           on_wait=None, on_note: Callable[[str], None] | None = None,
           pdf_engine: str = DEFAULT_PDF_ENGINE) -> IngestReport:
    """Ingest every plan file under `paths` into the curated tables under `out`. `pdf_engine` is
    the library that reads PDF pages (`parsers.PDF_ENGINES`).

    Files are parsed in `workers` processes; rows are committed in file
    order, `commit_every` documents at a time, so the tables are the same
    whatever the number of workers. An error of the output folder itself
    (full disk, read-only, no permission) stops the run: it is in
    `report.error`, and nothing of the batch in progress is committed.
    """
    files = discover(paths)
    report = IngestReport()
    # Arrow's default jemalloc pool kept growing over long batches (+23 MiB from 100 to 600 plans);
    # the system allocator gives freed memory back, so peak memory stays flat.
    pa.set_memory_pool(pa.system_memory_pool())
    with CuratedLock(out, on_wait):
        try:
            batch = open_output(out, report, force, on_note)
            items = [triage(path, batch) for path in files]
            jobs = [ParseJob(i.path, password, time_limit_s, max_pages, pdf_engine) for i in items if i.done is None]
            with closing(ordered_map(run_parse_job, jobs, workers, on_crash=crashed)) as outcomes:
                for item in items:
                    result = item.done or store(item, next(outcomes), batch)
                    report.results.append(result)
                    batch.writer.files += 1
                    if batch.writer.pending >= commit_every:
                        commit_batch(batch, report)
                    if on_file:
                        on_file(result)
            if needs_final_commit(batch, report):
                commit_batch(batch, report)
        except StorageError as exc:
            report.error = exc
            undo_batch(out)
        try:
            write_run_report(out, report)
        except StorageError:
            if not report.error:  # else the error that stopped the run is the one to tell
                raise
    return report


def needs_final_commit(batch: Batch, report: IngestReport) -> bool:
    """Documents are waiting, or ingest_errors does not yet list exactly this run's failures and
    partial reads."""
    failed = len(error_rows(report, report.started))
    if batch.writer.pending or batch.writer.commits:
        return batch.writer.pending > 0 or failed != batch.writer.errors_committed
    snap = snapshot(batch.out)
    return failed > 0 or (snap is not None and snap.table("ingest_errors").num_rows > 0)


def undo_batch(out: Path) -> None:
    """Put the tables back to the last commit now; if that fails too, the next run does it."""
    try:
        restore_uncommitted(out)
    except StorageError:
        pass
