"""Map a function over items in worker processes, yielding results in the items' order.

A worker that dies (a crash in native code, the kernel's OOM killer) breaks a
process pool and every job in it. Then each job in flight is run again alone,
so the one that kills its worker is told apart (`on_crash` gives its result)
and the others go on in a fresh pool.

Workers are started with "forkserver", so a script that calls this must
guard its entry point with `if __name__ == "__main__":`, as multiprocessing
requires.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import forkserver
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
AHEAD_PER_WORKER = 4  # jobs in flight per worker: enough to keep them busy, few enough to bound memory
TASKS_PER_WORKER = 50  # a worker is replaced after this many files, so what a parser caches cannot pile up


PRELOAD = ["parsers", "parsers.pdf.reader", "parsers.docx_reader", "parsers.normalise", "ingest.jobs",
           "ingest.worker_start"]


def server_context():
    """The forkserver context, its server set to import the parsers before it forks a worker."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_server() -> None:
    """Start the workers' server now, so that its imports overlap with this process's own
    (a pool started later uses the same server)."""
    server_context()
    forkserver.ensure_running()


def new_pool(workers: int) -> ProcessPoolExecutor:
    """A pool whose workers fork from a server that has already imported the parsers."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=server_context(),
                               max_tasks_per_child=TASKS_PER_WORKER)


def run_alone(fn: Callable[[T], R], item: T, on_crash: Callable[[T, Exception], R]) -> R:
    """`fn(item)` in a worker of its own; `on_crash` when that worker dies."""
    with new_pool(1) as pool:
        try:
            return pool.submit(fn, item).result()
        except BrokenProcessPool as exc:
            return on_crash(item, exc)


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int,
                on_crash: Callable[[T, Exception], R]) -> Generator[R, None, None]:
    """`map(fn, items)` in `workers` processes (in this process when workers <= 1), order kept."""
    if workers <= 1:
        yield from map(fn, items)
        return
    pool = new_pool(workers)
    pending: deque = deque()
    try:
        for item in items:
            pending.append((item, pool.submit(fn, item)))
            while len(pending) >= workers * AHEAD_PER_WORKER:
                result, pool = next_result(fn, pending, pool, workers, on_crash)
                yield result
        while pending:
            result, pool = next_result(fn, pending, pool, workers, on_crash)
            yield result
    finally:
        pool.shutdown(cancel_futures=True)


def next_result(fn, pending: deque, pool: ProcessPoolExecutor, workers: int, on_crash):
    """The oldest job's result, and the pool to go on with (a fresh one if this one broke)."""
    item, future = pending.popleft()
    try:
        return future.result(), pool
    except BrokenProcessPool:
        pool.shutdown(cancel_futures=True)
        pool = new_pool(workers)
        for i, (other, _) in enumerate(pending):
            pending[i] = (other, pool.submit(fn, other))
        return run_alone(fn, item, on_crash), pool
