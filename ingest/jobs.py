"""The part of ingest that runs in a worker: read one file and parse it, within a time limit."""
from __future__ import annotations

import gc
import io
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from parsers import DEFAULT_PDF_ENGINE, parse_plan
from parsers.errors import TimeLimitError, VplanError, internal_error
from parsers.normalise import activity_norms
from parsers.records import ParsedPlan

from .config import SUFFIXES
from .convert import doc_to_docx_bytes


@dataclass
class ParseJob:
    path: Path
    password: str | None = None
    time_limit_s: float | None = None
    max_pages: int | None = None
    pdf_engine: str = DEFAULT_PDF_ENGINE  # the library that reads a PDF's pages


@dataclass
class ParseOutcome:
    path: Path
    plan: ParsedPlan | None = None
    norms: list[dict] | None = None  # the normalised columns of each activity, computed in the worker
    reason: str | None = None  # set when parsing failed
    message: str | None = None
    detail: str | None = None  # the traceback of an internal error, for the run report


@contextmanager
def time_limit(seconds: float | None, name: str):
    """Raise TimeLimitError in this (main) thread when the block runs longer than `seconds`."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TimeLimitError(f"parsing took longer than {seconds:g} s: refused", name)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector paused: parsing makes hundreds of thousands of small
    objects without cycles, and collecting among them finds nothing (a few % of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def bytes_to_parse(path: Path) -> tuple[bytes, str]:
    """The bytes to parse and their format; a .doc is converted to .docx first."""
    fmt = SUFFIXES[path.suffix.lower()]
    if fmt == "doc":
        return doc_to_docx_bytes(path), "docx"
    return path.read_bytes(), fmt


def run_parse_job(job: ParseJob) -> ParseOutcome:
    """Parse one file; every failure comes back as a reason and a message, never raised."""
    try:
        with time_limit(job.time_limit_s, str(job.path)), collector_paused():
            data, fmt = bytes_to_parse(job.path)
            plan = parse_plan(io.BytesIO(data), fmt, name=str(job.path), password=job.password,
                              max_pages=job.max_pages, pdf_engine=job.pdf_engine)
        return ParseOutcome(job.path, plan, [activity_norms(a) for a in plan.activities])
    except VplanError as exc:
        where = f"page {exc.page}: " if exc.page is not None else ""
        return ParseOutcome(job.path, reason=exc.reason, message=where + exc.message,
                            detail=getattr(exc, "detail", None))
    except OSError as exc:
        return ParseOutcome(job.path, reason="io_error", message=str(exc))
    except RecursionError:
        return ParseOutcome(job.path, reason="corrupt_file", message="the file nests too deeply to read")
    except MemoryError:
        return ParseOutcome(job.path, reason="too_large", message="the file needs more memory than is available")
    except Exception as exc:  # a parser bug must not stop the batch
        error = internal_error(exc)
        return ParseOutcome(job.path, reason=error.reason, message=error.message, detail=error.detail)


def crashed(job: ParseJob, exc: Exception) -> ParseOutcome:
    """The outcome of a job whose worker process died while parsing it."""
    return ParseOutcome(job.path, reason="worker_crashed",
                        message=f"the parsing process died ({type(exc).__name__}); the file may be damaged")
