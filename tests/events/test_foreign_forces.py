"""Events seen from their country: foreign militaries are External/Other forces, generic
mentions are named after the event's country, an actor's demonym is not the event's place."""

from __future__ import annotations

import pytest

from dateline.events.locate import locate
from dateline.events.participants import Parties, localize_parties
from dateline.records import Actor, Place


def _place(text: str, start: int, name: str, cc: str, feature: str = "country") -> Place:
    return Place(text, start, start + len(text), name, "1", 1.0, 1.0, cc, None, feature, 0.9)


def test_regression_demonym_of_the_actor_is_not_the_event_place() -> None:
    """Bug: "Turkish troops shelled … in northern Syria" was located in Turkey (nearest country)."""
    body = "Turkish troops shelled Kurdish villages in northern Syria on Tuesday."
    places = [_place("Turkish", 0, "Turkey", "TR"), _place("Syria", body.index("Syria"), "Syria", "SY")]
    got = locate(body, places, 0, len(body), body.index("shelled"), actors=[(0, 14)])
    assert got is not None and got.country_code == "SY"


def test_demonym_is_kept_when_nothing_else_places_the_event() -> None:
    body = "Turkish troops shelled Kurdish villages on Tuesday."
    got = locate(body, [_place("Turkish", 0, "Turkey", "TR")], 0, len(body), 15, actors=[(0, 14)])
    assert got is not None and got.country_code == "TR"


def test_foreign_military_becomes_external_forces() -> None:
    army = Actor("Military Forces of Turkey", "State forces", "Turkish troops", 0, 14, "TR")
    got = localize_parties(Parties(army), "SY")
    assert got.actor1 is not None and got.actor1.type == "External/Other forces"
    assert got.actor1.name == "Military Forces of Turkey"


def test_home_military_stays_state_forces() -> None:
    army = Actor("Military Forces of Turkey", "State forces", "Turkish troops", 0, 14, "TR")
    got = localize_parties(Parties(army), "TR")
    assert got.actor1 is not None and got.actor1.type == "State forces"


def test_convention_protesters_named_after_the_event_country() -> None:
    got = localize_parties(Parties(Actor("Protesters", "Protesters")), "NG")
    assert got.actor1 is not None and got.actor1.name == "Protesters (Nigeria)"
    assert got.actor1.text is None


def test_generic_mention_named_after_another_country_is_renamed() -> None:
    """The actors stage names "rebel positions" after the article's dominant country; the event's wins."""
    rebels = Actor("Unidentified Rebel Group (Russia)", "Rebel group", "rebel positions", 30, 45, "RU")
    got = localize_parties(Parties(None, rebels), "SY")
    assert got.actor2 is not None and got.actor2.name == "Unidentified Rebel Group (Syria)"


@pytest.mark.slow
@pytest.mark.parametrize(("text", "sub", "actor1", "type1"), [
    ("Turkish troops shelled Kurdish villages in northern Syria on Tuesday.",
     "Shelling/artillery/missile attack", "Military Forces of Turkey", "External/Other forces"),
    ("Protesters blocked roads in Lagos on Monday.", "Peaceful protest", "Protesters (Nigeria)", "Protesters"),
    ("Russian warplanes bombed rebel positions in Idlib province, killing 12 people.",
     "Air/drone strike", "Military Forces of Russia", "External/Other forces"),
    ("Kenyan soldiers clashed with al-Shabaab fighters in southern Somalia on Friday.",
     "Armed clash", "Military Forces of Kenya", "External/Other forces"),
])
def test_end_to_end(text: str, sub: str, actor1: str, type1: str) -> None:
    from dateline.pipeline import Pipeline
    from dateline.records import RawInput

    doc = Pipeline.from_settings()(RawInput("t", "body", text))
    top = max(doc.events, key=lambda e: e.confidence)
    assert top.sub_event_type == sub
    assert top.actor1 is not None and (top.actor1.name, top.actor1.type) == (actor1, type1)
