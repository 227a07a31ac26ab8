"""Rules added while measuring the invented set (tests/places/data/invented_geo.txt): each test is
named after the mistake it guards against. A small gazetteer of namesakes, the regex tokenizer."""

from __future__ import annotations

from dateline.places import find_places
from dateline.places.entries import MemoryGazetteer

from .helpers import entry, tokenize


def gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer(
        [
            (entry("614540", "Georgia", 42.0, 43.5, "GE", "country", 3_700_000), []),
            (entry("4197000", "Georgia", 32.75, -83.5, "US", "admin1", 10_000_000, "GA", "Georgia"), []),
            (entry("264371", "Athens", 37.98, 23.73, "GR", "city", 664_046, "ESYE31"), ["Athina"]),
            (entry("4180386", "Athens", 33.96, -83.38, "US", "city", 127_315, "GA", "Georgia"), []),
            (entry("390903", "Greece", 39.0, 22.0, "GR", "country", 10_700_000), []),
            (entry("2210247", "Tripoli", 32.89, 13.19, "LY", "city", 1_150_989, "77"), ["Tarabulus"]),
            (entry("266826", "Tripoli", 34.43, 35.84, "LB", "city", 229_398, "09"), ["Trablous"]),
            (entry("272103", "Lebanon", 33.83, 35.83, "LB", "country", 6_000_000), []),
            (entry("2215636", "Libya", 28.0, 17.0, "LY", "country", 6_500_000), []),
            (entry("248816", "Jordan", 31.0, 36.0, "JO", "country", 9_900_000), []),
            (entry("250441", "Amman", 31.96, 35.95, "JO", "city", 1_275_857, "16"), []),
            (entry("1227603", "Sri Lanka", 7.75, 80.75, "LK", "country", 21_670_000), []),
            (entry("2643123", "Manchester", 53.48, -2.24, "GB", "city", 395_515, "ENG"), []),
            (entry("690791", "Ukraine", 49.0, 32.0, "UA", "country", 44_000_000), []),
            (entry("713122", "Avdiyivka", 48.14, 37.75, "UA", "city", 35_826, "14"), ["Avdiivka"]),
            (entry("703448", "Kyiv", 50.45, 30.52, "UA", "city", 2_952_301, "12"), ["Kiev"]),
            (entry("3718426", "Port-au-Prince", 18.54, -72.34, "HT", "city", 1_234_742, "11"), []),
            (entry("1177446", "Gwadar", 25.12, 62.33, "PK", "city", 70_852, "02"), []),
            (entry("1183606", "Balochistan", 28.0, 65.6, "PK", "admin1", 9_000_000, "02"), []),
            (entry("338010", "Eritrea", 15.0, 39.0, "ER", "country", 5_000_000), []),
            (entry("335000", "Badme", 14.73, 37.8, "ER", "city", 1_563), []),
            (entry("4361885", "Maryland", 39.0, -77.27, "US", "admin1", 5_813_990, "MD", "Maryland"), []),
            (entry("2275099", "Maryland", 4.73, -7.74, "LR", "admin1", 70_926, "17", "Maryland"), []),
            (entry("4627306", "Hamilton County", 35.19, -85.19, "US", "admin2", 453_365, "TN"), []),
            (entry("4884453", "Belvidere", 42.26, -88.84, "US", "city", 25_132, "IL"), []),
            (entry("4900579", "Loves Park", 42.32, -89.06, "US", "city", 23_455, "IL"), []),
            (entry("4907959", "Rockford", 42.27, -89.09, "US", "city", 148_278, "IL"), []),
            (entry("3488465", "Spanish Town", 17.99, -76.96, "JM", "city", 145_018, "09"), []),
            (entry("4156404", "Gainesville", 29.65, -82.32, "US", "city", 133_857, "FL"), []),
            (entry("4196586", "Gainesville", 34.30, -83.82, "US", "city", 42_296, "GA"), []),
            (entry("4436296", "Mississippi", 32.75, -89.75, "US", "admin1", 2_900_000, "MS", "Mississippi"), []),
            (entry("1256922", "Secunderabad", 17.43, 78.49, "IN", "city", 204_182, "40"), []),
        ]
    )


def places(text, ents=None):
    return {p.text: p for p in find_places(text, tokenize(text, ents), gazetteer())}


