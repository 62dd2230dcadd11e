"""A stable "same activity" identity for activity titles across the plans of one region.

`title_key(text)`: the case-folded words of the title joined WITHOUT spaces or
punctuation ("Jämföra de läns gemensamma nyckeltalen" and "Jämföra de
länsgemensamma nyckeltalen" are both "jämföradelänsgemensammanyckeltalen").
Equal keys are certainly the same title; dropping the spaces only merges titles
that differ in where words are split, which in Swedish compounds is a typing
slip, not a different activity.

`title_similarity(a, b)` (0-100) is the larger of
  * rapidfuzz `fuzz.ratio` of the two keys (small spelling changes), and
  * a containment score, only when the shorter title has at least 3 words
    (CONTAIN_MIN_WORDS) and at least half the letters of the longer one
    (CONTAIN_MIN_SHARE): the share of the shorter title's letters in words that
    occur in the longer title (word `fuzz.ratio` >= 90). So "Ajourhålla den
    externa webbplatsen" = "Ajourhålla den externa webbplatsen och Ping Pong".
Two titles are the same activity when the similarity is >= 90 (MATCH_THRESHOLD);
between 75 (CANDIDATE_THRESHOLD) and 90 they are a near match for a human to judge.

Because a title of one or two words can only match by spelling (ratio), a short
title never swallows a longer, different one: "Avfall" is not "Avfall från
livsmedelsverksamheter", "Hälsoskyddsinspektörer" is not "Miljöskydds- och
hälsoskyddsinspektörer", and "Täkter" is not "Tillsyn av täkter i länet" (by
decision: a one-word proposal and a worded project are kept apart; the
candidate band does not list them either, so join them by hand if wanted).

`assign_keys` / `KeyMatcher` cluster titles in the given order (single link: a
title joins the cluster of the most similar title seen so far, if >= the
threshold); the cluster's key is `title_slug` of its first title, e.g.
"jämföra-de-länsgemensamma-nyckeltalen".
"""
from __future__ import annotations

from rapidfuzz import fuzz, process

from .vocab import words

MATCH_THRESHOLD = 90.0
CANDIDATE_THRESHOLD = 75.0
CONTAIN_MIN_WORDS = 3
CONTAIN_MIN_SHARE = 0.5
CONTAIN_WORD_THRESHOLD = 90


def title_key(text: str | None) -> str:
    """The canonical identity string of a title: case-folded words joined without spaces."""
    return "".join(words(text))


def title_slug(text: str | None) -> str:
    """A readable slug of a title: its case-folded words joined by '-'."""
    return "-".join(words(text))


def containment_score(a: list[str], b: list[str]) -> float:
    """Share (0-100) of the shorter word list's letters in words found in the longer one."""
    short, long_ = sorted((a, b), key=lambda ws: len("".join(ws)))
    n_short, n_long = len("".join(short)), len("".join(long_))
    if len(short) < CONTAIN_MIN_WORDS or n_short < CONTAIN_MIN_SHARE * n_long:
        return 0.0
    found = sum(
        len(w) for w in short if process.extractOne(w, long_, scorer=fuzz.ratio, score_cutoff=CONTAIN_WORD_THRESHOLD)
    )
    return 100.0 * found / n_short


def word_similarity(a: list[str], b: list[str]) -> float:
    """title_similarity on titles already split into words."""
    if not a or not b:
        return 0.0
    return max(fuzz.ratio("".join(a), "".join(b)), containment_score(a, b))


def title_similarity(a: str | None, b: str | None) -> float:
    """How alike two titles are (0-100), by the rule of the module docstring."""
    return word_similarity(words(a), words(b))


def near_matches(
    text: str | None,
    candidates: list[str],
    low: float = CANDIDATE_THRESHOLD,
    high: float = MATCH_THRESHOLD,
) -> list[str]:
    """Candidates scoring in [low, high) against text, best first: ones for a human to judge."""
    scored = [(title_similarity(text, c), i, c) for i, c in enumerate(candidates)]
    return [c for score, _, c in sorted(scored, key=lambda t: (-t[0], t[1])) if low <= score < high]


class KeyMatcher:
    """Gives titles, one after another, the key of the cluster of earlier titles they match."""

    def __init__(self, threshold: float = MATCH_THRESHOLD):
        self.threshold = threshold
        self._members: list[tuple[list[str], str]] = []
        self._known: dict[str, str] = {}

    def key(self, title: str | None) -> str:
        """The cluster key of a title; a title like no earlier one starts a new cluster."""
        ws = words(title)
        exact = "".join(ws)
        if exact in self._known or not exact:
            return self._known.get(exact, "")
        best_score, best_key = 0.0, ""
        for member, key in self._members:
            score = word_similarity(ws, member)
            if score > best_score:
                best_score, best_key = score, key
        key = best_key if best_score >= self.threshold else "-".join(ws)
        self._members.append((ws, key))
        self._known[exact] = key
        return key

    def add(self, title: str | None, key: str) -> None:
        """Make a title with a known key (from earlier runs) a member of that key's cluster."""
        ws = words(title)
        exact = "".join(ws)
        if exact and exact not in self._known:
            self._members.append((ws, key))
            self._known[exact] = key

    def near(self, title: str | None, low: float = CANDIDATE_THRESHOLD) -> list[str]:
        """Keys of the clusters that a title is close to but does not join, best first."""
        ws = words(title)
        best: dict[str, float] = {}
        for member, key in self._members:
            best[key] = max(best.get(key, 0.0), word_similarity(ws, member))
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        return [key for key, score in ranked if low <= score < self.threshold]


def assign_keys(titles: list[str], threshold: float = MATCH_THRESHOLD) -> list[str]:
    """The cluster key of every title, clustering in the given order (first occurrence names it)."""
    matcher = KeyMatcher(threshold)
    return [matcher.key(t) for t in titles]
