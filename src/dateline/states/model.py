"""The record types of place states: an assertion a report makes, and the intervals derived from them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["FACETS", "Assertion", "Interval", "Mode", "StateAnswer", "StateModality", "StatePlace", "normalize_name"]

#: the facets of a place's state
FACETS = ("control", "access", "curfew", "siege", "presence")
Mode = Literal["transition", "snapshot"]
#: ``planned`` and ``hypothetical`` are kept but never become a state; ``retracted`` withdraws earlier reports
StateModality = Literal["asserted", "negated", "planned", "hypothetical", "retracted"]


@dataclass(slots=True)
class StatePlace:
    """A place that has a state: a GeoNames entry, or a facility GeoNames lacks tied to its nearest settlement."""

    place_id: str  # the GeoNames id, or ``x`` + a hash of the facility kind and its settlement
    name: str
    kind: str  # settlement, crossing, bridge, airport, port, dam, checkpoint, road
    geonameid: str | None = None
    anchor_geonameid: str | None = None  # the settlement a facility is tied to
    anchor_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None


@dataclass(slots=True)
class Assertion:
    """One state one report asserts about a place (or a part of it) at some valid time."""

    assertion_id: str
    article_id: str
    content_hash: str
    place_id: str
    facet: str
    value: str  # an actor (control, siege, presence), open/closed/restricted/destroyed, in effect/lifted, none
    mode: Mode
    part: str = ""  # "Syrian side"; "" for the whole place
    slot: str = ""  # presence: the actor, so several actors can be present at once
    prior: str | None = None  # the value a transition implies before it ("reopened" → closed)
    valid_start: dt.date | None = None  # earliest the state (or change) can be dated to
    valid_end: dt.date | None = None  # latest
    precision: str | None = None  # day, month, part-of-year, year, reported (no date: by publication)
    time_text: str | None = None
    published: dt.date | None = None
    known_from: dt.date | None = None  # when the news said it (the version's publication or update)
    superseded_from: dt.date | None = None  # an updated version of the article replaced it from this date
    modality: StateModality = "asserted"
    confidence: float = 0.5
    source: str | None = None
    rule_id: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None
    evidence_text: str | None = None

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.place_id, self.part, self.facet, self.slot)

    @property
    def when(self) -> dt.date:
        """Sort time: the earliest possible date, else the latest, else publication."""
        return self.valid_start or self.valid_end or self.published or dt.date.min


@dataclass(slots=True)
class Interval:
    """A stretch of time one value held, with the assertions that support it."""

    place_id: str
    part: str
    facet: str
    slot: str
    value: str
    start: dt.date | None  # earliest start; None: since before anything reported
    start_latest: dt.date | None  # the change happened between start and start_latest
    start_text: str | None
    end: dt.date | None = None  # earliest end; None: still holds (until contrary evidence)
    end_latest: dt.date | None = None
    status: str = "single-source"  # confirmed, single-source, contested, implied
    observed: bool = False  # the start is an observation ("as observed on"), not a reported change
    sources: list[str] = field(default_factory=list)
    last_confirmed: dt.date | None = None
    alternatives: dict[str, list[str]] = field(default_factory=dict)  # contested: other value -> sources
    assertion_ids: list[str] = field(default_factory=list)

    def covers(self, day: dt.date) -> bool:
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day < (self.end_latest or self.end)


@dataclass(slots=True)
class StateAnswer:
    """The state of one facet of a place (or part) on a date, as the news known by some date told it."""

    place_id: str
    part: str
    facet: str
    slot: str
    value: str | None
    status: str | None
    since: dt.date | None = None
    since_latest: dt.date | None = None
    since_text: str | None = None
    observed: bool = False
    last_confirmed: dt.date | None = None
    sources: list[str] = field(default_factory=list)
    alternatives: dict[str, list[str]] = field(default_factory=dict)
    in_transition: bool = False  # the date falls inside the window in which the change happened
    interval: Interval | None = None


def normalize_name(text: str) -> str:
    """Lower case, accents and apostrophes dropped, hyphens as spaces: "Al-Qā’im" → "al qaim"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"['’‘`ʿʾ]", "", folded.lower())
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())
