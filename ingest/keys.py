"""Stable keys for "the same activity" across the plans of a region.

Activities and proposals of one region share one key space, so a proposal
and the activity it became carry the same key. The rule and thresholds are
those of `parsers.normalise.titles` (rapidfuzz; same activity at similarity >= 90).
Keys already written to the curated data are loaded first, so a title keeps
its key from run to run; new titles join the most similar known title's key,
or start their own.
"""
from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from parsers.normalise import KeyMatcher

from .storage.snapshot import Snapshot

TITLED = [("activities", "aktivitet", "activity_key"), ("proposals", "text", "proposal_key")]  # in the order met


class KeyRegistry:
    def __init__(self) -> None:
        self.matchers: dict[str | None, KeyMatcher] = {}

    def matcher(self, region: str | None) -> KeyMatcher:
        return self.matchers.setdefault(region, KeyMatcher())

    def key(self, region: str | None, title: str | None) -> str | None:
        return self.matcher(region).key(title) or None

    @classmethod
    def from_snapshot(cls, snap: Snapshot | None) -> KeyRegistry:
        """A registry that knows every (region, title, key) of the snapshot, learnt in the order first met.

        Titles are learnt as ingest met them (document by document in the
        order they were ingested, activities before proposals), so a title
        keeps the key a single run would give it.
        """
        registry = cls()
        if snap is None:
            return registry
        for region, title, key in zip(*known_titles(snap)):
            registry.matcher(region).add(title, key)
        return registry


def known_titles(snap: Snapshot) -> tuple[list, list, list]:
    """Regions, titles and keys of every keyed row, in the order ingest met them (columns, to keep memory low)."""
    docs = snap.table("documents", ["doc_id", "ingested_at"]).sort_by([("ingested_at", "ascending"),
                                                                        ("doc_id", "ascending")])
    parts = []
    for kind, (name, title, key) in enumerate(TITLED):
        rows = snap.table(name, ["doc_id", "seq", "region", title, key]).filter(pc.is_valid(pc.field(key)))
        parts.append(pa.table({"doc": pc.index_in(rows["doc_id"], docs["doc_id"]),
                               "kind": pa.array([kind] * rows.num_rows, pa.int8()), "seq": rows["seq"],
                               "region": rows["region"], "title": rows[title], "key": rows[key]}))
    met = pa.concat_tables(parts).sort_by([("doc", "ascending"), ("kind", "ascending"), ("seq", "ascending")])
    return met["region"].to_pylist(), met["title"].to_pylist(), met["key"].to_pylist()
