"""Rules added for the blind local-news batch (tests/places/data/invented_local.txt): small towns,
counties and facilities of US, UK and Australian local news. Each test is named after the mistake
it guards against. A small gazetteer of namesakes, the regex tokenizer."""

from __future__ import annotations

from dateline.places import find_places
from dateline.places.entries import Match, MemoryGazetteer
from dateline.places.scoring import prior

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


def test_airport_by_its_own_name_is_the_airport_not_a_namesake_town() -> None:
    g = MemoryGazetteer([
        (entry(None, "Heathrow", 51.47, -0.454, "GB", "facility"), ["Heathrow Airport"]),
        (entry("4158296", "Heathrow", 28.76, -81.37, "US", "city", 5_896, "FL"), []),
    ])
    text = "Passengers were stranded at Heathrow after a power cut."
    found = {p.text: p for p in find_places(text, tokenize(text, {"Heathrow": "FAC"}), g)}
    assert found["Heathrow"].country_code == "GB"


def test_uk_story_that_names_no_country_keeps_its_towns_in_the_uk() -> None:
    g = MemoryGazetteer([
        (entry("2657782", "Aberystwyth", 52.42, -4.08, "GB", "city", 18_749, "WLS"), []),
        (entry("2637891", "Shrewsbury", 52.71, -2.75, "GB", "city", 71_715, "ENG"), []),
        (entry("2638077", "Sheffield", 53.38, -1.47, "GB", "city", 447_047, "ENG"), []),
        (entry("4091000", "Sheffield", 34.77, -87.7, "US", "city", 9_000, "AL"), []),
    ])
    text = "Storms closed the road between Aberystwyth and Shrewsbury, and trains to Sheffield were cancelled."
    found = {p.text: p for p in find_places(text, tokenize(text, {"Aberystwyth": "PERSON", "Shrewsbury": "GPE",
                                                                   "Sheffield": "GPE"}), g)}
    assert found["Aberystwyth"].country_code == "GB" and found["Sheffield"].country_code == "GB"


def test_word_of_an_unknown_name_matched_by_an_alternate_name_is_no_place() -> None:
    g = MemoryGazetteer([(entry("2976341", "Sablé-sur-Sarthe", 47.84, -0.33, "FR", "city", 14_734), ["Sable"])])
    text = "A boat sank off Cape Sable Island on Friday."
    assert not find_places(text, tokenize(text, {"Cape Sable Island": "LOC"}), g)


def test_small_town_after_from_in_the_state_of_two_other_places() -> None:
    g = MemoryGazetteer([
        (entry("4174757", "Tampa", 27.95, -82.46, "US", "city", 414_547, "FL"), []),
        (entry("4173838", "Spring Hill", 28.48, -82.53, "US", "city", 98_621, "FL"), []),
        (entry("4148986", "Brooksville", 28.56, -82.39, "US", "city", 7_854, "FL"), []),
    ])
    text = "A sinkhole opened in Spring Hill. Engineers from Tampa came, and a family from Brooksville moved."
    ents = {"Spring Hill": "GPE", "Tampa": "GPE", "Brooksville": "ORG"}
    assert "Brooksville" in {p.text for p in find_places(text, tokenize(text, ents), g)}
    alone = "A family from Brooksville moved."
    assert not find_places(alone, tokenize(alone, {"Brooksville": "ORG"}), g)


def test_big_city_that_is_also_a_word_after_in_within_the_story_country() -> None:
    from dateline.places.detect import Token

    g = MemoryGazetteer([
        (entry("2656173", "Bath", 51.38, -2.36, "GB", "city", 101_557, "ENG"), []),
        (entry("2653144", "Chippenham", 51.46, -2.12, "GB", "city", 35_800, "ENG"), []),
        (entry("2642786", "Melksham", 51.37, -2.14, "GB", "city", 19_357, "ENG"), []),
    ])
    text = "Crews from Chippenham and Melksham attended. The river burst its banks in Bath."
    tokens = [t if t.text != "Bath" else Token(t.text, t.start, t.end, "", -1, -1, False, "PROPN")
              for t in tokenize(text, {"Chippenham": "GPE", "Melksham": "GPE"})]
    assert "Bath" in {p.text for p in find_places(text, tokens, g)}
    assert "Bath" not in {p.text for p in find_places("He ran a Bath.", tokenize("He ran a Bath."), g)}


