"""Detection and disambiguation rules, on the fake gazetteer and a regex tokenizer."""

from __future__ import annotations

from dateline.places import find_places, resolve_dateline

from .helpers import fake_gazetteer, tokenize


def places(text, ents=None, country=None):
    return {p.text: p for p in find_places(text, tokenize(text, ents), fake_gazetteer(), country)}


def test_transliterated_names_resolve() -> None:
    text = "Iraqi forces retook the post near the town of Al-Qaim, which faces Albu Kamal in Syria."
    found = places(text, {"Albu Kamal": "PERSON", "Al-Qaim": "PERSON"})
    assert found["Al-Qaim"].geonameid == "92138"
    assert found["Albu Kamal"].geonameid == "174448"
    assert found["Iraqi"].country_code == "IQ" and found["Iraqi"].feature == "country"


def test_offsets_point_at_the_text() -> None:
    text = "Close to the Euphrates River in Iraq's restive Anbar province, Al-Qaim faces Syria."
    for p in find_places(text, tokenize(text), fake_gazetteer()):
        assert text[p.start : p.end] == p.text
    assert "Anbar" in places(text)


def test_damascus_in_a_syria_story_is_the_capital() -> None:
    text = "A highway connects Baghdad and Damascus across Syria."
    assert places(text)["Damascus"].country_code == "SY"


def test_paris_texas_by_containment() -> None:
    found = places("The storm hit Paris, Texas on Monday.", {"Paris": "GPE", "Texas": "GPE"})
    assert found["Paris"].country_code == "US"
    assert places("He flew to Paris on Monday.", {"Paris": "GPE"})["Paris"].country_code == "FR"


def test_daesh_is_never_a_place_even_if_ner_says_gpe() -> None:
    assert "Daesh" not in places("Daesh seized the town in 2014.", {"Daesh": "GPE"})


def test_georgia_in_an_american_story_is_the_state() -> None:
    text = "Voters in the United States went to the polls. In Georgia, turnout was high."
    assert places(text, {"Georgia": "GPE"})["Georgia"].feature == "admin1"
    assert places("Georgia and Syria signed a deal.", {"Georgia": "GPE"})["Georgia"].country_code == "GE"


def test_one_sense_per_discourse() -> None:
    text = "Damascus is near Syria's border. Later, Damascus said it would respond."
    found = [p for p in find_places(text, tokenize(text), fake_gazetteer()) if p.text == "Damascus"]
    assert len(found) == 2 and {p.geonameid for p in found} == {"170654"}


def test_a_us_serviceman_is_not_a_place_named_a_us() -> None:
    found = places("A US serviceman was killed.", {"US": "GPE"})
    assert "A US" not in found and found["US"].country_code == "US"


def test_north_carolina_is_not_carolina() -> None:
    assert places("He lives in North Carolina.", {"North Carolina": "GPE"})["North Carolina"].country_code == "US"


def test_words_of_a_person_name_are_not_places() -> None:
    found = places("Paris Hilton arrived. Paris said hello.", {"Paris Hilton": "PERSON"})
    assert "Paris" not in found


def test_dateline_place() -> None:
    gaz = fake_gazetteer()
    ref = resolve_dateline("AL QAIM, Iraq", gaz)
    assert ref is not None and ref.geonameid == "92138"
    ref = resolve_dateline("PARIS, Texas", gaz)
    assert ref is not None and ref.country_code == "US"
    assert resolve_dateline("NOWHERE", gaz) is None


def test_dateline_country_steers_resolution() -> None:
    found = find_places("Officials in Damascus met.", tokenize("Officials in Damascus met."), fake_gazetteer(), "US")
    assert found[0].country_code == "SY"  # a city of 1.5 million still beats a town of 15,000


def test_the_dateline_place_fixes_the_same_name_in_the_body() -> None:
    text = "Storms hit Paris on Monday."
    found = find_places(text, tokenize(text, {"Paris": "GPE"}), fake_gazetteer(), "US", fixed={"paris": "4733313"})
    assert found[0].geonameid == "4733313"


def test_a_city_tagged_norp_after_a_place_cue_is_a_place() -> None:
    found = places("Militants attacked the southern outskirts of Damascus.", {"Damascus": "NORP"})
    assert found["Damascus"].country_code == "SY"
    assert "Damascus" not in places("Damascus officials said.", {"Damascus": "NORP"})


def test_country_names_with_and_are_one_name() -> None:
    from dateline.places.entries import MemoryGazetteer

    from .helpers import entry

    gaz = MemoryGazetteer(
        [
            (entry("3573591", "Trinidad and Tobago", 11.0, -61.0, "TT", "country", 1_300_000), []),
            (entry("3902377", "Trinidad", -14.83, -64.9, "BO", "city", 84_000), []),
        ]
    )
    text = "Flights to Trinidad and Tobago resumed."
    found = find_places(text, tokenize(text, {"Trinidad and Tobago": "GPE"}), gaz)
    assert [p.text for p in found] == ["Trinidad and Tobago"]


def test_a_city_that_is_most_of_its_namesake_region_is_the_city() -> None:
    from dateline.places.entries import MemoryGazetteer

    from .helpers import entry

    gaz = MemoryGazetteer(
        [
            (entry("170063", "Aleppo", 36.2, 37.16, "SY", "city", 2_098_210, "09"), []),
            (entry("170062", "Ḩalab", 36.2, 37.5, "SY", "admin1", 2_800_000, "09"), ["Aleppo"]),
            (entry("6093943", "Quebec", 52.0, -72.0, "CA", "admin1", 8_000_000, "10"), []),
            (entry("6325494", "Québec", 46.81, -71.21, "CA", "city", 531_902, "10"), []),
        ]
    )
    for text, feature in (("Fighting in Aleppo went on.", "city"), ("Voters in Quebec went out.", "admin1")):
        name = text.split()[2].rstrip(".")
        assert find_places(text, tokenize(text, {name: "GPE"}), gaz)[0].feature == feature


def test_regression_demonym_contained_in_a_country_does_not_crash() -> None:
    found = places("Iraqi in Iraq", {"Iraq": "GPE"})
    assert found["Iraqi"].country_code == "IQ" and found["Iraq"].feature == "country"
