"""Shared test fixtures: the shipped sample corpus and its expected extraction."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "raw" / "samples"
SAMPLE_NAMES = sorted(p.name[: -len(".expected.json")] for p in SAMPLES.glob("*.expected.json"))
# every (name, format) the samples hold: most plans come as .docx and .pdf, some as PDF only
SAMPLE_FILES = [(name, fmt) for name in SAMPLE_NAMES for fmt in ("docx", "pdf")
                if (SAMPLES / f"{name}.{fmt}").exists()]


def expected(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def curated_samples(tmp_path_factory) -> Path:
    """The curated output of ingesting every shipped sample (Word and PDF) once."""
    from ingest.pipeline import ingest

    out = tmp_path_factory.mktemp("curated")
    ingest([SAMPLES], out)
    return out


def tables(out: Path, as_of=None) -> dict[str, list[tuple]]:
    """Every curated table of a snapshot as sorted rows, without the times that differ from run to run."""
    from ingest.catalog import snapshot_tables

    drop = {"documents": "ingested_at", "ingest_errors": "run_at"}
    return {name: sorted((tuple(row.values()) for row in data.drop_columns([drop[name]] if name in drop else [])
                          .to_pylist()), key=repr)
            for name, data in snapshot_tables(out, as_of).items()}


def count(out: Path, table: str, as_of=None) -> int:
    """The rows of a curated table at the latest snapshot (or `as_of`)."""
    from ingest.catalog import snapshot_tables

    return snapshot_tables(out, as_of)[table].num_rows
