"""The `index.html` of an inspection: each page image beside the records taken from it (a PDF),
or each table with its rows and what they were read as (a Word file), under the plan's
metadata, warnings and what was read only in part.

Rendered from the Jinja2 template in `templates/` (package data), autoescaped, with its
CSS inline: the folder opens offline, and can be zipped and sent as it is.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined

from parsers.activities import header_rows
from parsers.model import Table
from parsers.records import ACTIVITY_FIELDS, Activity

from ..display import FIELD_SV
from ..output import replacing
from .draw import COLOURS, blend
from .marks import LEGEND, table_kind

if TYPE_CHECKING:
    from . import Inspection


@dataclass
class RecordView:
    seq: int
    plan_year: int | None
    category: str | None
    pages: str
    fields: list[tuple[str, str]]
    from_table: bool  # read from a table row (else from a project description)


@dataclass
class RowView:
    kind: str
    seq: int | None
    texts: list[str]


@dataclass
class TableView:
    number: int
    kind: str
    rows: list[RowView]
    n_cols: int


def page_span(first: int | None, last: int | None) -> str:
    if first is None:
        return ""
    return str(first) if last in (None, first) else f"{first}–{last}"


def record_view(a: Activity, from_table: bool) -> RecordView:
    fields = [(FIELD_SV.get(f, f), getattr(a, f)) for f in ACTIVITY_FIELDS if getattr(a, f)]
    fields += [(name, text) for name, text in a.extra.items() if text]
    return RecordView(a.seq, a.plan_year, a.category, page_span(a.page_start, a.page_end), fields, from_table)


def on_page(a: Activity, number: int) -> bool:
    return a.page_start is not None and a.page_start <= number <= (a.page_end or a.page_start)


def table_views(seen: Inspection) -> list[TableView]:
    """Every table of the document, each row with what it was read as."""
    views = []
    tables = [b for b in seen.document.blocks if isinstance(b, Table)]
    for number, table in enumerate(tables, start=1):
        reads = seen.reads.get(id(table))
        n_head = header_rows(table)
        rows = []
        for i, row in enumerate(table.rows):
            read = reads[i] if reads else None
            kind = read.kind if read else ("header" if i < n_head else "")
            seq = read.activity.seq if read and read.activity else None
            rows.append(RowView(kind, seq, row.texts()))
        views.append(TableView(number, table_kind(table, seen.reads), rows, table.n_cols))
    return views


def legend() -> list[tuple[str, str, str]]:
    """(kind, text, CSS colour) of each mark, as the page images show them."""
    def css(kind: str) -> str:
        colour = COLOURS[kind] if kind in ("frame", "text_frame", "mended", "activity") else blend(COLOURS[kind])
        return "rgb({}, {}, {})".format(*colour)
    return [(kind, text, css(kind)) for kind, text in LEGEND.items()]


def write_index(seen: Inspection, images: dict[int, str], path: Path) -> None:
    """Write `index.html` for the inspection; `images` names each drawn page's PNG."""
    from_tables = {id(r.activity) for reads in seen.reads.values() for r in reads if r.activity}
    records = [record_view(a, id(a) in from_tables) for a in seen.plan.activities]
    by_id = {id(a): r for a, r in zip(seen.plan.activities, records)}
    pages = [(number, image, [by_id[id(a)] for a in seen.plan.activities if on_page(a, number)])
             for number, image in images.items()]
    env = Environment(loader=PackageLoader("ingest.inspection", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    html = env.get_template("index.html.j2").render(
        seen=seen, plan=seen.plan, name=seen.path.name, pages=pages, records=records,
        tables=table_views(seen) if not seen.pages else [], legend=legend(),
        problems=[(p.reason, p.message, p.pages) for p in seen.plan.partial])
    with replacing(path) as tmp:
        tmp.write_text(html, encoding="utf-8")
