"""Normalise the free-text cells of activity plans: timing, goals, categories, title identity.

Pure functions; the only IO is reading the packaged vocabularies in
`parsers/vocab/` (miljomal.csv, globala_mal.csv, categories.csv, months.csv,
tid_words.csv), cached. Users extend behaviour by adding CSV rows.

The rules and thresholds are documented in the module that implements each part:
  * `parse_tid`, `tid_is_parsed`, `TidInfo`          -> parsers.norm_tid
  * `match_miljomal`, `match_globala_mal`             -> parsers.norm_goals
  * `normalise_category`                              -> parsers.norm_category
  * `title_key`, `title_slug`, `title_similarity`,
    `assign_keys`, `KeyMatcher`, `near_matches`       -> parsers.norm_titles
"""
from __future__ import annotations

from .norm_category import normalise_category
from .norm_goals import match_globala_mal, match_miljomal
from .norm_tid import TidInfo, parse_tid, tid_is_parsed
from .norm_titles import (
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
    "assign_keys",
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
