"""Map the words of a table's header row to the canonical activity fields.

Plans name their columns in many ways ("AKTIVITETSMÅL", "Syfte och mål",
"Beskrivning och mål"); the synonyms live in `vocab/headers.csv`. A header is
matched exactly first, then by the longest synonym it starts with, then
fuzzily (rapidfuzz) to absorb typos, and last by the one field whose word it
contains ("Planerat genomförande", "Vem ansvarar", "Tidsperiod": a word, or
the end of a compound). Each field is taken once per table; a column that
maps to nothing keeps its own name and goes to `extra`.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from .text import collapse
from .vocabulary import load_pairs

FUZZY_MIN = 88  # rapidfuzz ratio a header must reach to count as a misspelt synonym
MIN_COMPOUND_TAIL = 5  # a synonym this long may end a compound word of the header
BROKEN_WORD = re.compile(r"(\w)[-\u00ad]\s+(\w)")  # "SAMVERKANS- PARTER": a word broken over two lines


def header_key(text: str) -> str:
    """Header text reduced for matching: words re-joined, parentheses and punctuation dropped."""
    s = collapse(text).casefold()
    s = BROKEN_WORD.sub(r"\1\2", s)
    s = re.sub(r"\(.*?\)|\[.*?\]", " ", s)
    s = re.sub(r"[^\w/ ]+", " ", s)
    return " ".join(s.split())


@cache
def synonyms() -> dict[str, str]:
    return {header_key(word): field for field, word in load_pairs("headers")}


@cache
def synonym_patterns() -> list[tuple[str, re.Pattern, re.Pattern]]:
    """Each synonym with its patterns: as the start of a header, and as words of their own."""
    return [(s, re.compile(rf"{re.escape(s)}\b"), re.compile(rf"(?<!\w){re.escape(s)}(?!\w)")) for s in synonyms()]


@lru_cache(maxsize=8192)
def match_header(text: str) -> tuple[str | None, str]:
    """The canonical field a header names and how it was found: exact, prefix, fuzzy or
    contains (the weakest, which the reader is told about); (None, "") when none."""
    key = header_key(text)
    if not key:
        return None, ""
    table = synonyms()
    if key in table:
        return table[key], "exact"
    prefixes = [s for s, start, _ in synonym_patterns() if len(s) >= 3 and start.match(key)]
    if prefixes:
        return table[max(prefixes, key=len)], "prefix"
    best = process.extractOne(key, list(table), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
    if best:
        return table[best[0]], "fuzzy"
    contained = {table[word] for word, _, alone in synonym_patterns() if contains_word(key, word, alone)}
    return (contained.pop(), "contains") if len(contained) == 1 else (None, "")


def contains_word(key: str, word: str, alone: re.Pattern | None = None) -> bool:
    """Whether the header holds the synonym as words of its own, or ends a compound with it
    (a synonym of at least MIN_COMPOUND_TAIL letters: "tidsperiod" ends with "period")."""
    if (alone or re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")).search(key):
        return True
    return " " not in word and len(word) >= MIN_COMPOUND_TAIL and any(
        t.endswith(word) and len(t) > len(word) for t in key.split())


def field_for_header(text: str) -> str | None:
    """The canonical field a header names, or None."""
    return match_header(text)[0]


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
    """A header row of an activity table names the activity and at least one more field, or
    three fields of any kind ("Vad | Varför | Hur | När | Vem": the activity column is then
    found by its place)."""
    fields = [f for f in map_header(texts) if not f.startswith("extra:")]
    return "aktivitet" in fields and len(fields) >= 2 or len(fields) >= 3
