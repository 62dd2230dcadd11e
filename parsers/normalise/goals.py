"""Find the Swedish environmental quality objectives and the global goals named in a text.

Vocabularies: `vocab/miljomal.csv` and `vocab/globala_mal.csv` (number, canonical,
variant); add a variant row to teach a new spelling.

Rule (`find_names`): the text is case-folded and split into words (punctuation,
quotes and hyphens separate words and are otherwise ignored). For every variant
of n words, every window of n words is scored with rapidfuzz `fuzz.ratio` on the
words joined by one space; it counts when the score is >= 85 (NAME_THRESHOLD)
AND every word of four letters or more in the variant is matched by its window
word with `fuzz.ratio` >= 70 (WORD_FLOOR). Windows of n-1 and n+1 words (a word
split or joined) count when the words joined without spaces score >= 90
(LOOSE_THRESHOLD). The best non-overlapping windows win (highest score, then
longest); the result is the canonical names in order of first appearance,
without duplicates. So "Giffri miljö", "giftrfri miljö", "Giffrfri miljö" are
Giftfri miljö, while "Dricksvatten av god kvalitet" is nothing: it scores 84
against Grundvatten av god kvalitet, and "dricksvatten" is not "grundvatten"
(word score 61) -- it is another thing, not a misspelling.

Numbers count only when they are explicitly numbers of such goals:
"miljömål 4", "miljökvalitetsmål nr 4 och 15"; and, for the global goals,
"mål 6", "mål 6 och 11", "SDG 6" only when the text speaks of global goals
(Agenda 2030, globala/globalt mål, hållbarhetsmål, SDG).
"""
from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz

from .vocab import fold, vocab_rows, word_spans

NAME_THRESHOLD = 85
WORD_FLOOR = 70
WORD_FLOOR_MIN_LEN = 4
LOOSE_THRESHOLD = 90
NUMBER_LIST = r"(\d{1,2}(?:\.\d{1,2})?(?!\d)(?:\s*(?:,|och|&|samt|/)\s*\d{1,2}(?:\.\d{1,2})?(?!\d))*)"
MILJOMAL_NUMBERS = re.compile(rf"\bmiljö(?:kvalitets)?mål(?:en|et)?\s*(?:nr\.?|nummer)?\s*{NUMBER_LIST}")
GLOBAL_CONTEXT = re.compile(r"agenda\s*2030|\bglobal[at]?\s+mål|hållbarhetsmål|\bsdg|\bfn:?s\s+mål")
GLOBAL_NUMBERS = re.compile(rf"\b(?:mål(?:en|et)?|sdg)\s*(?:nr\.?|nummer)?\s*{NUMBER_LIST}")

Variant = tuple[str, tuple[str, ...]]


@cache
def goal_variants(vocab: str) -> tuple[Variant, ...]:
    """(canonical, variant words) pairs of a goal vocabulary."""
    return tuple((r[1], tuple(w for w, _ in word_spans(r[2]))) for r in vocab_rows(vocab))


@cache
def goal_numbers(vocab: str) -> dict[int, str]:
    """goal number -> canonical name of a goal vocabulary."""
    return {int(r[0]): r[1] for r in vocab_rows(vocab)}


def window_score(window: list[str], variant: tuple[str, ...]) -> float:
    """How well a window of words spells a variant (0 when below the rule's thresholds)."""
    if len(window) == len(variant):
        score = fuzz.ratio(" ".join(window), " ".join(variant))
        floor_ok = all(fuzz.ratio(a, b) >= WORD_FLOOR for a, b in zip(window, variant) if len(b) >= WORD_FLOOR_MIN_LEN)
        return score if score >= NAME_THRESHOLD and floor_ok else 0.0
    score = fuzz.ratio("".join(window), "".join(variant))
    return score if score >= LOOSE_THRESHOLD else 0.0


def name_hits(text: str, variants: tuple[Variant, ...]) -> list[tuple[int, str]]:
    """(offset, canonical) of the best non-overlapping fuzzy name windows in a text."""
    spans = word_spans(text)
    toks = [w for w, _ in spans]
    cands = []
    for canonical, variant in variants:
        n = len(variant)
        for size in {max(n - 1, 1), n, n + 1}:
            for i in range(len(toks) - size + 1):
                if score := window_score(toks[i : i + size], variant):
                    cands.append((-score, -size, i, canonical))
    taken: set[int] = set()
    hits = []
    for _, neg_size, i, canonical in sorted(cands):
        span = set(range(i, i - neg_size))
        if not span & taken:
            taken |= span
            hits.append((spans[i][1], canonical))
    return hits


def number_hits(text: str, pattern: re.Pattern[str], numbers: dict[int, str]) -> list[tuple[int, str]]:
    """(offset, canonical) of the goals named by number after a goal word."""
    hits = []
    for m in pattern.finditer(fold(text)):
        for n in re.finditer(r"(\d{1,2})(?:\.\d{1,2})?", m.group(1)):
            if int(n.group(1)) in numbers:
                hits.append((m.start(1) + n.start(), numbers[int(n.group(1))]))
    return hits


def ordered_unique(hits: list[tuple[int, str]]) -> list[str]:
    """The names of (offset, name) hits in order of offset, each once."""
    return list(dict.fromkeys(name for _, name in sorted(hits)))


def match_miljomal(text: str | None) -> list[str]:
    """The national environmental quality objectives named in a text (official spelling)."""
    if not text or not text.strip():
        return []
    hits = name_hits(text, goal_variants("miljomal.csv"))
    hits += number_hits(text, MILJOMAL_NUMBERS, goal_numbers("miljomal.csv"))
    return ordered_unique(hits)


def match_globala_mal(text: str | None) -> list[str]:
    """The global goals (Agenda 2030) named in a text, by their Swedish short names."""
    if not text or not text.strip():
        return []
    hits = name_hits(text, goal_variants("globala_mal.csv"))
    if GLOBAL_CONTEXT.search(fold(text)):
        hits += number_hits(text, GLOBAL_NUMBERS, goal_numbers("globala_mal.csv"))
    return ordered_unique(hits)
