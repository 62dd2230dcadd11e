"""Plans written as project descriptions: a heading per project, labelled paragraphs under it.

    Verksamhet 2024                   a heading naming a year: plan_year
      Tillsynsprojekt                 the heading between year and project: category
        3.2 Radon i flerbostadshus    the project's heading: aktivitet (its numbering dropped)
          Syfte och mål: …            a label naming a field: the field's text
          Bakgrund: …                 a label the vocabulary does not know: extra
          …                           text up to the next label or heading belongs to the label above

The steps: `blocks_to_outline` (the tree of headings), `fold_label_headings`
(a label set as a small heading is a label of the heading above it),
`titles_to_sections` (short bold lines that open projects where the plan
uses no heading styles), `sections_to_project_activities`. A two-column
table of labels and texts counts as labelled paragraphs.

A heading is a project when the labels under it name at least two fields
(or one, where other projects at its level name two), and the plan has at
least two such headings (one lone labelled heading is an introduction).
Headings without labels (the introduction, the project overview, the
schedule) are not projects; nor are headings under a proposal-bank or
national-activities heading, nor a heading whose section holds an activity
table (its rows are the activities; bold lines in it are their captions). A field no label names is null, as for a missing column;
text before the first label goes to `extra` under "text".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .activities import is_activity_table
from .labels import (
    Item,
    LabelStyle,
    could_be_label,
    label_field,
    label_style,
    label_table_paragraphs,
    paragraphs_to_items,
)
from .model import Block, Paragraph
from .records import ACTIVITY_FIELDS, Activity
from .sections import heading_kind
from .text import collapse, find_period, find_year

NUMBERING = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[^\W\d])")
LEADING_TEXT = "text"  # the extra key of the text between a project's heading and its first label
MIN_FIELDS = 2  # labels naming this many fields make a heading a project on their own
MIN_PROJECTS = 2  # a plan describes several projects: one lone labelled heading is an introduction


@dataclass(eq=False)
class OutlineSection:
    heading: Paragraph | None
    level: int
    index: int  # position among the document's blocks of the nearest real heading
    parent: OutlineSection | None = None
    paras: list[Paragraph] = field(default_factory=list)
    has_activity_table: bool = False
    children: list[OutlineSection] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    @property
    def title(self) -> Paragraph:
        """The heading of a section that has one: every section but the root."""
        assert self.heading is not None, "the outline's root has no heading"
        return self.heading

    def path(self) -> list[OutlineSection]:
        """The enclosing sections with a heading, outermost first."""
        out, up = [], self.parent
        while up is not None and up.heading is not None:
            out.append(up)
            up = up.parent
        return out[::-1]


def blocks_to_outline(blocks: list[Block]) -> OutlineSection:
    """The tree of headings; each section holds the paragraphs up to its first sub-heading."""
    root = OutlineSection(None, 0, -1)
    stack = [root]
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.heading_level:
            while stack[-1].level >= block.heading_level:
                stack.pop()
            section = OutlineSection(block, block.heading_level, i, stack[-1])
            stack[-1].children.append(section)
            stack.append(section)
        elif isinstance(block, Paragraph):
            stack[-1].paras.append(block)
        elif is_activity_table(block):
            stack[-1].has_activity_table = True
        else:
            stack[-1].paras += label_table_paragraphs(block)
    return root


def has_labels(paras: list[Paragraph]) -> bool:
    return any(it.kind == "label" and it.label is not None and it.label.field
               for it in paragraphs_to_items(paras, LabelStyle()))


def is_label_heading(section: OutlineSection) -> bool:
    """A small heading that is a label: a few words, nothing under it but its text."""
    name = section.title.text.strip().rstrip(":").strip()
    return (not section.children and not section.has_activity_table and could_be_label(name)
            and not has_labels(section.paras))


def fold_label_headings(section: OutlineSection) -> None:
    """Sub-headings that are labels ("Syfte", "Bakgrund" under a project) become its paragraphs.

    It takes one sub-heading the vocabulary knows; then every label-like
    sub-heading of that level is a label, known or not."""
    for child in section.children:
        fold_label_headings(child)
    leaves = [c for c in section.children if is_label_heading(c)]
    known = [c for c in leaves if label_field(c.title.text.strip().rstrip(":"))]
    if not known:
        return
    folded = [c for c in leaves if c.level == known[0].level]
    for child in folded:
        section.paras += [child.title, *child.paras]
    section.children = [c for c in section.children if c not in folded]


def title_levels(items: list[Item], base: int) -> dict[int, int]:
    """Levels for titles (bold lines) under a heading of level `base`: in a run of titles the
    last opens the project and those before it name its category; a lone title is a project."""
    levels: dict[int, int] = {}
    deepest = None
    run: list[Item] = []
    for item in items + [None]:
        if item is not None and item.kind == "title":
            run.append(item)
            continue
        if run:
            deepest = max(deepest or 0, base + len(run))
            for k, title in enumerate(run):
                levels[id(title)] = deepest - len(run) + 1 + k
            run = []
    return levels


def titles_to_sections(section: OutlineSection, style: LabelStyle) -> None:
    """Read each section's paragraphs as items; titles among them open sub-sections."""
    for child in section.children:
        titles_to_sections(child, style)
    items = paragraphs_to_items(section.paras, style)
    levels = title_levels(items, section.level)
    stack: list[OutlineSection] = [section]
    opened: list[OutlineSection] = []
    for item in items:
        if item.kind != "title":
            stack[-1].items.append(item)
            continue
        while stack[-1] is not section and stack[-1].level >= levels[id(item)]:
            stack.pop()
        sub = OutlineSection(item.para, levels[id(item)], section.index, stack[-1],
                             has_activity_table=section.has_activity_table)  # captions of a table section
        (opened if stack[-1] is section else stack[-1].children).append(sub)
        stack.append(sub)
    section.children = opened + section.children


