"""Paths and limits in one place. Relative paths are taken from the working directory."""
from __future__ import annotations

from pathlib import Path

import queries

RAW_DIR = Path("data/raw")
CURATED_DIR = Path("data/curated")
QUERIES_DIR = Path(queries.__file__).resolve().parent  # the named queries ship inside the package
SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".doc": "doc"}
DOC_ID_LENGTH = 16  # hex characters of the file's sha256 that name a document
TMP_DIRNAME = ".tmp"  # where a document's files are written before they are renamed into place
SOFFICE_TIMEOUT_S = 120
RUNS_DIRNAME = "_runs"  # one JSON report per ingest run
TIME_LIMIT_S = 300.0  # parsing one file may take at most this long
COMPACT_AFTER = 100  # an ingest run compacts whenever this many per-document files have gathered
MAX_PAGES = 500  # a PDF with more pages is refused (plans run to tens of pages)
