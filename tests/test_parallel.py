"""Worker processes: order kept, and a worker that dies costs only its own file."""
from __future__ import annotations

import os

import pytest

from ingest.parallel import ordered_map


def square_or_die(n: int) -> int:
    if n == 3:
        os._exit(1)  # a crash no Python code can catch, as in native code
    return n * n


def test_results_come_back_in_order_and_a_dying_worker_fails_only_its_item():
    results = list(ordered_map(square_or_die, range(8), workers=2, on_crash=lambda item, exc: -item))
    assert results == [0, 1, 4, -3, 16, 25, 36, 49]


def test_one_worker_runs_in_this_process():
    assert list(ordered_map(abs, [-1, 2, -3], workers=1, on_crash=None)) == [1, 2, 3]


@pytest.mark.parametrize("argv,starts", [
    (["ingest", "data/raw"], True), (["ingest", "--workers", "1"], False), (["ingest", "-w", "1"], False),
    (["ingest", "--workers=1"], False), (["ingest", "--workers", "4"], True), (["query", "x"], False), ([], False),
])
def test_the_workers_server_starts_first_only_for_an_ingest_with_workers(argv, starts, monkeypatch):
    from ingest.launch import parses_in_workers
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert parses_in_workers(argv) is starts
