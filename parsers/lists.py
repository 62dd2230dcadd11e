"""Turn the proposal bank and the national activities into records.

Both are lists under a heading: emphasised lines (bold or italic, or
sub-headings) name a category and the lines after them are items. The
proposal bank may also be a table (category, proposal).
"""
from __future__ import annotations

import re

from .model import Block, Paragraph, Table
from .records import NationalActivity, Proposal
from .text import collapse, fold
from .vocabulary import words_for

AGENCY = re.compile(r"^(?P<text>.*?)\s*\((?P<agency>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,7})\)\s*\.?$")
MAX_ITEM_WORDS = 12  # a plain paragraph longer than this is prose, not a list item


def is_category_line(p: Paragraph) -> bool:
    return p.heading_level is not None or ((p.bold or p.italic) and not p.is_list)


def is_prose(p: Paragraph) -> bool:
    """A sentence that introduces a list rather than an item of it."""
    text = p.text.rstrip()
    return len(text.split()) > MAX_ITEM_WORDS or text.endswith((":", "."))


def categorised_items(blocks: list[Block]) -> list[tuple[str | None, str]]:
    """(category, item) pairs of paragraph lists; prose before the first category is skipped."""
    paras = [b for b in blocks if isinstance(b, Paragraph) and b.text.strip()]
    has_structure = any(is_category_line(p) or p.is_list for p in paras)
    items, category, seen_category = [], None, False
    for p in paras:
        if is_category_line(p):
            category, seen_category = collapse(p.text), True
        elif p.is_list or seen_category or not (has_structure or is_prose(p)):
            items.append((category, collapse(p.text)))
    return items


def is_header_row(texts: list[str]) -> bool:
    words = {fold(w) for w in words_for("sections", "proposal_header")}
    filled = [fold(t) for t in texts if t]
    return bool(filled) and all(t in words for t in filled)


def table_items(table: Table) -> list[tuple[str | None, str]]:
    """(category, item) pairs of a list kept as a table: category column first, item last."""
    items, category = [], None
    for i, row in enumerate(table.rows):
        texts = [collapse(t) for t in row.texts()]
        if row.is_header or (i == 0 and is_header_row(texts)):
            continue
        filled = [t for t in texts if t]
        if not filled:
            continue
        if len(texts) == 1:
            if row.cells[0].bold:
                category = filled[0]
            else:
                items.append((category, filled[0]))
        elif len(filled) == 1 and texts[0]:
            category = texts[0]
        else:
            category = texts[0] or category
            items.append((category, next(t for t in reversed(texts[1:]) if t)))
    return items


def blocks_to_items(blocks: list[Block]) -> list[tuple[str | None, str]]:
    items = categorised_items(blocks)
    for block in blocks:
        if isinstance(block, Table):
            items.extend(table_items(block))
    return items


def blocks_to_proposals(blocks: list[Block], first_seq: int = 0) -> list[Proposal]:
    return [Proposal(category=c, text=t, seq=first_seq + i)
            for i, (c, t) in enumerate(blocks_to_items(blocks))]


def split_agency(text: str) -> tuple[str, str | None]:
    """'Hästverksamheter (JV)' -> ('Hästverksamheter', 'JV'); an agency code has two capitals or more."""
    m = AGENCY.match(text)
    if m and sum(ch.isupper() for ch in m.group("agency")) >= 2:
        return collapse(m.group("text")), m.group("agency")
    return text, None


def blocks_to_national(blocks: list[Block], year: int | None, first_seq: int = 0) -> list[NationalActivity]:
    out: list[NationalActivity] = []
    for category, item in blocks_to_items(blocks):
        text, agency = split_agency(item)
        out.append(NationalActivity(year=year, category=category, text=text, agency=agency,
                                    seq=first_seq + len(out)))
    return out
