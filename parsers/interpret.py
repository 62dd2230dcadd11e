"""The shared stage: a neutral `Document` (from Word or PDF) in, a `ParsedPlan` out.

Headings cut the document into sections. A section's kind (activities,
budget, proposals, national) and year come from the nearest heading that
names them; tables are recognised by their own header row first. Plans that
describe their activities as projects (a heading, labelled paragraphs) are
read by `narrative`; both kinds of activity come out in document order.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .activities import RowRead, fields_by_header, header_of, is_activity_table, read_rows, reads_as_activities
from .budget import is_budget_table, table_to_budget, unit_in
from .coverage import read_in_part
from .errors import NotAPlanError
from .lists import blocks_to_national, blocks_to_proposals
from .metadata import read_metadata
from .model import Block, Document, Paragraph, Table
from .narrative import blocks_to_project_activities
from .records import Activity, ParsedPlan
from .sections import heading_kind
from .text import find_year, without_numbering

MAX_CAPTION_WORDS = 6  # a bold line this short right above a table names its category


@dataclass
class Section:
    kind: str  # activities | budget | proposals | national | other
    year: int | None
    heading: Paragraph | None  # the heading that opened the section
    names_kind: bool  # whether that heading itself named the kind (else it is a sub-heading)
    blocks: list[Block] = field(default_factory=list)


def blocks_to_sections(blocks: list[Block]) -> list[Section]:
    """Cut the blocks at every heading; each section knows its kind and year from the heading path."""
    sections = [Section("other", None, None, False)]
    stack: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.heading_level:
            while stack and (stack[-1].heading_level or 0) >= block.heading_level:
                stack.pop()
            stack.append(block)
            kinds = [heading_kind(h.text) for h in stack]
            kind = next((k for k in reversed(kinds) if k), "other")
            year = next((y for y in (find_year(h.text) for h in reversed(stack)) if y), None)
            sections.append(Section(kind, year, block, names_kind(stack, kinds)))
        else:
            sections[-1].blocks.append(block)
    return sections


def names_kind(stack: list[Paragraph], kinds: list[str | None]) -> bool:
    """Whether the last heading of the path itself names its section's kind. A heading under a
    heading of the same kind that gave the year, with no year of its own, is a category of it
    ("Aktiviteter 2025" > "Övriga aktiviteter", "Verksamhetsutveckling")."""
    own = kinds[-1]
    if own is None or find_year(stack[-1].text):
        return own is not None
    return not any(k == own and find_year(h.text) for h, k in zip(stack[:-1], kinds[:-1]))


def document_to_plan(doc: Document, name: str = "<stream>",
                     table_rows: dict[int, list[RowRead]] | None = None) -> ParsedPlan:
    """Interpret a document model as an activity plan. When `table_rows` is given, it is filled
    with what the rows of each activity table were read as (by the table's id; `vplan inspect`)."""
    plan = ParsedPlan(meta=read_metadata(doc.blocks), n_pages=doc.n_pages,
                      file_format=doc.file_format, warnings=list(doc.warnings))
    position = {id(b): i for i, b in enumerate(doc.blocks)}
    anchored: list[tuple[int, Activity]] = []
    used: set[int] = set()
    sections = blocks_to_sections(doc.blocks)
    decided = activity_tables(sections)
    reads = {} if table_rows is None else table_rows
    for section in sections:
        first = len(plan.activities)
        used |= interpret_section(section, plan, decided, reads)
        at = position[id(section.heading)] if section.heading is not None else -1
        anchored += [(at, a) for a in plan.activities[first:]]
    anchored += blocks_to_project_activities(doc.blocks, plan.meta.period_start)
    plan.activities = in_document_order(anchored)
    plan.warnings = list(dict.fromkeys(plan.warnings))  # a guess repeated table after table is told once
    if not (plan.activities or plan.budget_lines or plan.proposals or plan.national_activities):
        raise NotAPlanError("no activity table, budget or proposal bank found: not an activity plan?", name)
    plan.partial = read_in_part(doc, plan, used, name)
    return plan


def activity_tables(sections: list[Section]) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    """The fields (and warnings) of every activity table's header, by header: tables whose header
    names the fields, and, outside budget, proposal and national sections, tables whose columns
    read as an activity table's from their place and cells (header words vplan does not know)."""
    tables = [b for s in sections for b in s.blocks if isinstance(b, Table)]
    named = [t for t in tables if is_activity_table(t)]
    ids = {id(t) for t in named}
    unnamed = [t for s in sections if s.kind in ("activities", "other") for t in s.blocks
               if isinstance(t, Table) and id(t) not in ids and len(t.rows) >= 3]
    decided = fields_by_header(named + unnamed)
    named_headers = {header_of(t) for t in named}
    return {h: d for h, d in decided.items() if h in named_headers or reads_as_activities(d[0])}


def in_document_order(anchored: list[tuple[int, Activity]]) -> list[Activity]:
    """Activities from tables and from project descriptions, ordered by where they stand, numbered again."""
    ordered = [a for _, a in sorted(anchored, key=lambda pair: pair[0])]
    for seq, activity in enumerate(ordered):
        activity.seq = seq
    return ordered


def interpret_section(section: Section, plan: ParsedPlan, decided: dict,
                      table_rows: dict[int, list[RowRead]]) -> set[int]:
    """Read one section into the plan; the ids of the blocks it took records from. `decided`
    holds the fields of each activity-table header (`activities.fields_by_header`); what each
    activity table's rows were read as goes into `table_rows`."""
    used: set[int] = set()
    year = section.year
    category = heading_category(section)
    lists: list[Block] = []
    context: list[str] = [section.heading.text] if section.heading else []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            year = caption_year(block) or year
            category = caption_category(block, section) or category
            context.append(block.text)
            lists.append(block)
        elif is_activity_table(block) or header_of(block) in decided:
            reads, warnings = read_rows(block, year or plan.meta.period_start, category,
                                        len(plan.activities), decided)
            table_rows[id(block)] = reads
            plan.activities += [r.activity for r in reads if r.activity is not None]
            plan.warnings += warnings
            used.add(id(block))
        elif is_budget_table(block, " ".join(context[-3:])):
            year_hint = year or find_year(" ".join(context[-3:])) or plan.meta.period_start
            lines, warnings = table_to_budget(block, year_hint, unit_in(" ".join(context[-3:])),
                                              len(plan.budget_lines))
            plan.budget_lines += lines
            plan.warnings += warnings
            used.add(id(block))
        else:
            lists.append(block)
    if interpret_lists(section, lists, plan):
        used |= {id(b) for b in lists}
    return used


def interpret_lists(section: Section, blocks: list[Block], plan: ParsedPlan) -> bool:
    """Proposals or national activities from a section's lists (and list tables); whether read."""
    if section.kind not in ("proposals", "national"):
        return False
    if section.heading is not None and not section.names_kind:
        blocks = [section.heading, *blocks]  # a sub-heading names the category of what follows
    if section.kind == "proposals":
        plan.proposals += blocks_to_proposals(blocks, len(plan.proposals))
    else:
        plan.national_activities += blocks_to_national(blocks, section.year, len(plan.national_activities))
    return True


def heading_category(section: Section) -> str | None:
    """A sub-heading without a year under an activities heading names a category."""
    h = section.heading
    if section.kind == "activities" and h is not None and not section.names_kind and not find_year(h.text):
        return without_numbering(h.text)
    return None


def caption_year(p: Paragraph) -> int | None:
    """'Aktiviteter 2022' set as a short body line instead of a heading."""
    if len(p.text.split()) <= MAX_CAPTION_WORDS and heading_kind(p.text) == "activities":
        return find_year(p.text)
    return None


def caption_category(p: Paragraph, section: Section) -> str | None:
    """A short emphasised line among the activity tables names the category of the next table."""
    if (section.kind == "activities" and (p.bold or p.italic) and not p.is_list and p.text
            and len(p.text.split()) <= MAX_CAPTION_WORDS and not find_year(p.text)):
        return without_numbering(p.text)
    return None
