"""Tests of parsers.normalise: timing, goals, categories and title identity."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from parsers.normalise import (
    KeyMatcher,
    TidInfo,
    assign_keys,
    match_globala_mal,
    match_miljomal,
    near_matches,
    normalise_category,
    parse_tid,
    tid_is_parsed,
    title_key,
    title_similarity,
    title_slug,
)

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "raw" / "samples"
ALL_MILJOMAL = [
    "Begränsad klimatpåverkan", "Frisk luft", "Bara naturlig försurning", "Giftfri miljö",
    "Skyddande ozonskikt", "Säker strålmiljö", "Ingen övergödning", "Levande sjöar och vattendrag",
    "Grundvatten av god kvalitet", "Hav i balans samt levande kust och skärgård", "Myllrande våtmarker",
    "Levande skogar", "Ett rikt odlingslandskap", "Storslagen fjällmiljö", "God bebyggd miljö",
    "Ett rikt växt- och djurliv",
]  # fmt: skip


def samples(pattern: str = "*") -> list[dict]:
    """The expected.json documents of the sample corpus (skips the test when absent)."""
    files = sorted(SAMPLES.glob(f"{pattern}.expected.json"))
    if not files:
        pytest.skip("sample corpus not present")
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


# --- parse_tid -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("2021", dict(tid_year=2021, tid_period="year")),
        ("Under 2023", dict(tid_year=2023, tid_period="year")),
        ("Våren 2021", dict(tid_year=2021, tid_period="spring")),
        ("Hösten 2022", dict(tid_year=2022, tid_period="autumn")),
        ("April 2021", dict(tid_year=2021, tid_period="month", tid_month=4)),
        ("Maj/juni 2021", dict(tid_year=2021, tid_period="month", tid_month=5, tid_month_end=6)),
        ("april–juni 2022", dict(tid_year=2022, tid_period="month", tid_month=4, tid_month_end=6)),
        ("Februari 2022", dict(tid_year=2022, tid_period="month", tid_month=2)),
        ("Febuari 2023", dict(tid_year=2023, tid_period="month", tid_month=2)),
        ("Sommaren 2022", dict(tid_year=2022, tid_period="month", tid_month=6, tid_month_end=8)),
        ("Kvartal 2 2023", dict(tid_year=2023, tid_period="quarter", tid_quarter=2)),
        ("Q2 2023", dict(tid_year=2023, tid_period="quarter", tid_quarter=2)),
        ("kv 2 2023", dict(tid_year=2023, tid_period="quarter", tid_quarter=2)),
        ("andra kvartalet 2022", dict(tid_year=2022, tid_period="quarter", tid_quarter=2)),
        ("3 gånger per år", dict(times_per_year=3)),
        ("2 ggr/år", dict(times_per_year=2)),
        ("tre gånger per år", dict(times_per_year=3)),
        ("tolv ggr per år", dict(times_per_year=12)),
        ("en gång per kvartal", dict(times_per_year=4)),
        ("En träff per år", dict(times_per_year=1)),
        ("2 gånger per termin", dict(times_per_year=4)),
        ("Årligen", dict(times_per_year=1)),
        ("3 gånger under 2023", dict(tid_year=2023, tid_period="year", times_per_year=3)),
        ("Löpande", dict(tid_period="continuous")),
        ("Löpande under året", dict(tid_period="continuous")),
        ("Kontinuerligt", dict(tid_period="continuous")),
        ("Under året", dict(tid_period="year")),
        ("Våren och hösten 2022", dict(tid_year=2022, tid_period="year")),
        ("första halvåret 2022", dict(tid_year=2022, tid_period="spring")),
    ],
)
def test_parse_tid_reads_timing(text, expected):
    assert parse_tid(text) == TidInfo(**expected)
    assert tid_is_parsed(parse_tid(text))


@pytest.mark.parametrize("text", [None, "", "  ", "Beroende på resurser", "Ej fastställt", "Vid behov"])
def test_parse_tid_leaves_unknown_text_empty(text):
    info = parse_tid(text)
    assert all(v is None for v in dataclasses.astuple(info))
    assert not tid_is_parsed(info)


def test_tidinfo_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse_tid("2021").tid_year = 2022  # type: ignore[misc]


def test_every_sample_tid_parses():
    tids = [a["tid"] for d in samples() for a in d["activities"] if a["tid"]]
    assert tids
    assert [t for t in tids if not tid_is_parsed(parse_tid(t))] == []


# --- match_miljomal --------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL_MILJOMAL)
def test_match_miljomal_finds_each_official_name(name):
    assert match_miljomal(name) == [name]
    assert match_miljomal(name.upper()) == [name]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Giffri miljö", ["Giftfri miljö"]),
        ("Giftrfri miljö", ["Giftfri miljö"]),
        ("giffri miljö", ["Giftfri miljö"]),
        ("Giffrfri miljö, God bebyggd miljö", ["Giftfri miljö", "God bebyggd miljö"]),
        ("God bebyggd miljö, giftrfri miljö", ["God bebyggd miljö", "Giftfri miljö"]),
        ("Levande sjöar och vattendrag, Giftfri miljö", ["Levande sjöar och vattendrag", "Giftfri miljö"]),
        ("Levande sjöar och vattendrag, Ett rikt växt- och djurliv",
         ["Levande sjöar och vattendrag", "Ett rikt växt- och djurliv"]),
        ("Myllrande våtmarker och levande skogar", ["Myllrande våtmarker", "Levande skogar"]),
        ("Grundvatten av god kvalitet, Levande sjöar och vattendrag, giffri miljö",
         ["Grundvatten av god kvalitet", "Levande sjöar och vattendrag", "Giftfri miljö"]),
        ("Dricksvatten av god kvalitet, God bebyggd miljö, Giffri miljö", ["God bebyggd miljö", "Giftfri miljö"]),
        ('Åtgärd nr 6 i avsnittet "Ingen övergödning" i åtgärdsprogrammet "Vattnets miljömål 2017-2021"',
         ["Ingen övergödning"]),
        ("Ett rikt växt och djur liv", ["Ett rikt växt- och djurliv"]),
        ("Storslagen fjällmiljö; rikt odlingslandskap", ["Storslagen fjällmiljö", "Ett rikt odlingslandskap"]),
        ("Hav i balans", ["Hav i balans samt levande kust och skärgård"]),
        ("Giftfri miljö, God bebyggd miljö, Giftfri miljö", ["Giftfri miljö", "God bebyggd miljö"]),
        ("Bidrar till miljömål 4 och 15", ["Giftfri miljö", "God bebyggd miljö"]),
    ],
)
def test_match_miljomal_tolerates_typos_and_lists(text, expected):
    assert match_miljomal(text) == expected


@pytest.mark.parametrize(
    "text",
    [None, "", "Flertalet", "Flerpart", "Länets kommuner", "God kvalitet", "Miljö", "Dricksvatten av god kvalitet",
     "Giftfri", "Levande", "Vattnets miljömål 2017-2021", "Kommunerna i länet"],
)
def test_match_miljomal_maps_non_objectives_to_nothing(text):
    assert match_miljomal(text) == []


def test_sample_effektmal_objectives_all_map():
    for d in samples():
        for a in d["activities"]:
            text = a["effektmal"] or ""
            looks_like_objective = any(w in text.casefold() for w in ("miljö", "vatten", "övergödning", "klimat", "ozon"))
            assert bool(match_miljomal(text)) == looks_like_objective, text


def test_sample_free_text_names_no_objective_by_accident():
    texts = [a[f] for d in samples() for a in d["activities"] for f in ("aktivitet", "genomforande") if a[f]]
    texts += [p["text"] for d in samples() for p in d["proposals"]]
    assert [t for t in texts if match_miljomal(t) or match_globala_mal(t)] == []


# --- match_globala_mal -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jämställdhet", ["Jämställdhet"]),
        ("Hållbara städer och samhällen, Rent vatten och sanitet",
         ["Hållbara städer och samhällen", "Rent vatten och sanitet för alla"]),
        ("Ekosystem och biologisk mångfald", ["Ekosystem och biologisk mångfald"]),
        ("globalt mål 11", ["Hållbara städer och samhällen"]),
        ("Mål 6 och 11 i Agenda 2030", ["Rent vatten och sanitet för alla", "Hållbara städer och samhällen"]),
        ("Bidrar till globala målen 3, 6 och 14",
         ["Hälsa och välbefinnande", "Rent vatten och sanitet för alla", "Hav och marina resurser"]),
        ("Agenda 2030 mål 6.3", ["Rent vatten och sanitet för alla"]),
    ],
)
def test_match_globala_mal_finds_named_goals(text, expected):
    assert match_globala_mal(text) == expected


@pytest.mark.parametrize(
    "text",
    [None, "", "Mål 6", "Målet är att 6 kommuner deltar", "Hälsa", "Agenda 2030", "Giftfri miljö", "Flertalet",
     "Jämställdhetsarbete"],
)
def test_match_globala_mal_is_conservative(text):
    assert match_globala_mal(text) == []


# --- normalise_category ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tillsynsprojekt", "Tillsynsprojekt"),
        ("Tillsyn", "Tillsynsprojekt"),
        ("Tillsyn miljöskydd", "Tillsynsprojekt"),
        ("Handläggarstöd", "Handläggarstöd"),
        ("Handläggarsöd", "Handläggarstöd"),
        ("Handläggarstöd miljöskydd/hälsoskydd", "Handläggarstöd"),
        ("Utbildning/workshops", "Utbildning"),
        ("Utbildning/föreläsning/workshop", "Utbildning"),
        ("Övrigt utvecklingsarbete", "Utvecklingsarbete"),
        ("Handläggarträffar", "Handläggarträffar"),
        ("Styrning av Miljösamverkan", "Styrning"),
        ("Övriga träffar", "Övriga träffar"),
        ("Kommunikation", "Kommunikation"),
        ("Information och kommunikation", "Kommunikation"),
        ("KOMMUNIKATION", "Kommunikation"),
        ("Budget", "Övrigt"),
        ("Övrigt", "Övrigt"),
    ],
)
def test_normalise_category_maps_to_canonical_set(text, expected):
    assert normalise_category(text) == expected


@pytest.mark.parametrize("text", [None, "", "   ", "--"])
def test_normalise_category_of_empty_is_none(text):
    assert normalise_category(text) is None


def test_every_sample_category_maps_to_a_known_one():
    cats = {a["category"] for d in samples() for a in d["activities"]}
    assert {normalise_category(c) for c in cats} <= {
        "Tillsynsprojekt", "Handläggarstöd", "Utbildning", "Utvecklingsarbete",
        "Handläggarträffar", "Styrning", "Övriga träffar", "Kommunikation",
    }  # fmt: skip


# --- title identity --------------------------------------------------------------------------

def test_title_key_ignores_case_punctuation_and_word_splits():
    assert title_key("Jämföra de länsgemensamma nyckeltalen") == title_key("Jämföra de läns gemensamma nyckeltalen.")
    assert title_key("  JÄMFÖRA de länsgemensamma, nyckeltalen ") == "jämföradelänsgemensammanyckeltalen"
    assert title_slug("Miljöskydds- och hälsoskyddsinspektörer") == "miljöskydds-och-hälsoskyddsinspektörer"


@pytest.mark.parametrize(
    "a, b",
    [
        ("Jämföra de länsgemensamma nyckeltalen", "Jämföra de läns gemensamma nyckeltalen"),
        ("Ajourhålla den externa webbplatsen och Ping Pong", "Ajourhålla den externa webbplatsen"),
        ("Samordningsgrupp Miljö och hälsa Länsstyrelsen, Regionens Folkhälsa, Trafikverket och Miljösamverkan.",
         "Samordningsgrupp Miljö och hälsa Träffar mellan Länsstyrelsen, Regionens Folkhälsa, Trafikverket och "
         "Miljösamverkan."),
        ("Verksamhetsplan och budget", "Verksamhetsplan och budget."),
        ("Utveckling av den länsgemensamma behovsutredningsmallen",
         "Utveckling av den länsgemensamma behovsutredningsmal"),
    ],
)
def test_assign_keys_joins_reworded_titles(a, b):
    keys = assign_keys([a, b])
    assert keys[0] == keys[1] == title_slug(a)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Avfall", "Avfall från livsmedelsverksamheter"),
        ("Avfall", "Avfall som blir produkt"),
        ("Täkter", "Tillsyn av täkter i länet"),
        ("Hälsoskyddsinspektörer", "Miljöskydds- och hälsoskyddsinspektörer"),
        ("Miljöskyddsinspektörer med ansvar för lantbrukstillsyn", "Miljöskyddsinspektörer med ansvar för små avlopp"),
        ("Styrgruppsmöten", "Beredningsgruppsmöten"),
    ],
)
def test_assign_keys_keeps_different_titles_apart(a, b):
    for pair in ([a, b], [b, a]):
        keys = assign_keys(pair)
        assert keys[0] != keys[1]


def test_assign_keys_first_occurrence_names_the_cluster():
    keys = assign_keys(["Nyhetsbrev Miljösamverkan", "Uppdatera telefonboken", "nyhetsbrev  miljösamverkan", ""])
    assert keys == ["nyhetsbrev-miljösamverkan", "uppdatera-telefonboken", "nyhetsbrev-miljösamverkan", ""]


def test_key_matcher_lists_near_clusters_for_a_human():
    matcher = KeyMatcher()
    matcher.key("Miljöskyddsinspektörer med ansvar för små avlopp")
    assert matcher.near("Miljöskyddsinspektörer med ansvar för lantbrukstillsyn") == [
        "miljöskyddsinspektörer-med-ansvar-för-små-avlopp"
    ]
    assert matcher.near("Avfall") == []


def test_near_matches_returns_candidates_between_thresholds():
    candidates = ["Miljöskydds- och hälsoskyddsinspektörer", "Hälsoskyddsinspektörer", "Avfall", "Presidieträff"]
    assert near_matches("Hälsoskyddsinspektörer", candidates) == ["Miljöskydds- och hälsoskyddsinspektörer"]
    assert near_matches("Hälsoskyddsinspektörer", candidates, low=0, high=101)[0] == "Hälsoskyddsinspektörer"
    assert title_similarity("Avfall", "Avfall som blir produkt") < 75


def test_recurring_jonkoping_titles_share_one_key_across_years():
    docs = samples("jonkoping_*")
    titles = [a["aktivitet"] for d in docs for a in d["activities"]]
    keys = dict(zip(titles, assign_keys(titles)))
    per_year = [{keys[a["aktivitet"]] for a in d["activities"]} for d in docs]
    recurring = set.intersection(*per_year)
    for title in ("Presidieträff", "Styrgruppsmöten", "Beredningsgruppsmöten", "Kontaktpersonsträff",
                  "Hälsoskyddsinspektörer", "Projektledarträffar med alla regionala miljösamverkansorganisationer "
                  "i landet", "Nyhetsbrev Miljösamverkan", "Ajourhålla den externa webbplatsen"):
        assert keys[title] in recurring, title
    assert keys["Ajourhålla den externa webbplatsen och Ping Pong"] == keys["Ajourhålla den externa webbplatsen"]
    assert keys["Hälsoskyddsinspektörer"] != keys["Miljöskydds- och hälsoskyddsinspektörer"]
