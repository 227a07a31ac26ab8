"""Rules written for Middle East reporting: transliterated names, mislabelled towns, lists."""

from __future__ import annotations

from dateline.places import find_places
from dateline.places.entries import MemoryGazetteer

from .helpers import entry, tokenize


def gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer(
        [
            (entry("163843", "Syria", 35.0, 38.0, "SY", "country", 17_000_000), []),
            (entry("6252001", "United States", 39.76, -98.5, "US", "country", 327_000_000), ["U.S."]),
            (entry("165509", "Ra’s al ‘Ayn", 36.85, 40.07, "SY", "city", 0), ["Ras el Ain"]),
            (entry("163750", "Tall Abyaḑ", 36.7, 38.95, "SY", "city", 0), ["Tal Abyad"]),
            (entry("169179", "Jarābulus", 36.82, 38.01, "SY", "city", 24_997), ["Jarabulus"]),
            (entry("163000", "Manbij", 36.53, 37.95, "SY", "city", 99_497), []),
            (entry("1258395", "Rās", 26.3, 74.2, "IN", "city", 9_511), []),
            (entry("9999", "Sayad", 35.0, 66.0, "AF", "admin2", 0), ["Us Distract"]),
        ]
    )


def places(text, ents=None):
    return {p.text: p for p in find_places(text, tokenize(text, ents), gazetteer())}


def test_skeleton_match_with_regional_containment_and_a_list() -> None:
    text = "Turkish forces shelled Tal Abyad and Ras al-Ain in northeastern Syria."
    found = places(text, {"Tal Abyad": "PERSON", "Ras al-Ain": "PERSON", "Syria": "GPE"})
    assert found["Ras al-Ain"].geonameid == "165509"  # by its skeleton, not the Indian town "Ras"
    assert found["Tal Abyad"].geonameid == "163750"  # listed with a place


def test_unlabelled_town_in_a_country_the_story_names() -> None:
    text = "Kurdish fighters left Manbij in Syria. Jarabulus remained calm."
    assert places(text, {"Manbij": "GPE", "Syria": "GPE"})["Jarabulus"].country_code == "SY"


def test_skeleton_never_beats_a_country_alias() -> None:
    found = places("The U.S. District Court ruled.", {"U.S. District Court": "ORG"})
    assert "U.S. District" not in found


def test_skeleton_needs_support() -> None:
    assert not places("Ras Ayin said nothing.")
