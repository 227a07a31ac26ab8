"""The detection rules that need the parse: countries as participants, titled persons, organisations."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


def found(nlp: Any, detector: Any, text: str, cc: str | None = None) -> list[tuple[str, str, str | None]]:
    mentions = detector.find(text, nlp(text), cc)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    return [(m.text, m.name, m.type) for m in mentions]


def test_countries_that_act_are_governments(nlp: Any, detector: Any) -> None:
    text = "Iraq and Syria reopened the border crossing on Monday."
    assert found(nlp, detector, text) == [
        ("Iraq", "Government of Iraq", "State forces"),
        ("Syria", "Government of Syria", "State forces"),
    ]


def test_countries_as_places_are_not_actors(nlp: Any, detector: Any) -> None:
    assert found(nlp, detector, "Fighting continued in Syria on Monday.") == []


def test_shouted_dateline_is_not_a_government(nlp: Any, detector: Any) -> None:
    assert not [m for m in found(nlp, detector, "BEIRUT says it will reply.") if m[0] == "BEIRUT"]


def test_titled_person_is_the_government(nlp: Any, detector: Any) -> None:
    text = "Iraqi President Barham Salih met the delegation in Baghdad."
    assert ("Iraqi President Barham Salih", "Government of Iraq", "State forces") in found(nlp, detector, text)


def test_armed_organisation_keeps_its_name(nlp: Any, detector: Any) -> None:
    text = "The Patriotic Liberation Front attacked an army post near the border."
    names = found(nlp, detector, text, "ML")
    assert ("Patriotic Liberation Front", "Patriotic Liberation Front", "Rebel group") in names


def test_companies_are_not_actors(nlp: Any, detector: Any) -> None:
    text = "Gunmen attacked a bus of the Sahel Transport Company near the town."
    assert [n for _, n, _ in found(nlp, detector, text, "BF")] == ["Unidentified Armed Group (Burkina Faso)"]


def test_titles_do_not_reach_across_sentences(nlp: Any, detector: Any) -> None:
    text = "They fled Yemen. Even President Donald Trump criticized it."
    assert ("President Donald Trump", "Government", "State forces") in found(nlp, detector, text)


def test_state_bodies_and_international_organisations(nlp: Any, detector: Any) -> None:
    text = "The European Union condemned the attack, and the Kremlin rejected the claims."
    names = {(t, n) for t, n, _ in found(nlp, detector, text)}
    assert ("European Union", "European Union") in names
    assert ("Kremlin", "Government of Russia") in names


def test_adjectives_of_other_nouns_are_not_mentions(nlp: Any, detector: Any) -> None:
    text = "Jordan and Britain agreed to undertake joint military exercises."
    assert [t for t, _, _ in found(nlp, detector, text)] == ["Jordan", "Britain"]


def test_owners_of_acts_are_their_doers(nlp: Any, detector: Any) -> None:
    assert ("Australian", "Government of Australia", "State forces") in found(
        nlp, detector, "Serbia on Thursday flatly rejected an Australian ultimatum."
    )
    assert ("Turkish", "Military Forces of Turkey", "State forces") in found(
        nlp, detector, "A Turkish offensive killed 20 Kurdish fighters."
    )
    assert not [m for m in found(nlp, detector, "The Iraqi capital was calm.") if m[0] == "Iraqi"]


def test_regression_dotted_acronyms_are_not_shouting(nlp: Any, detector: Any) -> None:
    text = "Yemen has rejected a U.S. request to interrogate detainees."
    assert ("U.S.", "Government of the United States", "State forces") in found(nlp, detector, text)
