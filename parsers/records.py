"""Typed records that the interpretation stage produces from a document model.

They carry only what is read from the plan; ingest adds doc_id, region,
source file and timestamps when it writes them (see `ingest.schema`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

ACTIVITY_FIELDS = ("aktivitet", "aktivitetsmal", "genomforande", "tid", "ansvar",
                   "samverkansparter", "effektmal")


@dataclass
class PlanMeta:
    title: str | None = None
    organisation: str | None = None
    region: str | None = None
    period_start: int | None = None
    period_end: int | None = None


@dataclass
class Activity:
    plan_year: int | None
    category: str | None
    seq: int
    aktivitet: str | None = None
    aktivitetsmal: str | None = None
    genomforande: str | None = None
    tid: str | None = None
    ansvar: str | None = None
    samverkansparter: str | None = None
    effektmal: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    page_start: int | None = None
    page_end: int | None = None


@dataclass
class BudgetLine:
    budget_year: int | None
    kind: str  # budget | utfall | prognos
    section: str | None
    label: str
    amount_tkr: float | None
    is_total: bool
    seq: int
    unit: str = "tkr"  # the unit the plan used: tkr or kr
    amount_text: str = ""  # the cell as written


@dataclass
class Proposal:
    category: str | None
    text: str
    seq: int


@dataclass
class NationalActivity:
    year: int | None
    category: str | None
    text: str
    agency: str | None
    seq: int


@dataclass
class ParsedPlan:
    meta: PlanMeta
    activities: list[Activity] = field(default_factory=list)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    national_activities: list[NationalActivity] = field(default_factory=list)
    n_pages: int | None = None
    file_format: str = ""
    warnings: list[str] = field(default_factory=list)
    partial: list = field(default_factory=list)  # errors.PartialReadError: what was not read, and where