def test_town_north_of_and_off_are_place_prepositions() -> None:
    g = MemoryGazetteer([
        (entry("5294810", "Flagstaff", 35.2, -111.65, "US", "city", 70_320, "AZ"), []),
        (entry("5309842", "Prescott", 34.54, -112.47, "US", "city", 41_899, "AZ"), []),
        (entry("5313667", "Sedona", 34.87, -111.76, "US", "city", 10_388, "AZ"), []),
    ])
    text = "A fire north of Flagstaff forced evacuations. Smoke drifted to Sedona and Prescott."
    ents = {"Flagstaff": "ORG", "Sedona": "GPE", "Prescott": "GPE"}
    assert "Flagstaff" in {p.text for p in find_places(text, tokenize(text, ents), g)}


def test_long_hyphenated_french_name_is_one_name() -> None:
    g = MemoryGazetteer([
        (entry("6138032", "Sainte-Marthe-sur-le-Lac", 45.53, -73.93, "CA", "city", 15_000, "10"), []),
        (entry("2434479", "Lac", 13.5, 14.5, "TD", "admin1", 52_389, "07"), []),
    ])
    text = "Residents of Sainte-Marthe-sur-le-Lac were evacuated."
    found = {p.text: p for p in find_places(text, tokenize(text, {"Sainte-Marthe-sur-le-Lac": "GPE"}), g)}
    assert found["Sainte-Marthe-sur-le-Lac"].country_code == "CA" and "Lac" not in found


def test_country_before_border_despite_a_person_label() -> None:
    g = MemoryGazetteer([(entry("2434508", "Chad", 15.0, 19.0, "TD", "country", 15_477_751), [])])
    text = "Trucks waited on the Chad border."
    assert "Chad" in {p.text for p in find_places(text, tokenize(text, {"Chad": "PERSON"}), g)}
    assert not find_places("Chad said no.", tokenize("Chad said no.", {"Chad": "PERSON"}), g)


def test_hamlet_abroad_matched_by_an_alternate_name_in_a_story_about_elsewhere() -> None:
    g = MemoryGazetteer([
        (entry("366847", "Sudan", 15.0, 30.0, "SD", "country", 43_000_000), []),
        (entry("379555", "El Fasher", 13.63, 25.35, "SD", "city", 252_609), []),
        (entry("71000", "Aţ Ţawīlah", 15.6, 43.6, "YE", "city", 0), ["Tawila"]),
    ])
    text = "Forces shelled El Fasher in Sudan, and the road to Tawila was cut."
    found = {p.text for p in find_places(text, tokenize(text, {"El Fasher": "GPE", "Sudan": "GPE",
                                                                "Tawila": "GPE"}), g)}
    assert "El Fasher" in found and "Tawila" not in found


def test_downtown_is_a_place_cue() -> None:
    g = MemoryGazetteer([
        (entry("5238685", "Montpelier", 44.26, -72.58, "US", "city", 8_074, "VT"), []),
        (entry("5242283", "Vermont", 43.92, -72.58, "US", "admin1", 626_000, "VT"), []),
    ])
    text = "The river flooded downtown Montpelier, Vermont officials said."
    assert "Montpelier" in {p.text for p in find_places(text, tokenize(text, {"Montpelier": "ORG"}), g)}


def test_listed_air_base_tagged_person_is_a_place() -> None:
    g = MemoryGazetteer([(entry(None, "Incirlik", 37.0, 35.43, "TR", "facility"), ["Incirlik Air Base"])])
    text = "Drones attacked the Incirlik air base."
    assert "Incirlik" in {p.text for p in find_places(text, tokenize(text, {"Incirlik": "PERSON"}), g)}
