"""The normalised columns on the curated output of the samples."""
from __future__ import annotations

import pytest

from ingest.catalog import connect


@pytest.fixture(scope="module")
def con(curated_samples):
    return connect(curated_samples)


def test_every_sample_timing_parses(con):
    assert con.execute("select count(*) from activities where tid <> '' and not tid_parsed").fetchone()[0] == 0


def test_every_objective_looking_effektmal_maps(con):
    missed = con.execute("""select distinct effektmal from activities
                            where effektmal <> '' and effektmal not in ('Flertalet', 'Flerpart')
                              and len(miljomal) = 0""").fetchall()
    assert missed == []


def test_objective_typos_map_to_the_official_spelling(con):
    mapped = con.execute("""select distinct effektmal, miljomal from activities
                            where effektmal ilike '%giffr%' or effektmal ilike '%giftrfri%'""").fetchall()
    assert mapped and all("Giftfri miljö" in objectives for _, objectives in mapped)


def test_every_category_maps_to_the_canonical_set(con):
    canonical = {"Tillsynsprojekt", "Handläggarstöd", "Utbildning", "Utvecklingsarbete", "Handläggarträffar",
                 "Styrning", "Övriga träffar", "Kommunikation", "Övrigt"}
    found = {row[0] for row in con.execute("select distinct category_norm from activities").fetchall()}
    assert found <= canonical and "Övrigt" not in found


def test_a_proposal_and_the_activity_it_became_share_a_key(con):
    keys = con.execute("""select distinct p.proposal_key from proposals p join activities a
                          on a.activity_key = p.proposal_key and a.region = p.region
                          where p.text = 'Otillåten eldning'""").fetchall()
    assert keys == [("otillåten-eldning",)]


def test_a_one_word_proposal_does_not_take_a_longer_title_key(con):
    keys = {r[0] for r in con.execute("""select activity_key from activities
                                         where aktivitet like 'Avfall%'""").fetchall()}
    assert "avfall" not in keys
