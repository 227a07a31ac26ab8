"""``GET /v1/places/{id}/states`` and ``GET /v1/states`` on a small store with place states."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from dateline.api import ApiConfig
from dateline.records import Actor, Article, Document, Place, Timex
from dateline.states.extract import facility_id
from dateline.store import content_hash, open_store
from dateline.store.write import Pending, store_documents

QAIM = ("92138", 34.39, 40.99, "IQ", "Anbar", "city")


def _doc(doc_id: str, body: str, published: str, actors: dict[str, str] | None = None) -> Document:
    doc = Document(doc_id, Article(doc_id, body=body, source="AFP", published=published))
    at = body.index("Al Qaim")
    doc.places.append(Place("Al Qaim", at, at + 7, "Al Qaim", *QAIM, 0.9))
    if "Monday" in body:
        at = body.index("Monday")
        doc.timexes.append(Timex("Monday", at, at + 6, "DATE", published, None, published, published, "day"))
    for text, name in (actors or {}).items():
        at = body.index(text)
        doc.actors.append(Actor(name, "State forces", text, at, at + len(text), "IQ"))
    return doc


@pytest.fixture(scope="module")
def states_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from .conftest import client_for

    db: Path = tmp_path_factory.mktemp("states") / "s.duckdb"
    docs = [
        _doc("a", "The Al Qaim border crossing reopened on Monday.", "2019-09-30"),
        _doc(
            "b",
            "Iraqi forces control Al Qaim, officials said.",
            "2019-10-02",
            {"Iraqi forces": "Military Forces of Iraq"},
        ),
    ]
    with open_store(db) as store:
        for d in docs:
            store_documents(store, [Pending(d, content_hash(d.article.body), d.id)])
    with client_for(ApiConfig(db=db)) as c:
        yield c


CROSSING = facility_id("crossing", "Al Qaim")


def test_a_place_s_states_with_as_of_and_known_as_of(states_client: TestClient) -> None:
    r = states_client.get(f"/v1/places/{CROSSING}/states", params={"as_of": "2019-10-01"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["place"]["kind"] == "crossing" and body["place"]["anchor_geonameid"] == "92138"
    [access] = [s for s in body["states"] if s["facet"] == "access"]
    assert (access["value"], access["status"], access["since"], access["sources"]) == (
        "open",
        "single-source",
        "2019-09-30",
        ["AFP"],
    )
    assert [i["value"] for i in body["timeline"]] == ["closed", "open"]
    r = states_client.get(f"/v1/places/{CROSSING}/states", params={"known_as_of": "2019-09-29"})
    assert all(s["value"] is None for s in r.json()["states"]) and r.json()["timeline"] == []


def test_states_as_geojson(states_client: TestClient) -> None:
    r = states_client.get("/v1/states", params={"as_of": "2019-10-03", "facet": "control", "country": "IQ"})
    assert r.status_code == 200, r.text
    [feature] = r.json()["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [40.99, 34.39]}
    assert feature["properties"]["value"] == "Military Forces of Iraq"
    r = states_client.get("/v1/states", params={"as_of": "2019-10-03", "bbox": "0,0,10,10"})
    assert r.json()["features"] == []
    r = states_client.get("/v1/states", params={"facet": "access", "as_of": "2019-10-01"})
    assert [f["properties"]["value"] for f in r.json()["features"]] == ["open"]


def test_bad_parameters_are_one_line_errors(states_client: TestClient) -> None:
    r = states_client.get("/v1/states", params={"facet": "mood"})
    assert r.status_code == 422 and "facet" in r.json()["detail"]
    r = states_client.get("/v1/states", params={"as_of": "soon"})
    assert r.status_code == 422 and "not a date" in r.json()["detail"]
    r = states_client.get("/v1/places/nowhere/states")
    assert r.status_code == 404 and "nowhere" in r.json()["detail"]
    r = states_client.get("/v1/states", params={"colour": "red"})
    assert r.status_code == 422 and "unknown parameter" in r.json()["detail"]
