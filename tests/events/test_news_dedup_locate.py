"""One event per occurrence with its other reports kept; outlets and datelines are not the event's place."""

from __future__ import annotations

from dateline.events.dedup import merge_duplicates
from dateline.events.locate import dateline_end, locate
from dateline.records import Event, EventDate, Evidence, Location, Place


def _ev(sub: str, etype: str, pos: int, text: str, conf: float, loc: Location | None) -> Event:
    return Event(id=f"e{pos}", event_type=etype, sub_event_type=sub, evidence=Evidence(text, pos, pos + len(text)),
                 date=EventDate("2016-12-17", "2016-12-17", "day", "Saturday"), location=loc, confidence=conf)


KAYSERI = Location("Kayseri", "308464", 38.73, 35.48, "TR", "Kayseri", 1)
TURKEY = Location("Turkey", "298795", 39.0, 35.0, "TR", None, 3)
ALEPPO = Location("Aleppo", "170063", 36.2, 37.16, "SY", "Aleppo", 1)
IDLIB = Location("Idlib", "169387", 35.8, 36.6, "SY", "Idlib", 3)


def test_one_occurrence_in_several_sentences_is_one_event_with_the_others_as_more_evidence() -> None:
    lead = _ev("Suicide bomb", "Explosions/Remote violence", 0, "A suicide car bomb in central Turkey killed 13.", 0.97,
               TURKEY)
    more = _ev("Remote explosive/landmine/IED", "Explosions/Remote violence", 60,
               "The blast in Kayseri destroyed a bus carrying soldiers on Saturday.", 0.62, KAYSERI)
    merged = merge_duplicates([lead, more])
    assert len(merged) == 1
    assert merged[0].sub_event_type == "Suicide bomb"
    assert {merged[0].evidence.start, *(e.start for e in merged[0].more_evidence)} == {0, 60}


def test_a_region_and_a_city_of_another_region_stay_apart() -> None:
    a = _ev("Shelling/artillery/missile attack", "Explosions/Remote violence", 0, "Shells hit Aleppo.", 0.9, ALEPPO)
    b = _ev("Shelling/artillery/missile attack", "Explosions/Remote violence", 40, "Rebels shelled Idlib villages.",
            0.88, IDLIB)
    assert len(merge_duplicates([a, b])) == 2


def test_strategic_developments_of_different_kinds_stay_apart() -> None:
    a = _ev("Arrests", "Strategic developments", 0, "Police arrested seven.", 0.8, KAYSERI)
    b = _ev("Agreement", "Strategic developments", 40, "A truce was agreed.", 0.8, KAYSERI)
    assert len(merge_duplicates([a, b])) == 2


def test_leading_datelines() -> None:
    for text, head in [("BEIRUT (AP) — A Kurdish militia", "BEIRUT (AP) —"),
                       ("GOMA, July 30 (AFP) - A truce", "GOMA, July 30 (AFP) -"), ("The army said", "")]:
        assert text[: dateline_end(text)] == head


def _place(body: str, text: str, lat: float, cc: str, feature: str = "city") -> Place:
    start = body.index(text)
    return Place(text, start, start + len(text), text, "1", lat, 30.0, cc, None, feature)


def test_a_news_agency_named_like_a_place_is_not_the_event_place() -> None:
    body = "Jets struck Gara in northern Iraq, Anadolu Agency reported."
    places = [_place(body, "Anadolu", 39.0, "TR", "region"), _place(body, "Gara", 37.0, "IQ")]
    loc = locate(body, places, 0, len(body), body.index("struck"))
    assert loc is not None and loc.name == "Gara"
    only = [_place(body, "Anadolu", 39.0, "TR", "region")]
    assert locate(body, only, 0, len(body), body.index("struck")) is None


def test_the_dateline_place_is_not_the_place_of_a_story_about_elsewhere() -> None:
    body = "BEIRUT (AP) — Turkey has shelled Qamishli in northeastern Syria."
    places = [_place(body, "BEIRUT", 33.9, "LB"), _place(body, "Qamishli", 37.0, "SY")]
    loc = locate(body, places, 0, len(body), body.index("shelled"), skip_before=dateline_end(body))
    assert loc is not None and loc.name == "Qamishli"


def test_a_home_town_is_not_the_event_place() -> None:
    body = "A US serviceman, 36-year-old Master Sgt J. Dunbar of Austin, Texas, died in the blast in Manbij."
    places = [_place(body, "Austin", 30.3, "US"), _place(body, "Texas", 31.0, "US", "admin1"),
              _place(body, "Manbij", 36.5, "SY")]
    loc = locate(body, places, 0, len(body), body.index("blast"))
    assert loc is not None and loc.name == "Manbij"


def test_regression_dateline_with_a_garbled_dash() -> None:
    text = "BEIRUT (AP) \ufffd A Kurdish militia spokesman says"
    assert text[: dateline_end(text)] == "BEIRUT (AP) \ufffd"
