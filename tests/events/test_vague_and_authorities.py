"""Later sentences with nothing but a trigger are background; "Other" events name the government."""

from __future__ import annotations

from dateline.records import GeoRef, Place

from .helpers import events_of

BAGHDAD = GeoRef("Baghdad", "98182", 33.34, 44.40, "IQ", "Baghdad", "city")


def test_regression_background_destroyed_in_fighting_is_not_an_event() -> None:
    body = "The bridge reopened to traffic. Another bridge was destroyed in fighting."
    assert [e.sub_event_type for e in events_of(body, dateline=BAGHDAD)] == ["Other"]


def test_a_later_sentence_with_a_place_counts_fully() -> None:
    body = "The bridge reopened to traffic. Mortar rounds landed in Mosul."
    start = body.index("Mosul")
    place = Place("Mosul", start, start + 5, "Mosul", "99072", 36.34, 43.13, "IQ", "Nineveh", "city")
    placed = {e.sub_event_type: e.confidence for e in events_of(body, places=[place])}
    unplaced = {e.sub_event_type: e.confidence for e in events_of(body)}
    shelling = "Shelling/artillery/missile attack"
    assert placed[shelling] > unplaced[shelling]


def test_other_event_without_actor_names_the_government_of_its_country() -> None:
    (event,) = events_of("The border crossing reopened on Monday.", dateline=BAGHDAD)
    assert event.sub_event_type == "Other"
    assert event.actor1 is not None and event.actor1.name == "Government of Iraq"
    assert event.actor1.type == "State forces"
