"""Stable keys for "the same activity" across the plans of a region.

Activities and proposals of one region share one key space, so a proposal
and the activity it became carry the same key. The rule and thresholds are
those of `parsers.normalise.titles` (rapidfuzz; same activity at similarity >= 90).
Keys already written to the curated data are loaded first, so a title keeps
its key from run to run; new titles join the most similar known title's key,
or start their own.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from parsers.normalise import KeyMatcher

from .catalog import table_glob


class KeyRegistry:
    def __init__(self) -> None:
        self.matchers: dict[str | None, KeyMatcher] = {}

    def matcher(self, region: str | None) -> KeyMatcher:
        return self.matchers.setdefault(region, KeyMatcher())

    def key(self, region: str | None, title: str | None) -> str | None:
        return self.matcher(region).key(title) or None

    @classmethod
    def from_curated(cls, out: Path) -> KeyRegistry:
        """A registry that knows every (region, title, key) already in the curated tables."""
        registry = cls()
        for table, title, key in (("activities", "aktivitet", "activity_key"), ("proposals", "text", "proposal_key")):
            if not any((out / table).glob("**/*.parquet")):
                continue
            path = table_glob(out, table).replace("'", "''")
            rows = duckdb.connect().execute(
                f"select distinct region, {title}, {key} from read_parquet('{path}', union_by_name = true) "
                f"where {key} is not null order by all").fetchall()
            for region, text, k in rows:
                registry.matcher(region).add(text, k)
        return registry
