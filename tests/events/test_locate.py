"""Where an event happened, with ACLED geo precision."""

from __future__ import annotations

from dateline.events.locate import locate, precision_of
from dateline.records import GeoRef, Place


def _place(body: str, text: str, feature: str, cc: str = "IQ", gid: str = "1") -> Place:
    start = body.index(text)
    return Place(text, start, start + len(text), text, gid, 34.0, 41.0, cc, None, feature)


def test_town_in_sentence_is_precision_1() -> None:
    body = "Rebels attacked Hit on Monday."
    loc = locate(body, [_place(body, "Hit", "city")], 0, len(body), 8)
    assert loc is not None and loc.name == "Hit" and loc.geo_precision == 1


def test_near_a_town_is_precision_2() -> None:
    body = "Troops retook the border post near the town of Qaim."
    loc = locate(body, [_place(body, "Qaim", "city")], 0, len(body), 7)
    assert loc is not None and loc.geo_precision == 2


def test_most_specific_place_wins() -> None:
    body = "In Iraq's Anbar province, fighters stormed Rawa."
    places = [_place(body, "Iraq", "country"), _place(body, "Anbar", "admin1"), _place(body, "Rawa", "city")]
    loc = locate(body, places, 0, len(body), 30)
    assert loc is not None and loc.name == "Rawa"


def test_country_only_falls_back_to_the_dateline_place_in_that_country() -> None:
    body = "A crossing linking Iraq and Syria reopened."
    places = [_place(body, "Iraq", "country"), _place(body, "Syria", "country", "SY")]
    dateline = GeoRef("Al Qaim", "92138", 34.39, 40.99, "IQ", None, "city")
    loc = locate(body, places, 0, len(body), 35, dateline)
    assert loc is not None and loc.geonameid == "92138"


def test_country_only_without_dateline_is_precision_3() -> None:
    body = "Fighting spread across Syria."
    loc = locate(body, [_place(body, "Syria", "country", "SY")], 0, len(body), 0)
    assert loc is not None and loc.geo_precision == 3
    assert precision_of("admin1") == 3 and precision_of("admin2") == 2
