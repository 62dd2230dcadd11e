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
