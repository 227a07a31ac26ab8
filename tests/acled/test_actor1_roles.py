"""ACLED's actor1 roles read off the parse (real model): rules acled.remote-fire-word-order and
acled.excessive-force-agent, on invented notes."""

from __future__ import annotations

import pytest
from tests.acled.batch import predict

pytestmark = pytest.mark.slow


def _top(text: str, published: str = "2021-12-27") -> dict:
    ev = predict([{"id": "t", "text": text, "published": published}])[0]
    assert ev is not None
    return ev


def test_shelling_by_troops_stationed_somewhere_keeps_the_troops_as_actor1() -> None:  # acled.remote-fire-word-order
    ev = _top("On 27 December 2021, in Hpakant township (Mohnyin district, Kachin state), the army troops stationed "
              "in a village fired at least ten artillery shells at the monastery. Casualties unknown.")
    assert ev["sub_event_type"] == "Shelling/artillery/missile attack"
    assert ev["actor1"]["type"] == "State forces" and "Military" in ev["actor1"]["name"]


def test_force_told_first_is_actor1_of_excessive_force() -> None:  # acled.excessive-force-agent
    ev = _top("On 3 November 2021, police beat students protesting against fees with batons in Nakuru, "
              "injuring twelve.")
    assert ev["sub_event_type"] == "Excessive force against protesters"
    assert ev["actor1"]["type"] == "State forces" and ev["actor2"]["type"] == "Protesters"


def test_civilians_hurt_are_actor2_not_actor1() -> None:  # acled.civilians-never-perpetrate
    ev = _top("On 5 May 2021, two villagers were wounded when a grenade exploded near the market in Hpakant town "
              "(Hpakant township, Kachin state).")
    assert ev["actor1"]["name"] == "Unidentified Armed Group (Myanmar)"
    assert ev["actor2"]["type"] == "Civilians"


def test_a_groups_own_bomb_going_off_is_its_disrupted_weapons_use() -> None:  # acled.own-device-disrupted
    # (before August 2021: since then ACLED codes the Taliban as Afghanistan's state forces)
    ev = _top("On 8 March 2020, a bomb carried by Taliban fighters detonated prematurely, killing four militants, "
              "in Karz village of Kandahar district.", "2020-03-08")
    assert ev["sub_event_type"] == "Disrupted weapons use"
    assert ev["actor1"]["name"] == "Taliban"


def test_the_claimant_of_an_attack_is_its_actor1() -> None:  # acled.claimed-attack
    ev = _top("On 16 April 2025, government troops were targeted in Awbocow village (Afgooye, Lower Shabelle). "
              "The attack was carried out with mortar shells. There were no casualties and Al Shabaab claimed "
              "responsibility.", "2025-04-16")
    assert ev["actor1"]["name"] == "Al-Shabaab"
