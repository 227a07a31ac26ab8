"""Rules added for the blind local-news batch (tests/places/data/invented_local.txt): small towns,
counties and facilities of US, UK and Australian local news. Each test is named after the mistake
it guards against. A small gazetteer of namesakes, the regex tokenizer."""

from __future__ import annotations

from dateline.places import find_places
from dateline.places.entries import Match, MemoryGazetteer
from dateline.places.resolve import prior

from .helpers import entry, tokenize


def gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer(
        [
            (entry("2643123", "Manchester", 53.48, -2.24, "GB", "city", 568_996, "ENG"), []),
            (entry("3489460", "Manchester", 18.05, -77.5, "JM", "admin1", 190_000, "06", "Manchester"), []),
            (entry("6254927", "Pennsylvania", 40.75, -77.5, "US", "admin1", 9_043_909, "PA", "Pennsylvania"), []),
            (entry("5198218", "Lititz", 40.16, -76.31, "US", "city", 9_225, "PA"), []),
            (entry("2064513", "Northern Territory", -20.0, 134.0, "AU", "admin1", 407_426, "03"), []),
            (entry("2068655", "Katherine", -14.47, 132.26, "AU", "city", 5_980, "03"), []),
            (entry("2651712", "Cumbria", 54.58, -2.9, "GB", "admin2", 386_466, "ENG"), []),
            (entry("2640416", "Penrith", 54.67, -2.76, "GB", "city", 16_700, "ENG"), []),
            (entry("2645756", "Keswick", 54.6, -3.13, "GB", "city", 4_658, "ENG"), []),
        ]
    )


def places(text, ents=None):
    return {p.text: p for p in find_places(text, tokenize(text, ents), gazetteer())}


def test_small_parish_is_no_likelier_than_a_big_city() -> None:
    g = gazetteer()
    gb, jm = sorted((m for m in g.lookup("manchester")), key=lambda m: m.entry.country_code or "")
    assert prior(Match(gb.entry, 0)) > prior(Match(jm.entry, 0))
    found = places("A man was arrested at Manchester Airport on Friday.", {"Manchester Airport": "FAC"})
    assert found["Manchester"].country_code == "GB"


def test_small_town_after_from_in_a_named_state() -> None:
    text = "Troopers arrested a man from Lititz after a crash, Pennsylvania State Police said."
    found = places(text, {"Lititz": "PERSON", "Pennsylvania State Police": "ORG"})
    assert found["Lititz"].geonameid == "5198218"
    assert "Lititz" not in places("Troopers arrested a man from Lititz after a crash.", {"Lititz": "PERSON"})


def test_common_name_after_town_of() -> None:
    text = "Rangers in the Northern Territory town of Katherine warned swimmers."
    found = places(text, {"Northern Territory": "LOC", "Katherine": "ORG"})
    assert found["Katherine"].geonameid == "2068655"
    assert "Katherine" not in places("Katherine warned swimmers.", {"Katherine": "PERSON"})


def test_large_county_by_its_own_name_and_towns_between() -> None:
    text = "Police in Cumbria closed the A66 between Penrith and Keswick."
    found = places(text, {"Cumbria": "ORG", "Penrith": "PERSON", "Keswick": "PERSON"})
    assert found["Cumbria"].feature == "admin2"
    assert "Penrith" in found and "Keswick" in found


def test_gulf_of_a_place_missing_from_the_gazetteer_is_not_the_gulf() -> None:
    from dateline.places.entries import MemoryGazetteer as Memory

    g = Memory([(entry(None, "Persian Gulf", 27.0, 51.0, None, "sea"), ["Gulf"]),
                (entry("4971068", "Maine", 45.25, -69.0, "US", "admin1", 1_300_000, "ME"), [])])
    text = "Warmer water in the Gulf of Maine pushed the catch north."
    found = {p.text: p for p in find_places(text, tokenize(text, {"the Gulf of Maine": "LOC"}), g)}
    assert "Gulf" not in found and found["Maine"].country_code == "US"


def test_name_before_lower_case_river_is_the_river_not_the_state() -> None:
    g = MemoryGazetteer([
        (entry(None, "Benue River", 7.8, 6.75, "NG", "river"), []),
        (entry("2347266", "Benue", 7.33, 8.75, "NG", "admin1", 4_200_000, "26"), []),
        (entry("2331140", "Makurdi", 7.73, 8.52, "NG", "city", 390_000, "26"), []),
    ])
    text = "Water from the Benue river flooded farms around Makurdi."
    found = {p.text: p for p in find_places(text, tokenize(text, {"Benue": "GPE", "Makurdi": "GPE"}), g)}
    assert found["Benue"].feature == "river"
