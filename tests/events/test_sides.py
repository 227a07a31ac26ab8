"""The sides of a trigger, from the words (no parse)."""

from __future__ import annotations

from dateline.events.sentences import Sentence
from dateline.events.sides import agent_side, side_of, target_kind


def test_side_of_reads_the_first_actor_word() -> None:
    assert side_of("iraqi security forces backed by the coalition") == "state"
    assert side_of("the daesh terror group") == "nonstate"
    assert side_of("the anti-daesh coalition") == "state"  # "anti-Daesh" names no Daesh
    assert side_of("the minister") is None


def test_passive_by_names_the_agent() -> None:
    text = "The town was seized by rebels on Friday."
    sent = Sentence(0, len(text), text)
    start = text.index("seized")
    assert agent_side(sent, start, start + 6) == "nonstate"


def test_target_of_an_attack() -> None:
    low = "gunmen opened fire on worshippers at the mosque"
    at = low.index("opened fire")
    assert target_kind(low, at, at + len("opened fire")) == "civilian"
    low = "ten soldiers were killed near the border"
    at = low.index("killed")
    assert target_kind(low, at, at + 6) == "armed"