def walk(section: OutlineSection):
    yield section
    for child in section.children:
        yield from walk(child)


def known_fields(section: OutlineSection) -> set[str]:
    return {it.label.field for it in section.items if it.kind == "label" and it.label is not None and it.label.field}


def under_lists(section: OutlineSection) -> bool:
    """Whether the nearest enclosing heading that names a kind names the proposals or national list."""
    kinds = [k for k in (heading_kind(s.title.text) for s in section.path()) if k]
    return bool(kinds) and kinds[-1] in ("proposals", "national")


def project_sections(root: OutlineSection) -> list[OutlineSection]:
    """The sections that describe one project each, in document order."""
    candidates = [s for s in walk(root) if s.heading is not None and known_fields(s)
                  and not s.has_activity_table and not under_lists(s)]
    full_levels = {s.level for s in candidates if len(known_fields(s)) >= MIN_FIELDS}
    projects = [s for s in candidates if len(known_fields(s)) >= MIN_FIELDS or s.level in full_levels]
    return projects if len(projects) >= MIN_PROJECTS else []


def heading_text(p: Paragraph) -> str:
    return NUMBERING.sub("", collapse(p.text))


def heading_year(p: Paragraph) -> int | None:
    """The year a heading names; a period ("Verksamhetsplan 2016-2017") names none."""
    return None if find_period(p.text) else find_year(p.text)


def year_and_category(section: OutlineSection, default_year: int | None) -> tuple[int | None, str | None]:
    """The year of the nearest enclosing heading naming one (else `default_year`); the category is
    the heading right above the project, below the outermost heading naming that year ("Verksamhet
    2016" > "Tillsyn 2016" > project) or, without year headings, below a heading naming the kind."""
    path = section.path()
    years = [heading_year(s.title) for s in path]
    year = next((y for y in reversed(years) if y), None)
    if year is not None:
        below = path[years.index(year) + 1:]
    else:
        kinds = [i for i, s in enumerate(path) if heading_kind(s.title.text)]
        year, below = default_year, path[kinds[-1] + 1:] if kinds else path
    return year, heading_text(below[-1].title) if below else None


def add_text(values: dict[str, str], key: str, text: str) -> None:
    values[key] = collapse(f"{values.get(key, '')} {text}")


def section_to_activity(section: OutlineSection, default_year: int | None, seq: int) -> Activity:
    """One project: each field from the first label naming it, other labels to extra."""
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    target: tuple[dict, str] = (extra, LEADING_TEXT)
    for item in section.items:
        label = item.label
        if item.kind == "label" and label is not None:
            target = (values, label.field) if label.field and label.field not in values else (extra, label.name)
            add_text(*target, label.text)
        else:
            add_text(*target, item.para.text)
    extra = {k: v for k, v in extra.items() if v or k != LEADING_TEXT}
    year, category = year_and_category(section, default_year)
    pages = [p.page for p in [section.title, *(it.para for it in section.items)] if p.page]
    return Activity(plan_year=year, category=category, seq=seq,
                    **{f: values.get(f) for f in ACTIVITY_FIELDS if f != "aktivitet"},
                    aktivitet=heading_text(section.title), extra=extra,
                    page_start=min(pages, default=None), page_end=max(pages, default=None))


def sections_to_project_activities(root: OutlineSection, default_year: int | None) -> list[tuple[int, Activity]]:
    return [(s.index, section_to_activity(s, default_year, seq))
            for seq, s in enumerate(project_sections(root))]


def blocks_to_project_activities(blocks: list[Block], default_year: int | None) -> list[tuple[int, Activity]]:
    """The activities a plan describes as projects, each with the block position of its heading."""
    root = blocks_to_outline(blocks)
    fold_label_headings(root)
    style = label_style([p for s in walk(root) for p in s.paras])
    titles_to_sections(root, style)
    return sections_to_project_activities(root, default_year)
