"""The record types of dateline, defined once.

Every stage reads and writes these; :func:`document_to_dict` turns a processed
:class:`Document` into the JSON of ``shared/CONTRACT.md``. Offsets (``start``/``end``)
are Python string offsets into ``Article.body``, end-exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = [
    "ACLED_ACTOR_TYPES",
    "Actor",
    "Article",
    "Dateline",
    "Document",
    "Event",
    "EventDate",
    "Evidence",
    "GeoRef",
    "Location",
    "Modality",
    "Place",
    "Plover",
    "RawInput",
    "Timex",
    "document_to_dict",
]

InputKind = Literal["text", "html", "body"]
Modality = Literal["asserted", "negated", "hypothetical", "future"]

#: ACLED's eight actor categories (the ``type`` of an :class:`Actor`).
ACLED_ACTOR_TYPES = (
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
)


@dataclass(slots=True)
class RawInput:
    """One input document before parsing: what a user handed us."""

    id: str
    kind: InputKind
    content: str
    published: str | None = None
    url: str | None = None


@dataclass(slots=True)
class GeoRef:
    """A gazetteer entry: a resolved place, without its mention in the text."""

    name: str
    geonameid: str | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str | None = None  # country, admin1, admin2, city, natural, region …
    population: int | None = None


@dataclass(slots=True)
class Dateline:
    text: str
    place: GeoRef | None = None


@dataclass(slots=True)
class Article:
    id: str
    body: str
    title: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO date YYYY-MM-DD
    updated: str | None = None
    dateline: Dateline | None = None
    captions: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    url: str | None = None
    language: str | None = None


@dataclass(slots=True)
class Place:
    """A place mention in the body, resolved (or not) against the gazetteer."""

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: str | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str | None = None
    score: float | None = None


@dataclass(slots=True)
class Timex:
    """A TIMEX3 time expression in the body, normalized against the publication date."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str | None = None
    mod: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    precision: str | None = None  # day, week, month, part-of-year, year, decade, …


@dataclass(slots=True)
class Actor:
    name: str
    type: str | None = None  # one of ACLED_ACTOR_TYPES
    text: str | None = None  # surface form as written, when known
    start: int | None = None  # offsets of ``text`` in the body, when known
    end: int | None = None
    country_code: str | None = None


@dataclass(slots=True)
class EventDate:
    start: str | None
    end: str | None
    precision: str | None = None
    text: str | None = None


@dataclass(slots=True)
class Location:
    name: str | None = None
    geonameid: str | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    geo_precision: int | None = None  # ACLED 1-3


@dataclass(slots=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Plover:
    type: str | None = None
    mode: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    event_type: str
    sub_event_type: str
    evidence: Evidence
    plover: Plover = field(default_factory=Plover)
    date: EventDate | None = None
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = field(default_factory=list)
    fatalities: int | None = None
    modality: Modality = "asserted"
    historical: bool = False
    confidence: float = 0.5
    #: added field (not in CONTRACT.md): the other sentences of the article that report the same event
    more_evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """An article and everything the pipeline found in it.

    ``annotations`` holds per-document intermediate results that are not part of the
    output (for example the parsed spaCy ``Doc`` under ``"nlp"``); stages declare the keys
    they read and write.
    """

    id: str
    article: Article
    places: list[Place] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    annotations: dict[str, Any] = field(default_factory=dict)


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The output document of ``shared/CONTRACT.md`` (unknown fields are null or [])."""
    out: dict[str, Any] = {"id": doc.id, "article": asdict(doc.article)}
    dl = out["article"]["dateline"]
    if dl and dl.get("place"):
        dl["place"].pop("population", None)
    out["places"] = [asdict(p) for p in doc.places]
    out["timexes"] = [asdict(t) for t in doc.timexes]
    out["events"] = [asdict(e) for e in doc.events]
    return out
