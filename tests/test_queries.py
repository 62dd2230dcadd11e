"""Every named query, run on the curated output of the samples, gives known answers."""
from __future__ import annotations

import pandas as pd
import pytest

from ingest.queries import analysis_connection, named_queries, run_query

from .conftest import SAMPLE_NAMES

JKP = "Jönköpings län"


@pytest.fixture(scope="module")
def con(curated_samples):
    return analysis_connection(curated_samples)


def run(con, name, **params):
    return run_query(name, None, {k: str(v) for k, v in params.items()}, con=con)


def test_every_named_query_documents_itself_and_runs(con):
    for name, query in named_queries().items():
        assert query.description and query.columns, name
        params = {k: (v if v is not None else {"region": JKP, "year": "2022"}[k]) for k, v in query.params.items()}
        run(con, name, **params)


def test_plans_count_each_plan_once_whatever_its_files(con):

    plans = con.execute("select count(*), count(distinct plan_id) from plans").fetchone()
    assert plans == (len(SAMPLE_NAMES), len(SAMPLE_NAMES))


def test_activities_over_time_counts_each_year_once_from_the_adopted_plan(con):
    df = run(con, "activities_over_time", region=JKP)
    per_year = df.groupby("plan_year")["activities"].sum().to_dict()
    assert per_year == {2019: 22, 2020: 21, 2021: 25, 2022: 21, 2023: 21}


@pytest.mark.parametrize("proposal,status,plans,promoted", [
    ("Täkter", "still_in_bank", 4, None), ("Vindkraft", "still_in_bank", 4, None),
    ("Tillfälliga boenden", "still_in_bank", 4, None),
    ("Klimathotets påverkan på tillsynen", "still_in_bank", 4, None),
    ("Otillåten eldning", "promoted", 2, 2022), ("Energi i tillsynen", "promoted", 3, 2023),
    ("Bassängbad", "promoted", 1, 2020), ("Vårdlokaler", "dropped", 3, None), ("Avfall", "dropped", 2, None),
])
def test_proposal_bank_audit_of_jonkoping(con, proposal, status, plans, promoted):
    df = run(con, "proposal_bank_audit", region=JKP).set_index("proposal")
    row = df.loc[proposal]
    assert (row.status, row.plans_in_bank) == (status, plans)
    assert (None if pd.isna(row.promoted_year) else int(row.promoted_year)) == promoted


def test_recurring_meetings_share_one_key_across_2019_to_2023(con):
    df = run(con, "recurring_activities", region=JKP).set_index("aktivitet")
    for meeting in ["Styrgruppsmöten", "Beredningsgruppsmöten", "Kontaktpersonsträff", "Presidieträff"]:
        assert list(df.loc[meeting, "years"]) == [2019, 2020, 2021, 2022, 2023]


def test_plan_diff_lists_the_real_differences_between_preliminary_and_adopted(con):
    df = run(con, "plan_diff", region=JKP, year=2022)
    assert set(df.preliminary_plan) == {"miljösamverkan jönköpings län 2021-2023"}
    assert set(df.adopted_plan) == {"miljösamverkan jönköpings län 2022-2024"}
    added = set(df[df.change == "added"].aktivitet)
    removed = set(df[df.change == "removed"].aktivitet)
    assert "Förskolor med fokus på inomhusmiljö" in added
    assert "Undervisningslokaler med fokus på ventilation på skolor och förskolor" in removed
    changed = df[df.change == "changed"].set_index("aktivitet")
    assert list(changed.loc["Styrgruppsmöten", "changed_fields"]) == ["ansvar"]
    assert "Avfall som blir produkt" in changed.index  # a corrected category typo is not a change of category
    assert "category" not in list(changed.loc["Avfall som blir produkt", "changed_fields"])


def test_compare_regions_for_a_year(con):
    df = run(con, "compare_regions", year=2023).set_index("region")
    assert df.loc["Östergötlands län", "supervision_projects"] == 2
    assert (df.loc["Östergötlands län", "income_tkr"], df.loc["Östergötlands län", "cost_tkr"]) == (1168, 1168)
    assert df.loc["Värmlands län", "activities"] == 21


def test_budget_over_time_totals_and_largest_costs(con):
    df = run(con, "budget_over_time", region="Östergötlands län")
    rows = {(r.budget_year, r.kind): r for r in df.itertuples()}
    assert rows[(2021, "utfall")].income_tkr == 1156 and rows[(2023, "budget")].cost_tkr == 1168
    assert rows[(2022, "budget")].largest_costs[0]["label"] == "Lön och ersättningar för samordnare"


def test_plans_ingested_lists_each_plan_once_with_its_chosen_file_and_the_others(con):
    df = run(con, "plans_ingested")
    files = con.execute("select source_file, plan_id, preference from plan_documents").df()
    assert len(df) == len(files[files.preference == 1])
    assert sorted(df.source_file) == sorted(files[files.preference == 1].source_file)
    assert sorted(f for row in df.itertuples() for f in [row.source_file, *row.other_files]) == sorted(files.source_file)
    assert df.n_pages.notna().all()  # a Word plan takes the pages of its PDF copy


def test_plan_year_versions_pairs_each_adopted_year_with_an_earlier_preliminary_plan(con):
    versions = con.execute("select * from plan_year_versions where preliminary_plan is not null").df()
    assert len(versions) > 0
    starts = dict(con.execute("select plan_id, period_start from plans").fetchall())
    for v in versions.itertuples():
        assert starts[v.preliminary_plan] < starts[v.adopted_plan]
        diff = run(con, "plan_diff", region=v.region, year=v.plan_year)
        assert set(diff.preliminary_plan) <= {v.preliminary_plan} and set(diff.adopted_plan) <= {v.adopted_plan}
