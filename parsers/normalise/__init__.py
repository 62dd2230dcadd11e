"""The normalisers: the free-text cells of activity plans: timing, goals, categories, title identity.

Pure functions; the only IO is reading the packaged vocabularies in
`parsers/vocab/` (miljomal.csv, globala_mal.csv, categories.csv, months.csv,
tid_words.csv), cached. Users extend behaviour by adding CSV rows.

The rules and thresholds are documented in the module that implements each part:
  * `parse_tid`, `tid_is_parsed`, `TidInfo`          -> parsers.normalise.timing
  * `match_miljomal`, `match_globala_mal`             -> parsers.normalise.goals
  * `normalise_category`                              -> parsers.normalise.category
  * `title_key`, `title_slug`, `title_similarity`,
    `assign_keys`, `KeyMatcher`, `near_matches`       -> parsers.normalise.titles
  * `activity_norms`, `category_norm` (the normalised columns of an activity,
    memoised)                                         -> parsers.normalise.columns
  * the vocabularies and word splitting they share   -> parsers.normalise.vocab
"""
from __future__ import annotations

from .category import normalise_category
from .columns import activity_norms, category_norm
from .goals import match_globala_mal, match_miljomal
from .timing import TidInfo, parse_tid, tid_is_parsed
from .titles import (
    CANDIDATE_THRESHOLD,
    MATCH_THRESHOLD,
    KeyMatcher,
    assign_keys,
    near_matches,
    title_key,
    title_similarity,
    title_slug,
)

__all__ = [
    "CANDIDATE_THRESHOLD",
    "MATCH_THRESHOLD",
    "KeyMatcher",
    "TidInfo",
    "activity_norms",
    "assign_keys",
    "category_norm",
    "match_globala_mal",
    "match_miljomal",
    "near_matches",
    "normalise_category",
    "parse_tid",
    "tid_is_parsed",
    "title_key",
    "title_similarity",
    "title_slug",
]
