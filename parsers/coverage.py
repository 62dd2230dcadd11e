"""Never silent: whether a plan was read in full, and which pages were not.

A document is an activity plan when it has a plan title, a period or a
budget. Such a plan read without a single activity is read only in part
(`NoActivityTableError`). So is a plan with a page whose body text mostly
went into no record, heading or paragraph (`LowCoverageError`): words count
as placed when they are in a table the interpretation used, or in a heading
or paragraph of prose; they are unplaced in a table nobody understood, or in
text laid out in columns that no table was found for (`Paragraph.columnar`).
The rows read are kept either way; the problems go with the plan.
"""
from __future__ import annotations

from collections import defaultdict

from .errors import LowCoverageError, NoActivityTableError, PartialReadError
from .model import Block, Document, Paragraph
from .records import ParsedPlan

MAX_UNPLACED = 0.5  # a page with more than this share of its words unplaced is read only in part
MIN_PAGE_WORDS = 30  # pages with fewer words (a cover, a last line) are not judged
ADVICE = ("run `vplan inspect` on the file to see what was read, or add the table's header words to "
          "parsers/vocab/headers.csv")


def block_words(block: Block) -> list[tuple[int | None, int]]:
    """(page, words) for a block: a paragraph on its page, a table row by row."""
    if isinstance(block, Paragraph):
        return [(block.page, len(block.text.split()))]
    return [(row.page_start, sum(len(t.split()) for t in row.texts())) for row in block.rows]


def words_per_page(doc: Document, used: set[int]) -> dict[int | None, tuple[int, int, int]]:
    """For each page (None: a Word file), its words: in all, unplaced, and in blocks records came from."""
    counts: dict[int | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    for block in doc.blocks:
        recorded = id(block) in used
        placed = recorded or isinstance(block, Paragraph) and not block.columnar
        for page, n in block_words(block):
            counts[page][0] += n
            counts[page][1] += 0 if placed else n
            counts[page][2] += n if recorded else 0
    return {page: (c[0], c[1], c[2]) for page, c in counts.items()}


def is_plan(plan: ParsedPlan) -> bool:
    """A plan title, a period or a budget: the document means to be an activity plan."""
    titled = plan.meta.title is not None and "plan" in plan.meta.title.casefold()
    return titled or plan.meta.period_start is not None or bool(plan.budget_lines)


def pages_text(pages: list[int]) -> str:
    return ("page " if len(pages) == 1 else "pages ") + ", ".join(map(str, pages))


def read_in_part(doc: Document, plan: ParsedPlan, used: set[int], name: str) -> list[PartialReadError]:
    """What of the plan was not read: no activities at all, or pages mostly left unplaced."""
    counts = words_per_page(doc, used)
    problems: list[PartialReadError] = []
    if is_plan(plan) and not plan.activities:
        empty = sorted(p for p, (n, _, recorded) in counts.items() if p is not None and n >= MIN_PAGE_WORDS
                       and not recorded)
        where = f" ({pages_text(empty)} gave no records)" if empty else ""
        problems.append(NoActivityTableError(
            f"no activity table or project description was found{where}: the plan is read only in part; "
            + ADVICE, name, pages=empty))
    low = sorted((p for p, (n, unplaced, _) in counts.items() if n >= MIN_PAGE_WORDS and unplaced > MAX_UNPLACED * n),
                 key=lambda p: -1 if p is None else p)  # text without a page (Word) first
    if low:
        pages = [p for p in low if p is not None]
        shares = ", ".join(f"{round(100 * counts[p][1] / counts[p][0])} %" for p in low)
        where = pages_text(pages) if pages else "the document"
        problems.append(LowCoverageError(
            f"{where}: most of the text ({shares}) went into no record, heading or paragraph; " + ADVICE,
            name, pages=pages))
    return problems
