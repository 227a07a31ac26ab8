"""The rules that turn events and phrases into state assertions, read lazily from ``data/rules.json``."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

__all__ = ["EventRule", "PhraseRule", "RuleBook", "rulebook"]


@dataclass(frozen=True, slots=True)
class EventRule:
    id: str
    sub_event_type: str
    facet: str
    value: str
    mode: str
    prior: str | None = None
    example: dict[str, Any] = field(default_factory=dict, compare=False)
    #: words near the event's actor1 that mean it is not the one gaining the value ("US troops withdrew")
    unless_near_actor1: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class PhraseRule:
    id: str
    pattern: re.Pattern[str]
    facet: str
    value: str
    mode: str
    target: str  # facility, settlement, any
    prior: str | None = None
    modality: str | None = None
    slot: str | None = None
    example: dict[str, Any] = field(default_factory=dict, compare=False)
    #: word starts every match contains: the rule runs only on sentences with one of them
    needs: re.Pattern[str] | None = None
    need_words: frozenset[str] = frozenset()  # the same, as the lower-case word starts


@dataclass(frozen=True, slots=True)
class RuleBook:
    event_rules: dict[str, EventRule]  # by sub-event type
    phrase_rules: tuple[PhraseRule, ...]
    facility: re.Pattern[str]  # named groups: one per facility kind
    facility_kinds: tuple[str, ...]  # in priority order
    facility_names: dict[str, str]
    not_this_place: re.Pattern[str]
    demonyms: dict[str, str]  # ISO alpha-2 -> adjective
    trigger: re.Pattern[str]  # a keyword of the phrase rules: a cheap first test of a body or a sentence


def _words(starts: list[str]) -> re.Pattern[str]:
    """Any of these word starts (the longest first, so a match is the start itself)."""
    ordered = sorted(set(starts), key=lambda w: (-len(w), w))
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + ")", re.IGNORECASE)


@functools.cache
def rulebook() -> RuleBook:
    """The rules, parsed once (the first call reads the data file)."""
    data = json.loads(resources.files(__package__).joinpath("data/rules.json").read_text("utf-8"))
    return parse_rules(data)


def parse_rules(data: dict[str, Any]) -> RuleBook:
    events = {
        r["sub_event_type"]: EventRule(
            r["id"],
            r["sub_event_type"],
            r["facet"],
            r["value"],
            r["mode"],
            r.get("prior"),
            r.get("example", {}),
            re.compile(r["unless_near_actor1"], re.IGNORECASE) if r.get("unless_near_actor1") else None,
        )
        for r in data["event_rules"]
    }
    phrases = tuple(
        PhraseRule(
            r["id"],
            re.compile(r["pattern"], 0 if r.get("case_sensitive") else re.IGNORECASE),
            r["facet"],
            r.get("value", ""),
            r["mode"],
            r.get("target", "any"),
            r.get("prior"),
            r.get("modality"),
            r.get("slot"),
            r.get("example", {}),
            _words(r["needs"]) if r.get("needs") else None,
            frozenset(w.lower() for w in r.get("needs", [])),
        )
        for r in data["phrase_rules"]
    )
    kinds = tuple(data["facilities"])
    facility = re.compile(
        "|".join(
            rf"(?P<{k}>\b(?:{'|'.join(w.replace('border ', 'border[- ]') for w in data['facilities'][k])})\b)"
            for k in kinds
        ),
        re.IGNORECASE,
    )
    trigger = _words(sorted({w for r in data["phrase_rules"] for w in r.get("needs", [])}))
    return RuleBook(
        events,
        phrases,
        facility,
        kinds,
        data["facility_names"],
        re.compile(data["not_this_place"], re.IGNORECASE),
        data["demonyms"],
        trigger,
    )
