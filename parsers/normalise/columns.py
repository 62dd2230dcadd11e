"""Normalised columns that sit beside the raw cell texts of an activity.

The same texts come back plan after plan ("Flertalet", "Våren 2023",
"God bebyggd miljö"), so each pure normaliser is memoised with a bounded cache.
"""
from __future__ import annotations

from dataclasses import asdict
from functools import lru_cache

from ..records import Activity
from .category import normalise_category
from .goals import match_globala_mal, match_miljomal
from .timing import parse_tid, tid_is_parsed

CACHE_SIZE = 8192  # distinct texts remembered per normaliser


@lru_cache(maxsize=CACHE_SIZE)
def tid_columns(text: str | None) -> dict:
    tid = parse_tid(text)
    return {**asdict(tid), "tid_parsed": tid_is_parsed(tid) if text else None}


@lru_cache(maxsize=CACHE_SIZE)
def goal_columns(text: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(match_miljomal(text)), tuple(match_globala_mal(text))


@lru_cache(maxsize=CACHE_SIZE)
def category_norm(text: str | None) -> str | None:
    return normalise_category(text)


def activity_norms(a: Activity) -> dict:
    """category_norm, the tid_* columns, times_per_year, miljomal and globala_mal of one activity."""
    miljomal, globala_mal = goal_columns(a.effektmal)
    return {"category_norm": category_norm(a.category), **tid_columns(a.tid),
            "miljomal": list(miljomal), "globala_mal": list(globala_mal)}
