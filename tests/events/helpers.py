"""Hand-built documents for the events tests (no spaCy model: the plain sentence splitter)."""

from __future__ import annotations

from dateline.events import extract_events
from dateline.records import Article, Dateline, Document, Event, GeoRef, Place, Timex

__all__ = ["doc_of", "events_of", "subs_of", "top_sub"]


def doc_of(
    body: str,
    *,
    places: list[Place] | None = None,
    timexes: list[Timex] | None = None,
    published: str | None = "2021-03-15",
    dateline: GeoRef | None = None,
) -> Document:
    article = Article("t", body, published=published, dateline=Dateline("X", dateline) if dateline else None)
    return Document("t", article, places=places or [], timexes=timexes or [])


def events_of(body: str, **kw: object) -> list[Event]:
    keep = bool(kw.pop("keep_unasserted", False))
    return extract_events(doc_of(body, **kw), keep_unasserted=keep)  # type: ignore[arg-type]


def subs_of(body: str) -> list[str]:
    return [e.sub_event_type for e in events_of(body)]


def top_sub(body: str) -> str | None:
    evs = events_of(body)
    return max(evs, key=lambda e: e.confidence).sub_event_type if evs else None
