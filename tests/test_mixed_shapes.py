"""A batch of table plans and narrative plans (project descriptions) ingested together: the curated
tables and the named queries treat the activities of both shapes alike."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from ingest.pipeline import ingest
from ingest.queries import analysis_connection, run_query
from parsers.normalise import category_norm

from .conftest import ROOT, SAMPLES
from .scoring import score_curated

NARRATIVE = ROOT / "tests" / "fixtures" / "narrative"
TABLE_PLANS = [SAMPLES / "jonkoping_2022-2024.docx", SAMPLES / "varmland_2023-2025.pdf"]
NARRATIVE_PLANS = [SAMPLES / "kronoberg_2024-2025.docx", SAMPLES / "kronoberg_2024-2025.pdf", NARRATIVE]


def expected_plans() -> list[dict]:
    """The expected JSON of every plan in the batch (one per plan, whatever its number of files)."""
    stems = {p.stem for p in TABLE_PLANS + NARRATIVE_PLANS[:2]}
    paths = [SAMPLES / f"{s}.expected.json" for s in sorted(stems)] + sorted(NARRATIVE.glob("*.expected.json"))
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


EXPECTED = expected_plans()


def expected_activities(region: str | None = None, year: int | None = None) -> list[dict]:
    return [a | {"region": e["document"]["region"]} for e in EXPECTED for a in e["activities"]
            if region in (None, e["document"]["region"]) and year in (None, a["plan_year"])]


@pytest.fixture(scope="module")
def curated(tmp_path_factory):
    out = tmp_path_factory.mktemp("mixed")
    report = ingest(TABLE_PLANS + NARRATIVE_PLANS, out)
    assert not report.with_status("failed")
    return out


@pytest.fixture(scope="module")
def con(curated):
    return analysis_connection(curated)


def run(con, name, **params):
    return run_query(name, None, {k: str(v) for k, v in params.items()}, con=con)


def test_every_activity_of_both_shapes_is_in_plan_activities_with_its_normalised_columns(con):
    got = con.execute("select region, plan_year, aktivitet, category, category_norm, tid, tid_parsed "
                      "from plan_activities").df()
    assert Counter(zip(got.region, got.plan_year, got.aktivitet)) == Counter(
        (a["region"], a["plan_year"], a["aktivitet"]) for a in expected_activities())
    assert (got.category.isna() == got.category_norm.isna()).all()
    assert got[got.tid.notna()].tid_parsed.all()


@pytest.mark.parametrize("region", ["Kronobergs län", "Jönköpings län", "Värmlands län", "Hallands län"])
def test_activities_over_time_counts_narrative_and_table_plans_alike(con, region):
    """Hallands län has two narrative plans (2017-2018, 2024-2025); each year comes from its plan."""
    got = run(con, "activities_over_time", region=region).groupby("plan_year")["activities"].sum().to_dict()
    assert got == dict(Counter(a["plan_year"] for a in expected_activities(region)))


def test_compare_regions_puts_narrative_and_table_plans_side_by_side(con):
    df = run(con, "compare_regions", year=2024).set_index("region")
    assert {"Värmlands län", "Kronobergs län", "Hallands län"} <= set(df.index)  # a table plan, two narrative
    for region in df.index:
        acts = expected_activities(region, 2024)
        assert df.loc[region, "activities"] == len(acts)
        assert df.loc[region, "supervision_projects"] == sum(category_norm(a["category"]) == "Tillsynsprojekt"
                                                             for a in acts)
    assert (df.loc["Kronobergs län", "income_tkr"], df.loc["Kronobergs län", "cost_tkr"]) == (1049, 1049)


def test_recurring_activities_follow_a_project_description_across_years(con):
    df = run(con, "recurring_activities", region="Kronobergs län").set_index("aktivitet")
    assert list(df.loc["Styrgruppsmöten", "years"]) == [2024, 2025]
    assert "Radon i flerbostadshus" not in df.index  # a 2024 project only


def test_documents_count_the_activities_of_narrative_plans(con):
    docs = con.execute("select source_file, n_activities from documents").df()
    counts = dict(zip(docs.source_file, docs.n_activities))
    assert counts["kronoberg_2024-2025.docx"] == counts["kronoberg_2024-2025.pdf"] == 40
    for path in NARRATIVE.glob("*.expected.json"):
        n = len(json.loads(path.read_text(encoding="utf-8"))["activities"])
        stem = path.name[: -len(".expected.json")]
        assert {counts[f] for f in counts if f.rsplit(".", 1)[0] == stem} == {n}


def test_narrative_fixtures_score_full_marks_through_ingest(curated):
    got = score_curated(NARRATIVE, curated)["summary"]
    assert (got["docs_missing"], got["act_recall"], got["act_precision"], got["meta_acc"]) == (0, 1.0, 1.0, 1.0)
    assert got["cell_acc"] >= 0.998
