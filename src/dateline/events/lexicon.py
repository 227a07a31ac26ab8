"""The events stage's data: ACLED taxonomy, trigger lexicon, context cues, PLOVER mapping.

The lexicons are JSON files under ``dateline/events/data``: every pattern is an object with an
``id``, its regex ``re`` and ``examples`` (sentences it must match, tested); each file is read and compiled once,
on first use (``functools.cache`` on the loader), never at import.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..regex_cache import compile_cached

__all__ = [
    "ACLED_SUB_EVENTS",
    "Family",
    "PatternSpec",
    "cue_patterns",
    "event_type_of",
    "families",
    "pattern_specs",
    "plover_for",
]

#: ACLED's 25 sub-event types and the event type each belongs to (names exactly as ACLED's).
ACLED_SUB_EVENTS: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}


def event_type_of(sub_event: str) -> str:
    """ACLED event type of a sub-event type."""
    return ACLED_SUB_EVENTS[sub_event]


@dataclass(frozen=True, slots=True)
class Family:
    """A family of triggers: specific ("strong") and generic ("weak") compiled patterns."""

    name: str
    weight: float
    strong: tuple[re.Pattern[str], ...]
    weak: tuple[re.Pattern[str], ...]
    any: re.Pattern[str]  # all patterns in one: a quick test before the pattern-by-pattern search
    #: the patterns (by regex) marked ``"scope": "note"``: ACLED's note conventions ("the bodies of two men were
    #: found", "gunshots heard"), matched only in a short report, never in a whole article
    note_only: frozenset[str] = frozenset()
    #: the patterns by regex: where each stands (strong ones first, then weak ones), the pattern, weak
    by_regex: dict[str, list[tuple[int, re.Pattern[str], bool]]] = field(
        init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        slots: dict[str, list[tuple[int, re.Pattern[str], bool]]] = {}
        for index, (pat, weak) in enumerate([*((p, False) for p in self.strong), *((p, True) for p in self.weak)]):
            slots.setdefault(pat.pattern, []).append((index, pat, weak))
        object.__setattr__(self, "by_regex", slots)


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """One pattern of the lexicons as written: its id, where it sits, its regex and examples."""

    id: str
    where: str  # "<family>.patterns", "<family>.weak" or "cue.<set>"
    regex: str
    examples: tuple[str, ...]


def _read(name: str) -> Any:
    return json.loads(resources.files("dateline.events").joinpath("data", name).read_text("utf-8"))


def _res(entries: Any) -> list[str]:
    """The regexes of a pattern list (entries ``{"id", "re", "examples"}``)."""
    return [e["re"] for e in entries]


def pattern_specs() -> list[PatternSpec]:
    """Every trigger and cue pattern with its id and example sentences (for tests and audits)."""
    out = []
    for name, spec in _read("triggers.json")["families"].items():
        for key in ("patterns", "weak"):
            for e in spec.get(key, ()):
                out.append(PatternSpec(e["id"], f"{name}.{key}", e["re"], tuple(e.get("examples", ()))))
    for name, entries in _read("cues.json").items():
        if name[0] != "_":
            for e in entries:
                out.append(PatternSpec(e["id"], f"cue.{name}", e["re"], tuple(e.get("examples", ()))))
    return out


@cache
def families() -> dict[str, Family]:
    """Trigger families of ``data/triggers.json``, compiled."""
    data = _read("triggers.json")["families"]
    out = {}
    for name, spec in data.items():
        strong, weak = _res(spec.get("patterns", ())), _res(spec.get("weak", ()))
        anyone = "|".join(f"(?:{p.replace('(?P<t>', '(?:')})" for p in [*strong, *weak])
        out[name] = Family(
            name,
            float(spec["weight"]),
            tuple(compile_cached(p) for p in strong),
            tuple(compile_cached(p) for p in weak),
            compile_cached(anyone),
            frozenset(e["re"] for key in ("patterns", "weak") for e in spec.get(key, ()) if e.get("scope") == "note"),
        )
    return out


@cache
def cue_patterns() -> dict[str, re.Pattern[str]]:
    """Context cue sets of ``data/cues.json``, each compiled to one alternation."""
    data = _read("cues.json")
    return {name: compile_cached("|".join(f"(?:{p})" for p in _res(e))) for name, e in data.items() if name[0] != "_"}


@cache
def cue_parts() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The alternatives of each cue set of :func:`cue_patterns`, each compiled on its own (as it stands in the
    alternation)."""
    data = _read("cues.json")
    return {name: tuple(compile_cached(f"(?:{p})") for p in _res(e)) for name, e in data.items() if name[0] != "_"}


@cache
def _plover() -> tuple[dict[str, tuple[str | None, str | None]], tuple[tuple[re.Pattern[str], str, str], ...]]:
    data = _read("plover.json")
    table = {sub: (pair[0], pair[1]) for sub, pair in data["by_sub_event"].items()}
    modes = tuple((re.compile(m["re"]), m["type"], m["mode"]) for m in data["modes_by_trigger"])
    return table, modes


def plover_for(sub_event: str, trigger_text: str = "") -> tuple[str | None, str | None]:
    """PLOVER (type, mode) of an ACLED sub-event, the mode refined by the trigger's words."""
    table, modes = _plover()
    ptype, mode = table.get(sub_event, (None, None))
    low = trigger_text.lower()
    for pattern, mtype, mmode in modes:
        if mtype == ptype and pattern.search(low):
            return ptype, mmode
    return ptype, mode
