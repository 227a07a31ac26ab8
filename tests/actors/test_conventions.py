"""ACLED's default actor1 (actors/data/conventions.json): every rule has an id and an example that gets it."""

from __future__ import annotations

import pytest

from dateline.actors.conventions import conventions, default_actor1
from dateline.events.detect import detect
from dateline.events.sentences import split_sentences


def test_rules_have_unique_ids_and_examples() -> None:
    ids = [r.id for r in conventions()]
    assert len(ids) == len(set(ids)) and all(r.example for r in conventions())


@pytest.mark.parametrize("rule", conventions(), ids=lambda r: r.id)
def test_each_example_is_an_event_the_rule_applies_to(rule) -> None:  # type: ignore[no-untyped-def]
    sentence = next(iter(split_sentences(rule.example, None)))
    subs = {d.sub_event for d in detect(sentence, "", "")}
    assert subs & set(rule.sub_events), (rule.id, subs)


@pytest.mark.parametrize(("sub", "cc", "name", "kind"), [
    ("Remote explosive/landmine/IED", "ML", "Unidentified Armed Group (Mali)", "Political militia"),
    ("Arrests", "KE", "Police Forces of Kenya", "State forces"),
    ("Violent demonstration", "BD", "Rioters (Bangladesh)", "Rioters"),
    ("Peaceful protest", "CF", "Protesters (Central African Republic)", "Protesters"),
    ("Government regains territory", "SO", "Military Forces of Somalia", "State forces"),
    ("Grenade", None, "Unidentified Armed Group", "Political militia"),
])
def test_default_actor1(sub: str, cc: str | None, name: str, kind: str) -> None:
    actor = default_actor1(sub, cc)
    assert actor is not None and (actor.name, actor.type) == (name, kind)


def test_no_default_for_strategic_moves() -> None:
    assert default_actor1("Agreement", "SO") is None


def test_a_named_armed_group_of_the_sentence_comes_before_an_unidentified_one() -> None:
    from dateline.records import Actor

    taliban = Actor("Taliban", "Rebel group", "Taliban", 10, 17, "AF")
    civilians = Actor("Civilians (Afghanistan)", "Civilians", "villagers", 30, 39, "AF")
    got = default_actor1("Remote explosive/landmine/IED", "AF", [civilians, taliban])
    assert got is not None and got.name == "Taliban"
    assert default_actor1("Arrests", "AF", [taliban]).name == "Police Forces of Afghanistan"  # type: ignore[union-attr]


def test_regression_passive_deployment_codes_the_moved_force_as_actor1() -> None:
    """"Government forces were deployed in X": the parser reads the forces as the patient; ACLED codes them actor1."""
    from dateline.records import Actor

    army = Actor("Military Forces of Somalia", "State forces", "government forces", 16, 33, "SO")
    assert default_actor1("Change to group/activity", "SO", [], army) is army
    civilians = Actor("Civilians (Somalia)", "Civilians", "residents", 0, 9, "SO")
    assert default_actor1("Change to group/activity", "SO", [], civilians) is None  # only armed actors move
    assert default_actor1("Attack", "SO", [], army).name == "Unidentified Armed Group (Somalia)"  # type: ignore[union-attr]
