"""The word lists that drive interpretation, read from the CSV files in `parsers/vocab/`.

Users extend the vocabularies by adding rows to those files; no code changes.
"""
from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def load_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The (first column, second column) rows of `vocab/<name>.csv`, header skipped."""
    text = resources.files("parsers").joinpath("vocab", f"{name}.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    return tuple((r[0].strip(), r[1].strip()) for r in rows[1:] if len(r) >= 2 and r[0].strip())


def words_for(name: str, key: str) -> tuple[str, ...]:
    """The second-column words of `vocab/<name>.csv` whose first column is `key`."""
    return tuple(w for k, w in load_pairs(name) if k == key)
