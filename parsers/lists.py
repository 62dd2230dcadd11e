"""Turn the proposal bank and the national activities into records.

Both are lists under a heading: emphasised lines (bold or italic, or
sub-headings) name a category and the lines after them are items. Either
may also be a table (category, item), the national activities with a column
of agency codes.
"""
from __future__ import annotations

import re

from .model import Block, Paragraph, Table
from .records import NationalActivity, Proposal
from .text import collapse, fold, without_numbering
from .vocabulary import words_for

AGENCY = re.compile(r"^(?P<text>.*?)\s*\((?P<agency>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,7})\)\s*\.?$")
AGENCY_CODE = re.compile(r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,7}")
AGENCY_SHARE = 0.6  # share of a column's cells that are agency codes
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
            category, seen_category = without_numbering(collapse(p.text)), True
        elif p.is_list or seen_category or not (has_structure or is_prose(p)):
            items.append((category, collapse(p.text)))
    return items


def is_header_row(texts: list[str]) -> bool:
    words = {fold(w) for w in words_for("sections", "proposal_header")}
    filled = [fold(t) for t in texts if t]
    return bool(filled) and all(t in words for t in filled)


def is_agency_code(text: str) -> bool:
    """'KEMI', 'NV', 'HaV', 'FHM': one short word with two capitals or more."""
    return bool(AGENCY_CODE.fullmatch(text)) and sum(ch.isupper() for ch in text) >= 2


def agency_column(rows: list[list[str]]) -> int | None:
    """The column (not the first) whose filled cells are mostly agency codes."""
    for j in range(1, max((len(r) for r in rows), default=0)):
        cells = [r[j] for r in rows if j < len(r) and r[j]]
        if cells and sum(map(is_agency_code, cells)) >= AGENCY_SHARE * len(cells):
            return j
    return None


def table_items(table: Table) -> list[tuple[str | None, str, str | None]]:
    """(category, item, agency) of a list kept as a table: category column first, item last, and
    a column of agency codes (KEMI, NV …) if there is one; the header row is skipped."""
    rows = [[collapse(t) for t in row.texts()] for row in table.rows]
    agency_at = agency_column(rows[1:])
    items, category = [], None
    for i, (row, texts) in enumerate(zip(table.rows, rows)):
        if row.is_header or (i == 0 and (is_header_row(texts) or heads_agencies(texts, agency_at))):
            continue
        agency = texts[agency_at] or None if agency_at is not None and agency_at < len(texts) else None
        if agency_at is not None and agency_at < len(texts):
            texts = texts[:agency_at] + texts[agency_at + 1:]
        filled = [t for t in texts if t]
        if not filled:
            continue
        if len(texts) == 1:
            if row.cells[0].bold:
                category = filled[0]
            else:
                items.append((category, filled[0], agency))
        elif len(filled) == 1 and texts[0] and agency is None:
            category = texts[0]
        else:
            category = texts[0] or category
            items.append((category, next(t for t in reversed(texts[1:]) if t), agency))
    return items


def heads_agencies(texts: list[str], agency_at: int | None) -> bool:
    """A first row that names the columns of a table with an agency column (no code in it)."""
    return agency_at is not None and agency_at < len(texts) and not is_agency_code(texts[agency_at])


def blocks_to_items(blocks: list[Block]) -> list[tuple[str | None, str, str | None]]:
    """(category, item, agency) of the lists and list tables among `blocks`."""
    items: list[tuple[str | None, str, str | None]] = [(c, t, None) for c, t in categorised_items(blocks)]
    for block in blocks:
        if isinstance(block, Table):
            items.extend(table_items(block))
    return items


def blocks_to_proposals(blocks: list[Block], first_seq: int = 0) -> list[Proposal]:
    return [Proposal(category=c, text=t, seq=first_seq + i)
            for i, (c, t, _) in enumerate(blocks_to_items(blocks))]


def split_agency(text: str) -> tuple[str, str | None]:
    """'Hästverksamheter (JV)' -> ('Hästverksamheter', 'JV'); an agency code has two capitals or more."""
    m = AGENCY.match(text)
    if m and sum(ch.isupper() for ch in m.group("agency")) >= 2:
        return collapse(m.group("text")), m.group("agency")
    return text, None


def blocks_to_national(blocks: list[Block], year: int | None, first_seq: int = 0) -> list[NationalActivity]:
    out: list[NationalActivity] = []
    for category, item, column_agency in blocks_to_items(blocks):
        text, agency = split_agency(item) if column_agency is None else (item, column_agency)
        out.append(NationalActivity(year=year, category=category, text=text, agency=agency,
                                    seq=first_seq + len(out)))
    return out
