"""Rules for places named without a preposition of place in war news (issue 10, round 6; blind batch
tests/places/data/invented_war.txt): the target of an attack verb is a place whatever the model's label,
and a city named like its region is the city there. Each test names its rule id (data/target_cues.tsv,
scoring.city_of_region, scoring.candidate_score). A small gazetteer of namesakes, the regex tokenizer."""

from __future__ import annotations

from dateline.places import find_places
from dateline.places.entries import MemoryGazetteer
from dateline.places.lexicon import target_cues

from .helpers import entry, tokenize


def gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer(
        [
            (entry("2017370", "Russia", 60.0, 100.0, "RU", "country", 144_000_000), []),
            (entry("706448", "Kherson", 46.64, 32.61, "UA", "city", 66_000, "08"), []),
            (entry("706442", "Khersonska oblast", 46.75, 33.5, "UA", "admin1", 593_927, "08"), ["Kherson"]),
            (entry("1298482", "Sagaing", 21.88, 95.98, "MM", "city", 78_739, "10"), []),
            (entry("1298480", "Sagaing", 23.5, 95.0, "MM", "admin1", 1_021_404, "10"), []),
            (entry("64460", "Beledweyne", 4.74, 45.2, "SO", "city", 55_410, "07"), []),
            (entry("173377", "Al Qāmishlī", 37.05, 41.23, "SY", "city", 184_231, "01"), []),
            (entry("415189", "Aden", 12.78, 45.04, "YE", "city", 1_079_670, "02"), []),
            (entry("4699066", "Houston", 29.76, -95.36, "US", "city", 2_296_224, "TX"), []),
            (entry("706483", "Kharkiv", 49.98, 36.25, "UA", "city", 1_421_125, "07"), []),
            (entry("706482", "Kharkivska oblast", 49.5, 36.5, "UA", "admin1", 3_048_471, "07"), ["Kharkiv"]),
            (entry("690791", "Ukraine", 49.0, 32.0, "UA", "country", 44_000_000), []),
            (entry("704422", "Pokrovsk", 48.28, 37.18, "UA", "city", 60_127, "05"), []),
            (entry("563464", "Engels", 51.5, 46.12, "RU", "city", 196_011, "67"), ["Pokrovsk"]),
            (entry("163843", "Syria", 35.0, 38.0, "SY", "country", 17_000_000), []),
            (entry("377724", "Bara", 13.7, 30.37, "SD", "city", 40_000, "56"), []),
            (entry("2329946", "Monguno", 12.67, 13.61, "NG", "city", 20_297, "27"), []),
            (entry("8659828", "Monguno", 12.7, 13.5, "NG", "admin2", 20_297, "27"), []),
        ]
    )


def places(text, ents=None):
    return {p.text: p for p in find_places(text, tokenize(text, ents), gazetteer())}


def test_target_verb_town_labelled_person_is_the_town() -> None:
    """places.target-verb: "Russian forces shelled Kherson" (the model: PERSON) names Kherson, the city."""
    found = places("Russian forces shelled Kherson on Sunday, killing two civilians.", {"Kherson": "PERSON"})
    assert found["Kherson"].geonameid == "706448" and found["Russian"].country_code == "RU"


def test_target_passive_subject_is_the_town() -> None:
    """places.target-passive: "Kherson was shelled", "Kharkiv has been hit again" (no preposition at all)."""
    assert places("Kherson was shelled on Sunday.", {"Kherson": "PERSON"})["Kherson"].geonameid == "706448"
    assert places("Kharkiv has been hit again by glide bombs.", {})["Kharkiv"].feature == "city"
    assert places("Kherson came under fire overnight.", {"Kherson": "PERSON"})["Kherson"].feature == "city"


def test_target_noun_on_is_the_town() -> None:
    """places.target-noun: "the attack on Kherson"."""
    assert "Kherson" in places("They repelled the attack on Kherson, officials said.", {"Kherson": "PERSON"})


