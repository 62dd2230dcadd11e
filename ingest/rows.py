"""Turn a `ParsedPlan` into the rows of the curated tables."""
from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from parsers import PARSER_VERSION
from parsers.normalise import activity_norms
from parsers.records import ParsedPlan

from .keys import KeyRegistry


def document_row(plan: ParsedPlan, doc_id: str, sha256: str, path: Path) -> dict:
    stat = path.stat()
    meta = plan.meta
    return {
        "doc_id": doc_id, "source_file": path.name, "source_path": str(path), "sha256": sha256,
        "file_format": plan.file_format, "organisation": meta.organisation, "region": meta.region,
        "period_start": meta.period_start, "period_end": meta.period_end, "title": meta.title,
        "n_pages": plan.n_pages, "ingested_at": datetime.now(UTC),
        "parser_version": PARSER_VERSION, "file_size": stat.st_size,
        "file_mtime": datetime.fromtimestamp(stat.st_mtime, UTC),
        "n_activities": len(plan.activities), "n_budget_lines": len(plan.budget_lines),
        "n_proposals": len(plan.proposals), "n_national_activities": len(plan.national_activities),
        "warnings": list(plan.warnings) + [f"read in part ({p.reason}): {p.message}" for p in plan.partial],
    }


def plan_to_rows(plan: ParsedPlan, doc_id: str, keys: KeyRegistry,
                 norms: list[dict] | None = None) -> dict[str, list[dict]]:
    """Rows per child table, each tagged with the document and its region.

    `norms` are the activities' normalised columns when a worker computed them already.
    """
    region = plan.meta.region
    tag = {"doc_id": doc_id, "region": region}
    norms = norms if norms is not None else [activity_norms(a) for a in plan.activities]
    activities = []
    for a, norm in zip(plan.activities, norms):
        row = {**tag, **asdict(a), **norm, "activity_key": keys.key(region, a.aktivitet)}
        row["extra"] = list(a.extra.items())
        activities.append(row)
    return {
        "activities": activities,
        "budget_lines": [{**tag, **asdict(b)} for b in plan.budget_lines],
        "proposals": [{**tag, **asdict(p), "proposal_key": keys.key(region, p.text)} for p in plan.proposals],
        "national_activities": [{**tag, **asdict(n)} for n in plan.national_activities],
    }