def test_athens_georgia_followed_by_a_comma_is_the_us_state() -> None:
    found = places("A meeting in Athens, Georgia, turned heated.", {"Athens": "GPE", "Georgia": "GPE"})
    assert found["Georgia"].feature == "admin1" and found["Athens"].country_code == "US"
    listed = places("Athens, Georgia, Lebanon and Libya voted.", {"Athens": "GPE", "Georgia": "GPE"})
    assert listed["Georgia"].country_code == "GE"  # a list of places holds nothing


def test_lebanese_city_of_tripoli_is_in_lebanon() -> None:
    found = places("Clashes broke out in the northern Lebanese city of Tripoli.", {"Tripoli": "GPE"})
    assert found["Tripoli"].country_code == "LB"
    assert places("Fighting shook Tripoli overnight.", {"Tripoli": "GPE"})["Tripoli"].country_code == "LY"


def test_jordan_said_in_a_story_naming_amman_is_the_country() -> None:
    text = "Jordan said it shot down drones. In Amman, the minister spoke."
    assert places(text, {"Jordan": "PERSON", "Amman": "GPE"})["Jordan"].country_code == "JO"
    assert "Jordan" not in places("Jordan said he would play again.", {"Jordan": "PERSON"})


def test_possessive_country_tagged_person_is_a_place() -> None:
    text = "Sri Lanka's police fired tear gas."
    assert places(text, {"Sri Lanka's": "PERSON"})["Sri Lanka"].country_code == "LK"


def test_city_in_a_football_club_tagged_person_is_embedded_in_an_organization() -> None:
    found = places("Manchester United fans protested.", {"Manchester United": "PERSON"})
    assert found["Manchester"].country_code == "GB"


def test_town_after_a_place_preposition_in_a_named_country_despite_the_label() -> None:
    text = "Kyiv said its troops repelled attacks near Avdiivka."
    assert places(text, {"Kyiv": "GPE", "Avdiivka": "PERSON"})["Avdiivka"].geonameid == "713122"
    assert "Gwadar" in places("Gunmen in Balochistan attacked a bus near Gwadar.", {"Gwadar": "PRODUCT"})


def test_french_connectors_inside_a_name() -> None:
    assert places("Gangs attacked the prison in Port-au-Prince.")["Port-au-Prince"].country_code == "HT"


def test_small_town_after_town_of_despite_an_org_label() -> None:
    assert "Badme" in places("Eritrea left the border town of Badme.", {"Badme": "ORG"})


def test_maryland_is_the_larger_namesake_region() -> None:
    assert places("Robberies across Maryland worried police.", {"Maryland": "GPE"})["Maryland"].country_code == "US"


def test_a_county_by_its_full_name_inside_an_organization() -> None:
    text = "The Hamilton County Commission approved a new jail."
    assert "Hamilton County" in places(text, {"The Hamilton County Commission": "ORG"})


def test_towns_in_an_entity_that_lists_them() -> None:
    text = "The Rockford board met. Parents drove from Belvidere and Loves Park to protest."
    found = places(text, {"Rockford": "GPE", "Belvidere and Loves Park": "WORK_OF_ART"})
    assert "Belvidere" in found and "Loves Park" in found


def test_nearby_is_a_place_cue() -> None:
    assert "Secunderabad" in places("Schools in nearby Secunderabad closed.", {"Secunderabad": "PERSON"})


def test_a_people_label_on_part_of_a_name_is_not_the_names_label() -> None:
    assert "Spanish Town" in places("Soldiers would patrol Spanish Town as well.", {"Spanish": "NORP"})


def test_state_abbreviation_as_container_only() -> None:
    found = places("A fire broke out in Gainesville, Ga. on Monday.")
    assert found["Ga."].feature == "admin1" and found["Gainesville"].geonameid == "4196586"
    assert "Miss." not in places("Miss. Smith thanked Maryland voters.", {"Maryland": "GPE"})


def test_unknown_town_the_tagger_reads_as_an_adverb_after_around() -> None:
    from dateline.places.detect import Token

    text = "Kyiv said fighting continued around Avdiivka."
    tokens = [t if t.text != "Avdiivka" else Token(t.text, t.start, t.end, "ORG", t.start, t.end, False, "ADV")
              for t in tokenize(text, {"Kyiv": "GPE"})]
    assert "Avdiivka" in {p.text for p in find_places(text, tokens, gazetteer())}
