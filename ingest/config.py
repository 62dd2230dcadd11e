"""Paths and limits in one place. Relative paths are taken from the working directory."""
from __future__ import annotations

from pathlib import Path

import queries

RAW_DIR = Path("data/raw")
CURATED_DIR = Path("data/curated")
QUERIES_DIR = Path(queries.__file__).resolve().parent  # the named queries ship inside the package
SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".doc": "doc"}
DOC_ID_LENGTH = 16  # hex characters of the file's sha256 that name a document
SOFFICE_TIMEOUT_S = 120
RUNS_DIRNAME = "_runs"  # one JSON report per ingest run
TIME_LIMIT_S = 300.0  # parsing one file may take at most this long
COMMIT_EVERY = 100  # an ingest run commits its documents in batches of this many (and at the end)
OPTIMIZE_FILES = 8  # an ingest run optimizes the tables once documents holds more data files than this
VACUUM_RETAIN_HOURS = 168  # vplan vacuum keeps the files of the snapshots of the last week
MAX_PAGES = 500  # a PDF with more pages is refused (plans run to tens of pages)
