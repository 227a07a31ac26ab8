"""Every rule of data/rules.json has an id and an example, and its example yields what it says."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

import pytest

from dateline.states.extract import extract_states
from dateline.states.rules import parse_rules, rulebook

from .conftest import make_doc, make_event

DATA = json.loads(resources.files("dateline.states").joinpath("data/rules.json").read_text("utf-8"))
RULES = DATA["event_rules"] + DATA["phrase_rules"]
EXAMPLES = [(r["id"], key, r[key]) for r in RULES for key in ("example", "example2") if key in r]


def test_every_rule_has_a_unique_id_and_an_example() -> None:
    ids = [r["id"] for r in RULES]
    assert len(ids) == len(set(ids))
    assert all("example" in r for r in RULES)


def test_the_rules_parse() -> None:
    book = parse_rules(DATA)
    assert len(book.phrase_rules) == len(DATA["phrase_rules"])
    assert book.trigger.search("The crossing reopened on Monday.")


def _doc_for(example: dict[str, Any]) -> Any:
    text = example["text"]
    actors = dict(example.get("actors", {}))
    events = []
    if "event" in example:
        ev = example["event"]
        events.append(
            make_event(
                text,
                ev["sub_event_type"],
                example["place"],
                ev.get("actor1"),
                ev.get("actor2"),
                actor1_text=ev.get("actor1_text"),
            )
        )
        if ev.get("actor1") in text:
            actors.setdefault(ev["actor1"], ev["actor1"])
    if not events:  # a phrase rule: mark capitalised actors named in the expectation
        for m in re.finditer(
            r"(?:Government|Rebel|Syrian|Iraqi|Turkish|Russian|rebel|government)[\w ]*?"
            r"(?:forces|fighters|troops|authorities)",
            text,
        ):
            actors.setdefault(m.group(0), m.group(0))
    return make_doc(text, places=[example["place"]], actors=actors, events=events, published="2020-01-08")


@pytest.mark.parametrize(("rule_id", "key", "example"), EXAMPLES, ids=[f"{r}-{k}" for r, k, _ in EXAMPLES])
def test_rule_example(rule_id: str, key: str, example: dict[str, Any]) -> None:
    found = extract_states(_doc_for(example), "a1", "h1").assertions
    expect = example["expect"]
    if expect is None:  # the example shows what the rule must NOT assert
        assert not [a for a in found if a.rule_id == rule_id], found
        return
    mine = [a for a in found if a.facet == expect["facet"] and a.value == expect["value"]]
    assert mine, (rule_id, [(a.rule_id, a.facet, a.value, a.modality) for a in found])
    a = mine[0]
    for field in ("mode", "prior", "part", "slot", "modality"):
        if field in expect:
            assert getattr(a, field) == expect[field], (field, a)


def test_rulebook_is_read_once() -> None:
    assert rulebook() is rulebook()


@pytest.mark.parametrize(("rule_id", "key", "example"), EXAMPLES, ids=[f"{r}-{k}" for r, k, _ in EXAMPLES])
def test_every_match_of_an_example_contains_a_word_its_rule_needs(
    rule_id: str, key: str, example: dict[str, Any]
) -> None:
    book = rulebook()
    for rule in book.phrase_rules:
        for m in rule.pattern.finditer(example["text"]):
            assert rule.needs is not None and rule.needs.search(m.group(0)), (rule.id, m.group(0))
            assert book.trigger.search(m.group(0)), (rule.id, m.group(0))
