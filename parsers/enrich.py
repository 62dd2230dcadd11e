"""Normalised columns that sit beside the raw cell texts of an activity."""
from __future__ import annotations

from dataclasses import asdict

from .normalise import match_globala_mal, match_miljomal, normalise_category, parse_tid, tid_is_parsed
from .records import Activity


def activity_norms(a: Activity) -> dict:
    """category_norm, the tid_* columns, times_per_year, miljomal and globala_mal of one activity."""
    tid = parse_tid(a.tid)
    return {
        "category_norm": normalise_category(a.category),
        **asdict(tid),
        "tid_parsed": tid_is_parsed(tid) if a.tid else None,
        "miljomal": match_miljomal(a.effektmal),
        "globala_mal": match_globala_mal(a.effektmal),
    }
