"""GET /v1/places and /v1/places/{geonameid}."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi")


def test_places_with_counts(client: Any) -> None:
    body = client.get("/v1/places").json()
    places = body["data"]
    assert body["count"] == len(places) > 3
    counts = [p["n_events"] for p in places]
    assert counts == sorted(counts, reverse=True)
    events = client.get("/v1/events").json()["data"]
    top = places[0]
    assert top["n_events"] == sum(e["geonameid"] == top["geonameid"] for e in events)
    assert set(top) >= {"name", "latitude", "longitude", "country", "iso2", "admin1", "last_event", "last_event_id"}


def test_place_filters(client: Any) -> None:
    iraq = client.get("/v1/places", params={"country": "Iraq"}).json()["data"]
    assert iraq and all(p["iso2"] == "IQ" for p in iraq)
    named = client.get("/v1/places", params={"name": "ramad"}).json()["data"]
    assert [p["name"] for p in named] == ["Ramadi"]
    boxed = client.get("/v1/places", params={"bbox": "38,29,49,38"}).json()["data"]
    assert all(38 <= p["longitude"] <= 49 for p in boxed)
    many = client.get("/v1/places", params={"min_events": "5"}).json()["data"]
    assert all(p["n_events"] >= 5 for p in many)
    assert client.get("/v1/places", params={"limit": "2", "page": "2"}).json()["count"] == 2


def test_one_place(client: Any) -> None:
    top = client.get("/v1/places").json()["data"][0]
    body = client.get(f"/v1/places/{top['geonameid']}", params={"limit": "3"}).json()
    assert body["place"] == top
    assert len(body["events"]) == 3 and body["events"][0]["event_id"] == top["last_event_id"]


def test_place_errors(client: Any) -> None:
    assert client.get("/v1/places/999999999").status_code == 404
    r = client.get("/v1/places/abc")
    assert r.status_code == 422 and "'geonameid'" in r.json()["detail"]
    r = client.get("/v1/places", params={"country": "Atlantis"})
    assert r.status_code == 422 and "'country'" in r.json()["detail"]
    assert client.get("/v1/places", params={"sort": "name"}).status_code == 422
