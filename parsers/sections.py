"""What a heading names: the kind of section it opens (activities, budget, proposals, national)."""
from __future__ import annotations

from .text import fold
from .vocabulary import words_for

SECTION_KINDS = ("national", "proposals", "budget", "activities")


def heading_kind(text: str) -> str | None:
    t = fold(text)
    return next((k for k in SECTION_KINDS if any(fold(w) in t for w in words_for("sections", k))), None)
