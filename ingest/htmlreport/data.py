"""What `vplan report` shows, taken from the named queries and views (`run_query`), as plain rows.

No SQL is written here beyond selecting from a view: a number the report needs comes from a
named query, and a query that lacks something is extended in `queries/`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from parsers.errors import NoPlansError, UsageError

from ..output import records
from ..queries import analysis_connection, run_query

UNKNOWN_REGION = "Okänt län"
NO_CATEGORY = "Utan kategori"
CHANGE_ORDER = {"added": 0, "removed": 1, "changed": 2}  # what came and went before what was reworded
VERSIONS = ("select region, plan_year, preliminary_period, adopted_period from plan_year_versions "
            "where preliminary_plan is not null and ($region = '' or region = $region) order by region, plan_year")
FAILED = "select source_file, reason, message from ingest_errors order by source_file"


@dataclass
class ReportData:
    curated: Path
    region: str  # the --region asked for, "" for all
    regions: list[str]
    plans: list[dict]
    failed: list[dict]
    over_time: pd.DataFrame  # activities_over_time
    audit: pd.DataFrame  # proposal_bank_audit
    budget: pd.DataFrame  # budget_over_time
    recurring: dict[str, list[dict]] = field(default_factory=dict)
    diffs: list[dict] = field(default_factory=list)
    comparisons: list[dict] = field(default_factory=list)

    @property
    def categories(self) -> list[str]:
        return sorted(self.over_time["category_norm"].dropna().unique())

    def rows_of(self, frame: pd.DataFrame, region: str) -> list[dict]:
        return records(frame[frame["region"] == region])

    def activity_table(self, region: str) -> dict:
        """A region's activities as categories by plan years: `years`, `rows` [(category, counts)], `totals`."""
        rows = self.over_time[self.over_time["region"] == region]
        table = rows.pivot_table(index="category_norm", columns="plan_year", values="activities",
                                 aggfunc="sum", fill_value=0)
        return {"years": [int(y) for y in table.columns],
                "rows": [(category, [int(n) for n in counts]) for category, counts in table.iterrows()],
                "totals": [int(n) for n in table.sum()]}


def gather(curated: Path, region: str | None = None) -> ReportData:
    """Run the queries the report shows, for every region or the one asked for."""
    con = analysis_connection(Path(curated))
    plans = run_query("plans_ingested", curated, con=con).assign(
        region=lambda df: df["region"].fillna(UNKNOWN_REGION))
    if plans.empty:
        raise NoPlansError(f"no plans in {curated}: run vplan ingest first (or give --curated)")
    chosen = pick_region(region, sorted(plans["region"].unique())) if region else ""
    params = {"region": chosen}

    def query(name: str, **more) -> pd.DataFrame:
        frame = run_query(name, curated, {**params, **more}, con=con)
        return frame.fillna({"region": UNKNOWN_REGION}) if "region" in frame else frame

    if chosen:
        plans = plans[plans["region"] == chosen]
    data = ReportData(curated=Path(curated), region=chosen, regions=sorted(plans["region"].unique()),
                      plans=[{**plan, "warnings": plan_warnings(plan)} for plan in records(plans)], failed=records(run_query(FAILED, curated, con=con)),
                      over_time=query("activities_over_time").fillna({"category_norm": NO_CATEGORY}),
                      audit=query("proposal_bank_audit"),
                      budget=query("budget_over_time"))
    recurring = query("recurring_activities")
    data.recurring = {r: data.rows_of(recurring, r) for r in data.regions}
    for version in records(query(VERSIONS)):
        rows = run_query("plan_diff", curated, {"region": version["region"], "year": str(version["plan_year"])},
                         con=con)
        rows = rows.sort_values("change", key=lambda c: c.map(CHANGE_ORDER), kind="stable")
        data.diffs.append({**version, "rows": records(rows), "counts": rows["change"].value_counts().to_dict()})
    data.comparisons = [comparison(run_query("compare_regions", curated, {"year": str(year)}, con=con),
                                   year, data.regions)
                        for year in comparison_years(data.over_time)]
    return data


def plan_warnings(plan: dict) -> list[str]:
    """The document's warnings, and a plan of which no activity was read: a reader should look at it."""
    missing = ["Inga aktiviteter har lästs ur planen."] if not plan["n_activities"] else []
    return missing + list(plan["warnings"] or [])


def pick_region(asked: str, regions: list[str]) -> str:
    """The region named exactly (any case), or the one region whose name contains the text asked for."""
    exact = [r for r in regions if r.casefold() == asked.strip().casefold()]
    found = exact or [r for r in regions if asked.strip().casefold() in r.casefold()]
    if len(found) == 1:
        return found[0]
    known = ", ".join(regions)
    if not found:
        raise UsageError(f"no plans for region '{asked}'; the curated plans are from: {known}")
    raise UsageError(f"region '{asked}' matches {', '.join(found)}; give one of them")


def comparison_years(over_time: pd.DataFrame) -> list[int]:
    """The latest plan year, and before it the latest year every region has a plan for, if that is another year."""
    if over_time.empty:
        return []
    regions_per_year = over_time.groupby("plan_year")["region"].nunique()
    latest = int(regions_per_year.index.max())
    complete = regions_per_year[regions_per_year == over_time["region"].nunique()]
    return sorted({latest, int(complete.index.max()) if len(complete) else latest}, reverse=True)


def comparison(frame: pd.DataFrame, year: int, regions: list[str]) -> dict:
    """One year's compare_regions rows, per-category counts spread into columns, and the regions missing."""
    rows = records(frame[frame["region"].isin(regions)])  # compare_regions has every region
    categories = sorted({c for row in rows for c in (row["per_category"] or {})})
    present = {row["region"] for row in rows}
    return {"year": year, "rows": rows, "categories": categories,
            "missing": [r for r in regions if r not in present]}