def test_target_leave_from_is_the_town() -> None:
    """places.target-leave: "withdrawn from Beledweyne" (PERSON, a town of 55,000); "Mr. Aden" stays a person."""
    text = "Mr. Aden said the militia had withdrawn from Beledweyne after clan elders intervened."
    found = places(text, {"Beledweyne": "PERSON", "Aden": "PERSON"})
    assert "Beledweyne" in found and "Aden" not in found
    assert "Beledweyne" not in places("A letter from Beledweyne arrived.", {"Beledweyne": "PERSON"})


def test_target_city_same_named_region_is_the_city() -> None:
    """places.target-city: "Military jets bombed Sagaing" is the city, "the Sagaing region" the region."""
    assert places("Military jets bombed Sagaing on Friday.", {"Sagaing": "PERSON"})["Sagaing"].feature == "city"
    assert places("Fighting spread across the Sagaing region.", {"Sagaing": "GPE"})["Sagaing"].feature == "admin1"


def test_city_over_alias_region_in_a_locative() -> None:
    """places.city-over-alias: "killed in Kherson" is the city, which goes by that name; the oblast only by an
    alternate one. With its word, the region: "the Kherson region"."""
    assert places("Two civilians were killed in Kherson.", {"Kherson": "GPE"})["Kherson"].geonameid == "706448"
    assert places("Villages across the Kherson region were hit.", {"Kherson": "GPE"})["Kherson"].feature == "admin1"


def test_target_by_a_stripped_name_of_a_large_city() -> None:
    """places.target-verb with a name without its article: "struck Qamishli" is Al Qāmishlī (a city of 100,000)."""
    found = places("Turkish drones struck Qamishli on Wednesday.", {"Turkish": "NORP"})
    assert found["Qamishli"].geonameid == "173377"


def test_person_with_a_place_name_after_an_attack_verb_is_no_place() -> None:
    """A name followed by another capitalized word is no target: "shot dead Aden Hassan", "attacked Houston Smith"."""
    assert "Aden" not in places("Gunmen attacked Aden Hassan, a clan elder, on Friday.", {"Aden Hassan": "PERSON"})
    assert "Houston" not in places("Rivals attacked Houston Smith in a speech.", {"Houston Smith": "PERSON"})


def test_target_cues_are_data_with_rule_ids() -> None:
    cues = target_cues()
    assert {"shelled", "struck", "captured"} <= cues["verb"] and "shelled" in cues["passive"]
    assert "was" in cues["aux"] and "attack" in cues["noun"] and "withdrew" in cues["leave"]


def test_target_city_over_a_same_named_district() -> None:
    """places.target-city also holds for an admin-2 region: "raided Monguno" is the town, not the LGA."""
    found = places("Boko Haram fighters raided Monguno before dawn.", {"Monguno": "PERSON"})
    assert found["Monguno"].geonameid == "2329946"


def test_attacker_demonym_is_no_evidence_of_the_place_of_the_attack() -> None:
    """places.attacker-demonym: "Russian troops advanced on Pokrovsk" is Ukraine's Pokrovsk, not Russia's Engels
    (once called Pokrovsk): the adjective says who attacks, not where."""
    found = places("Russian troops advanced on Pokrovsk throughout the autumn.", {"Pokrovsk": "GPE"})
    assert found["Pokrovsk"].country_code == "UA" and found["Russian"].country_code == "RU"


def test_target_abroad_is_dropped_when_the_article_names_another_country() -> None:
    """places.target-abroad: a name read as a place only by its verb is dropped when the article names
    other countries and none of its well-known readings lies there ("shelled Bara ... in Syria")."""
    text = "Regime forces shelled Bara in the south, Syria's state media said."
    assert "Bara" not in places(text, {"Bara": "PERSON", "Syria": "GPE"})
    assert "Bara" in places("Regime forces shelled Bara on Sunday.", {"Bara": "PERSON"})

