"""Map a plan's category heading onto a small canonical set (vocabulary: `vocab/categories.csv`).

Canonical categories: Tillsynsprojekt, Handläggarstöd, Utbildning, Utvecklingsarbete,
Handläggarträffar, Styrning, Övriga träffar, Kommunikation, and Övrigt for a
non-empty heading that matches nothing (None for an empty one).

Rule: the case-folded heading is compared with every variant with rapidfuzz
`fuzz.ratio`, at three levels, the first level with a hit winning:
  1. the whole heading (">= 85", CATEGORY_THRESHOLD);
  2. its parts split at "/", ",", ";", "&", "+", " och " (">= 85");
  3. its single words of five letters or more against one-word variants (">= 88",
     WORD_THRESHOLD), so "Styrning av Miljösamverkan" is Styrning and
     "Tillsyn miljöskydd" is Tillsynsprojekt.
Within a level the best score wins, then the earliest part.
"""
from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz, process

from .vocab import fold, vocab_rows, words

CATEGORY_THRESHOLD = 85
WORD_THRESHOLD = 88
WORD_MIN_LEN = 5
FALLBACK = "Övrigt"
PART_SPLIT = re.compile(r"\s*(?:[/,;&+]|\boch\b)\s*")


@cache
def category_variants() -> dict[str, str]:
    """folded variant -> canonical category, from `vocab/categories.csv`."""
    return {" ".join(words(variant)): canonical for canonical, variant, *_ in vocab_rows("categories.csv")}


def best_variant(parts: list[str], choices: list[str], cutoff: float) -> str | None:
    """The variant that the best-scoring part matches (earliest part on ties), or None."""
    best: tuple[float, int, str] | None = None
    for i, part in enumerate(parts):
        hit = process.extractOne(part, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if hit and (best is None or hit[1] > best[0]):
            best = (hit[1], i, hit[0])
    return best[2] if best else None


def normalise_category(text: str | None) -> str | None:
    """A category heading as one of the canonical categories (Övrigt if unknown, None if empty)."""
    whole = " ".join(words(text))
    if not whole:
        return None
    table = category_variants()
    variants = list(table)
    parts = [" ".join(words(p)) for p in PART_SPLIT.split(fold(text)) if words(p)]
    single = [w for w in whole.split() if len(w) >= WORD_MIN_LEN]
    levels = (
        ([whole], variants, CATEGORY_THRESHOLD),
        (parts, variants, CATEGORY_THRESHOLD),
        (single, [v for v in variants if " " not in v], WORD_THRESHOLD),
    )
    for candidates, choices, cutoff in levels:
        if hit := best_variant(candidates, choices, cutoff):
            return table[hit]
    return FALLBACK
