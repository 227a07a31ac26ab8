"""Builders for the place-state tests: documents whose places, actors and dates are given by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.records import Actor, Article, Document, Event, EventDate, Evidence, Location, Place, Timex
from dateline.states.model import Assertion
from dateline.store import Store, content_hash, integrity, open_store
from dateline.store.write import Pending, store_documents

#: names the hand-made documents resolve (geonameid, lat, lon, country, admin1, feature)
GAZETTEER = {
    "Al Qaim": ("92138", 34.39, 40.99, "IQ", "Anbar", "city"),
    "Tal Abyad": ("163750", 36.69, 38.95, "SY", "Raqqa", "city"),
    "Kirkuk": ("94787", 35.47, 44.39, "IQ", "Kirkuk", "city"),
    "Rafah": ("350350", 31.28, 34.25, "EG", "North Sinai", "city"),
    "Iraq": ("99237", 33.0, 44.0, "IQ", None, "country"),
    "Syria": ("163843", 35.0, 38.0, "SY", None, "country"),
}
WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}


def make_doc(
    body: str,
    *,
    places: list[str] | None = None,
    actors: dict[str, str] | None = None,
    published: str = "2020-01-08",
    source: str = "AFP",
    events: list[Event] | None = None,
    doc_id: str = "d1",
    url: str | None = None,
    updated: str | None = None,
) -> Document:
    """A document: every occurrence of the given place names and actor texts ("text": "Name|CC") marked,
    years and weekdays (relative to ``published``) as dates."""
    import re

    pub = dt.date.fromisoformat(published)
    doc = Document(doc_id, Article(doc_id, body=body, source=source, published=published, url=url, updated=updated))
    for name in places or []:
        gid, lat, lon, cc, adm1, feature = GAZETTEER[name]
        for m in re.finditer(re.escape(name), body):
            doc.places.append(Place(name, m.start(), m.end(), name, gid, lat, lon, cc, adm1, feature, 0.9))
    for text, canonical in (actors or {}).items():
        name, _, cc = canonical.partition("|")
        for m in re.finditer(re.escape(text), body):
            doc.actors.append(Actor(name, "State forces", text, m.start(), m.end(), cc or None))
    for m in re.finditer(r"\b(?:19|20)\d\d\b", body):
        doc.timexes.append(
            Timex(
                m.group(0),
                m.start(),
                m.end(),
                "DATE",
                m.group(0),
                None,
                f"{m.group(0)}-01-01",
                f"{m.group(0)}-12-31",
                "year",
            )
        )
    for m in re.finditer(r"\b(" + "|".join(WEEKDAYS) + r")\b", body):
        back = (pub.weekday() - WEEKDAYS[m.group(1)]) % 7
        day = (pub - dt.timedelta(days=back)).isoformat()
        doc.timexes.append(Timex(m.group(0), m.start(), m.end(), "DATE", day, None, day, day, "day"))
    doc.events = list(events or [])
    return doc


def make_event(
    body: str,
    sub_event_type: str,
    place: str,
    actor1: str | None,
    actor2: str | None = None,
    day: str | None = None,
    actor1_text: str | None = None,
) -> Event:
    gid, lat, lon, cc, adm1, _ = GAZETTEER[place]
    a1 = Actor(actor1, "State forces") if actor1 else None
    said = actor1_text or actor1
    if actor1 and said and said in body:
        a1 = Actor(actor1, "State forces", said, body.index(said), body.index(said) + len(said))
    return Event(
        "e",
        "Battles",
        sub_event_type,
        Evidence(body, 0, len(body)),
        date=EventDate(day, day, "day", day) if day else None,
        location=Location(place, gid, lat, lon, cc, adm1, 1),
        actor1=a1,
        actor2=Actor(actor2, "Rebel group") if actor2 else None,
        confidence=0.8,
    )


_counter = iter(range(10**9))


def assertion(
    value: str,
    day: str,
    *,
    mode: str = "transition",
    facet: str = "control",
    source: str = "AFP",
    known: str | None = None,
    prior: str | None = None,
    modality: str = "asserted",
    end: str | None = None,
    part: str = "",
    place: str = "p1",
    **extra: Any,
) -> Assertion:
    """A hand-made assertion (valid on ``day``..``end``, known from ``known`` or ``day``)."""
    start = dt.date.fromisoformat(day) if day else None
    stop = dt.date.fromisoformat(end) if end else start
    known_from = dt.date.fromisoformat(known) if known else stop
    n = next(_counter)
    return Assertion(
        f"a{n}",
        f"art{n}",
        f"h{n}",
        place,
        facet,
        value,
        mode,
        part=part,
        prior=prior,  # type: ignore[arg-type]
        valid_start=start,
        valid_end=stop,
        precision="day",
        published=known_from,
        known_from=known_from,
        modality=modality,
        source=source,
        **extra,
    )  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store; its tables must still agree with each other afterwards."""
    with open_store(tmp_path / "states.duckdb") as s:
        yield s
        assert integrity(s) == []


def put(store: Store, doc: Document) -> None:
    """Store one document as ingestion would."""
    store_documents(store, [Pending(doc, content_hash(doc.article.body), doc.id, doc.article.url)])
