"""Codebook conventions and regressions, on invented sentences (with the real parse where it matters)."""

from __future__ import annotations

import pytest

from dateline.events import extract_events
from dateline.resources import Resources

from .helpers import doc_of

RULES = [
    # territory: who gains decides; a passive "driven out" names the loser
    ("The insurgents were driven out of the town by the army on Sunday.", "Government regains territory"),
    ("Rebels overran an army base and took control of the district capital.", "Non-state actor overtakes territory"),
    ("Rebels took control of the village after the withdrawal of government troops from the area.",
     "Non-violent transfer of territory"),
    # an attempt is not an achievement: the attack to capture positions is a clash
    ("Militants launched an attack to capture army positions near the dam but were repelled.", "Armed clash"),
    # violent protesters make a riot even when the police answer with force
    ("Protesters threw stones at police, who responded with live ammunition, killing two.", "Violent demonstration"),
    # "no group claimed responsibility" does not make the bombing an attribution
    ("No group has claimed responsibility for the roadside bomb that killed three soldiers.",
     "Remote explosive/landmine/IED"),
    # regression: the adjective "feared" is not a fear of a future event
    ("A feared militia abducted four aid workers near the camp.", "Abduction/forced disappearance"),
    # regression: "set off" bombs is not "set to" (future)
    ("Attackers set off suicide bombs outside a cafe in the capital.", "Suicide bomb"),
    # regression: "agreed to" a ceasefire is an agreement, not a plan
    ("The warring parties agreed to a ceasefire on Tuesday.", "Agreement"),
    # captives taken in a battle are part of the battle, not an arrest event
    ("Ten militants were killed and two captured alive when they attacked the army base.", "Armed clash"),
]

NOT_EVENTS = [
    # the accident is told in the next sentence: still no attack
    "Nineteen people were killed on Friday. Their bus plunged off a bridge in the accident, officials said.",
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return Resources().nlp()


def _top(nlp, text: str) -> str | None:  # type: ignore[no-untyped-def]
    doc = doc_of(text)
    doc.annotations["nlp"] = nlp(text)
    evs = extract_events(doc)
    return max(evs, key=lambda e: e.confidence).sub_event_type if evs else None


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), RULES)
def test_codebook_rule(nlp, sentence: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _top(nlp, sentence) == expected


@pytest.mark.slow
def test_aircraft_arriving_are_no_air_strike(nlp) -> None:  # type: ignore[no-untyped-def]
    # a build-up (Change to group/activity) at most, never a strike
    assert _top(nlp, "A first batch of fighter jets arrived at the air base from abroad.") != "Air/drone strike"


@pytest.mark.slow
@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_an_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _top(nlp, text) is None
