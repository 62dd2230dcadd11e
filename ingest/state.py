"""What the curated tables already hold: each document's parser version and source path."""
from __future__ import annotations

from dataclasses import dataclass, field

from parsers import PARSER_VERSION

from .storage.snapshot import Snapshot


@dataclass
class CuratedState:
    """The documents of the latest snapshot: their parser version and source path."""

    versions: dict[str, str] = field(default_factory=dict)  # doc_id -> parser_version
    by_path: dict[str, str] = field(default_factory=dict)  # source_path -> doc_id

    @classmethod
    def load(cls, snap: Snapshot | None) -> CuratedState:
        state = cls()
        if snap is None:
            return state
        for row in snap.table("documents", ["doc_id", "parser_version", "source_path"]).to_pylist():
            state.versions[row["doc_id"]] = row["parser_version"]
            state.by_path[row["source_path"]] = row["doc_id"]
        return state

    def is_current(self, doc_id: str) -> bool:
        """Written before by this parser version: nothing to do."""
        return self.versions.get(doc_id) == PARSER_VERSION
