"""Builders for hand-made documents and events, and a fresh store per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.records import Actor, Article, Document, Event, EventDate, Evidence, Location
from dateline.store import Store, integrity, open_store

PLACES = {
    "Al Qaim": ("92138", 34.3706, 40.9878, "IQ", "Anbar"),
    "Husaybah": ("97000", 34.39, 40.99, "IQ", "Anbar"),  # a few km from Al Qaim
    "Mosul": ("99072", 36.335, 43.1189, "IQ", "Nineveh"),
    "Albu Kamal": ("173053", 34.4536, 40.9367, "SY", "Deir ez-Zor"),
    "Anbar": ("99592", 32.8, 42.0, "IQ", "Anbar"),  # the province: ~240 km from Al Qaim
    "Ramadi": ("388349", 33.4206, 43.3078, "IQ", "Anbar"),
}


def event(
    kind: str = "Armed clash",
    etype: str = "Battles",
    day: str = "2019-09-30",
    end: str | None = None,
    place: str | None = "Al Qaim",
    actor1: str | None = "Military Forces of Iraq",
    actor2: str | None = "Islamic State",
    fatalities: int | None = None,
    confidence: float = 0.8,
    text: str = "Iraqi forces clashed with IS fighters near Al-Qaim.",
    **extra: Any,
) -> Event:
    loc = None
    if place is not None:
        gid, lat, lon, cc, adm1 = PLACES[place]
        loc = Location(place, gid, lat, lon, cc, adm1, 3 if place == "Anbar" else 1)
    return Event(
        id="ev",
        event_type=etype,
        sub_event_type=kind,
        evidence=Evidence(text, 0, len(text)),
        date=EventDate(day, end or day, "day" if not end else "week", day),
        location=loc,
        actor1=Actor(actor1, "State forces") if actor1 else None,
        actor2=Actor(actor2, "Rebel group") if actor2 else None,
        fatalities=fatalities,
        confidence=confidence,
        **extra,
    )


def document(
    doc_id: str = "a1",
    events: list[Event] | None = None,
    body: str = "Iraqi forces clashed with IS fighters near Al-Qaim.",
    url: str | None = None,
    source: str = "AFP",
    published: str = "2019-09-30",
) -> Document:
    article = Article(doc_id, body=body, title=f"Story {doc_id}", source=source, published=published, url=url)
    return Document(doc_id, article, events=list(events or []))


@pytest.fixture
def make_event() -> Callable[..., Event]:
    return event


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    return document


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh store; after the test, its tables must still agree with each other."""
    with open_store(db_path) as s:
        yield s
        assert integrity(s) == []
