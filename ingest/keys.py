"""Stable keys for "the same activity" across the plans of a region.

Activities and proposals of one region share one key space, so a proposal
and the activity it became carry the same key. The rule and thresholds are
those of `parsers.norm_titles` (rapidfuzz; same activity at similarity >= 90).
Keys already written to the curated data are loaded first, so a title keeps
its key from run to run; new titles join the most similar known title's key,
or start their own.
"""
from __future__ import annotations

import duckdb

from parsers.normalise import KeyMatcher

from .storage.snapshot import Snapshot

KNOWN_TITLES = """
select region, title, key from (
    select d.ingested_at, doc_id, 0 as kind, a.seq, a.region, a.aktivitet as title, a.activity_key as key
    from activities a join documents d using (doc_id)
    union all
    select d.ingested_at, doc_id, 1 as kind, p.seq, p.region, p.text, p.proposal_key
    from proposals p join documents d using (doc_id)
) where key is not null
order by ingested_at, doc_id, kind, seq
"""


class KeyRegistry:
    def __init__(self) -> None:
        self.matchers: dict[str | None, KeyMatcher] = {}

    def matcher(self, region: str | None) -> KeyMatcher:
        return self.matchers.setdefault(region, KeyMatcher())

    def key(self, region: str | None, title: str | None) -> str | None:
        return self.matcher(region).key(title) or None

    @classmethod
    def from_snapshot(cls, snap: Snapshot | None) -> "KeyRegistry":
        """A registry that knows every (region, title, key) of the snapshot, learnt in the order first given.

        Titles are learnt as ingest met them (document by document, activities
        before proposals), so a title keeps the key a single run would give it.
        """
        registry = cls()
        if snap is None:
            return registry
        con = duckdb.connect()
        for name in ("documents", "activities", "proposals"):
            con.register(name, snap.table(name))
        for region, text, k in con.execute(KNOWN_TITLES).fetchall():
            registry.matcher(region).add(text, k)
        return registry
