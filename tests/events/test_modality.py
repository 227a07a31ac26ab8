"""Modality: negated, hypothetical, future and threatened events are not reported."""

from __future__ import annotations

import pytest

from .helpers import events_of, top_sub

UNASSERTED = [
    ("The rebel group denied attacking the convoy on Sunday.", None),
    ("The army will not withdraw from the town, the minister said.", None),
    ("Officials fear the militants could seize the town within days.", None),
    ("The insurgents threatened to attack the capital if talks failed.", None),
    ("The government plans to reopen the border crossing next month.", None),
    ("Residents feared a spill over of the fighting into their district.", None),
    ("The government said it is willing to withdraw its troops from the border region.", None),
    ("The rebels opposed the deployment of a regional peacekeeping force.", None),
]


def test_a_diplomatic_protest_is_not_a_demonstration() -> None:
    assert top_sub("The foreign ministry lodged an official protest with the neighbouring government.") is None


@pytest.mark.parametrize(("sentence", "_"), UNASSERTED)
def test_unasserted_events_are_not_reported(sentence: str, _: None) -> None:
    assert top_sub(sentence) is None


def test_unasserted_events_can_be_kept_with_their_modality() -> None:
    evs = events_of("The insurgents threatened to attack the capital.", keep_unasserted=True)
    assert evs
    assert all(e.modality != "asserted" for e in evs)
    assert all(e.confidence < 0.5 for e in evs)


def test_asserted_event_is_reported_as_asserted() -> None:
    evs = events_of("Insurgents attacked the capital's airport on Friday.")
    assert evs and evs[0].modality == "asserted"


def test_claims_of_responsibility_are_not_events() -> None:
    assert top_sub("The group claimed responsibility for the attack, a spokesman said.") is None
