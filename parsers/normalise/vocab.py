"""Shared helpers of the normalisers: the packaged CSV vocabularies and word splitting.

Vocabularies live in `parsers/vocab/*.csv` (UTF-8, header row first, `#` lines
ignored) so that users can extend them without touching code.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from functools import cache
from importlib import resources

WORD = re.compile(r"[^\W_]+")
DASHES = re.compile("[\u2010-\u2015\u2212]")


@cache
def vocab_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The data rows (header skipped, cells stripped) of the packaged `vocab/<name>`."""
    text = resources.files("parsers").joinpath("vocab", name).read_text(encoding="utf-8")
    rows = csv.reader(io.StringIO(text))
    next(rows, None)
    return tuple(
        tuple(cell.strip() for cell in row)
        for row in rows
        if row and row[0].strip() and not row[0].lstrip().startswith("#")
    )


def fold(text: str | None) -> str:
    """NFC, case-folded text with dashes made '-' and runs of white space one space."""
    if not text:
        return ""
    return " ".join(DASHES.sub("-", unicodedata.normalize("NFC", text)).casefold().split())


def words(text: str | None) -> list[str]:
    """The case-folded words (runs of letters and digits) of a text."""
    return WORD.findall(fold(text))


def word_spans(text: str | None) -> list[tuple[str, int]]:
    """The case-folded words of a text with the offset where each starts (in `fold(text)`)."""
    return [(m.group(), m.start()) for m in WORD.finditer(fold(text))]
