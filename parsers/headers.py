"""Map the words of a table's header row to the canonical activity fields.

Plans name their columns in many ways ("AKTIVITETSMÅL", "Syfte och mål",
"Beskrivning och mål"); the synonyms live in `vocab/headers.csv`. A header is
matched exactly first, then by the longest synonym it starts with, then
fuzzily (rapidfuzz) to absorb typos. Each field is taken once per table;
a column that maps to nothing keeps its own name and goes to `extra`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from .text import collapse
from .vocabulary import load_pairs

FUZZY_MIN = 88  # rapidfuzz ratio a header must reach to count as a misspelt synonym
BROKEN_WORD = re.compile(r"(\w)[-\u00ad]\s+(\w)")  # "SAMVERKANS- PARTER": a word broken over two lines


def header_key(text: str) -> str:
    """Header text reduced for matching: words re-joined, parentheses and punctuation dropped."""
    s = collapse(text).casefold()
    s = BROKEN_WORD.sub(r"\1\2", s)
    s = re.sub(r"\(.*?\)|\[.*?\]", " ", s)
    s = re.sub(r"[^\w/ ]+", " ", s)
    return " ".join(s.split())


@lru_cache(maxsize=None)
def synonyms() -> dict[str, str]:
    return {header_key(word): field for field, word in load_pairs("headers")}


def field_for_header(text: str) -> str | None:
    """The canonical field a header names, or None."""
    key = header_key(text)
    if not key:
        return None
    table = synonyms()
    if key in table:
        return table[key]
    prefixes = [s for s in table if len(s) >= 3 and re.match(rf"{re.escape(s)}\b", key)]
    if prefixes:
        return table[max(prefixes, key=len)]
    best = process.extractOne(key, list(table), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
    return table[best[0]] if best else None


def map_header(texts: list[str]) -> list[str]:
    """For each column, its canonical field, or `extra:<header>` for an unknown one."""
    out, taken = [], set()
    for i, text in enumerate(texts):
        field = field_for_header(text)
        if field is None or field in taken:
            out.append(f"extra:{collapse(text) or f'column_{i + 1}'}")
        else:
            taken.add(field)
            out.append(field)
    return out


def is_activity_header(texts: list[str]) -> bool:
    """A header row of an activity table names the activity and at least one more field."""
    fields = [f for f in map_header(texts) if not f.startswith("extra:")]
    return "aktivitet" in fields and len(fields) >= 2
