"""ACLED's actor conventions for events whose report names no actor1.

An ACLED row always has an actor1: when a note says only that "a bomb exploded near the
market", ACLED codes an *Unidentified Armed Group (Country)*; arrests without a named force
are the country's police; a demonstration without named organisers is *Protesters (Country)*,
a violent one *Rioters (Country)*. The rules are data (``data/conventions.json``: an id, the
sub-event types, the generic category whose name it takes, an example report each).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources as importlib_resources

from ..records import Actor
from .lexicon import load_lexicon

__all__ = ["Convention", "conventions", "default_actor1"]


@dataclass(frozen=True, slots=True)
class Convention:
    id: str
    category: str
    sub_events: tuple[str, ...]
    example: str


@functools.cache
def conventions() -> tuple[Convention, ...]:
    """The rules of ``data/conventions.json``, in file order."""
    raw = json.loads(importlib_resources.files(__package__).joinpath("data/conventions.json").read_text("utf-8"))
    return tuple(Convention(r["id"], r["category"], tuple(r["sub_events"]), r["example"]) for r in raw["rules"])


_ARMED_GROUPS = frozenset({"Rebel group", "Political militia", "Identity militia"})


_MOVERS = frozenset({"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"})


def default_actor1(sub_event: str, country_code: str | None, named: Sequence[Actor] = (),
                   patient: Actor | None = None) -> Actor | None:
    """The actor ACLED codes as actor1 of ``sub_event`` in ``country_code`` when no actor was read as its
    agent. ``named`` are the actor mentions of the event's sentence that took no role: for the violent
    sub-events, a named armed group among them is the likeliest author ("a bomb carried by the Taliban
    went off") before an unidentified one (rule ``default.named-armed-group``). ``patient`` is the
    event's actor2: of a one-sided move told in the passive ("troops were deployed to …"), the armed
    actor moved is ACLED's actor1 (rule ``default.moved-force-is-actor1``)."""
    lex = load_lexicon()
    for rule in conventions():
        if rule.category == "patient":
            if sub_event in rule.sub_events and patient is not None and patient.type in _MOVERS:
                return patient
            continue
        if sub_event in rule.sub_events:
            if rule.category == "unidentified":
                groups = [a for a in named if a.type in _ARMED_GROUPS and not a.name.startswith("Unidentified")]
                if groups:
                    return groups[0]
            category = lex.categories[rule.category]
            if country_code and country_code in lex.countries:
                c = lex.countries[country_code]
                name = category.name.replace("{the}", c.article).replace("{country}", c.name)
            else:
                name = category.name.replace(" of {the}{country}", "").replace(" ({country})", "")
            return Actor(name=name, type=category.type, country_code=country_code)
    return None
