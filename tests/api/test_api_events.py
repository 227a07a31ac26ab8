"""GET /v1/events: ACLED-style filters, formats, paging, and 422s naming the parameter."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

pytest.importorskip("fastapi")

from dateline.api.params import DEFAULT_LIMIT
from dateline.api.rows import ROW_KEYS


def get(client: Any, **params: Any) -> Any:
    r = client.get("/v1/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_json_envelope_and_row_keys(client: Any) -> None:
    body = get(client, limit=3)
    assert body["status"] == 200 and body["success"] is True and body["count"] == 3
    assert isinstance(body["next_cursor"], str)
    assert list(body["data"][0]) == list(ROW_KEYS)
    row = body["data"][0]
    assert row["event_id"].startswith("e") and row["source"] and row["url"]
    assert row["evidence"] and isinstance(row["latitude"], float)


def test_default_limit_and_all_rows(client: Any) -> None:
    body = get(client)
    assert body["count"] < DEFAULT_LIMIT and body["next_cursor"] is None
    dates = [r["event_date"] for r in body["data"]]
    assert dates == sorted(dates, reverse=True)


def test_cursor_pages_cover_everything_once(client: Any) -> None:
    everything = [r["event_id"] for r in get(client)["data"]]
    seen, cursor = [], None
    while True:
        params = {"limit": 17, **({"cursor": cursor} if cursor else {})}
        body = get(client, **params)
        seen += [r["event_id"] for r in body["data"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == everything


def test_page_is_acled_offset_paging(client: Any) -> None:
    everything = [r["event_id"] for r in get(client)["data"]]
    second = [r["event_id"] for r in get(client, limit=10, page=2)["data"]]
    assert second == everything[10:20]


def test_order_updated_at_for_sync(client: Any) -> None:
    rows = get(client, order="updated_at")["data"]
    stamps = [r["updated_at"] for r in rows]
    assert stamps == sorted(stamps)
    cursor = get(client, order="updated_at", limit=5)["next_cursor"]
    r = client.get("/v1/events", params={"cursor": cursor})  # a cursor of another order
    assert r.status_code == 422 and "order" in r.json()["detail"]


def test_geojson(client: Any) -> None:
    r = client.get("/v1/events", params={"format": "geojson", "limit": 5})
    assert r.headers["content-type"].startswith("application/geo+json")
    body = r.json()
    assert body["type"] == "FeatureCollection" and body["count"] == 5 and "next_cursor" in body
    f = body["features"][0]
    assert f["id"] == f["properties"]["event_id"]
    assert f["geometry"]["coordinates"] == [f["properties"]["longitude"], f["properties"]["latitude"]]


def test_jsonl_and_csv(client: Any) -> None:
    r = client.get("/v1/events", params={"format": "jsonl", "limit": 4})
    assert len(r.text.splitlines()) == 4 and r.headers["x-next-cursor"]
    r = client.get("/v1/events", params={"format": "csv", "limit": 4, "fields": "event_id|country|fatalities"})
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["event_id", "country", "fatalities"] and len(rows) == 5


def test_fields(client: Any) -> None:
    row = get(client, limit=1, fields="event_id|event_date|iso")["data"][0]
    assert list(row) == ["event_id", "event_date", "iso"]


FILTERS = [
    ({"country": "Iraq"}, lambda r: r["country"] == "Iraq"),
    ({"country": "IQ|SYR"}, lambda r: r["iso2"] in ("IQ", "SY")),
    ({"iso": "368"}, lambda r: r["iso"] == 368),
    ({"region": "Middle East"}, lambda r: r["region"] == "Middle East"),
    ({"admin1": "anbar"}, lambda r: r["admin1"] == "Anbar"),
    ({"event_type": "Battles|Protests"}, lambda r: r["event_type"] in ("Battles", "Protests")),
    ({"sub_event_type": "armed clash"}, lambda r: r["sub_event_type"] == "Armed clash"),
    ({"actor1": "Boko Haram"}, lambda r: r["actor1"] == "Boko Haram"),
    ({"actor1": "boko", "actor1_where": "LIKE"}, lambda r: "Boko" in r["actor1"]),
    ({"actor2": "Civilians"}, lambda r: r["actor2"] == "Civilians"),
    ({"inter1": "2"}, lambda r: r["inter1"] == 2),
    ({"inter2": "1|7"}, lambda r: r["inter2"] in (1, 7)),
    ({"event_date": "2019-01-01|2019-12-31", "event_date_where": "BETWEEN"},
     lambda r: r["date_end"] >= "2019-01-01" and r["event_date"] <= "2019-12-31"),
    ({"event_date": "2020-06-01", "event_date_where": ">="}, lambda r: r["date_end"] >= "2020-06-01"),
    ({"event_date": "2016-06-01", "event_date_where": "<="}, lambda r: r["event_date"] <= "2016-06-01"),
    ({"year": "2018|2021"}, lambda r: r["event_date"][:4] in ("2018", "2021")),
    ({"bbox": "38,29,49,38"}, lambda r: 38 <= r["longitude"] <= 49 and 29 <= r["latitude"] <= 38),
    ({"text": "Ramadi"}, lambda r: r["location"] == "Ramadi" or "Ramadi" in (r["evidence"] or "")),
    ({"min_confidence": "0.5"}, lambda r: r["confidence"] >= 0.5),
    ({"historical": "exclude"}, lambda r: not r["historical"]),
    ({"updated_since": "2000-01-01T00:00:00Z"}, lambda r: True),
]  # fmt: skip


@pytest.mark.parametrize(("params", "check"), FILTERS, ids=[next(iter(p)) + str(i) for i, (p, _) in enumerate(FILTERS)])
def test_filters_select_what_they_say(client: Any, params: dict[str, str], check: Any) -> None:
    everything = get(client)["data"]
    rows = get(client, **params)["data"]
    expected = [r["event_id"] for r in everything if check(r)]
    assert rows, f"{params} selects nothing in the test store"
    assert [r["event_id"] for r in rows] == expected


def test_filters_that_select_nothing(client: Any) -> None:
    assert get(client, historical="only")["count"] == 0
    assert get(client, updated_since="2999-01-01")["count"] == 0
    assert get(client, event_date="1990-05-05")["count"] == 0


BAD = [
    ({"limt": "5"}, "limt"),
    ({"country": "Atlantis"}, "country"),
    ({"iso": "999"}, "iso"),
    ({"region": "Mars"}, "region"),
    ({"event_type": "Battle"}, "event_type"),
    ({"sub_event_type": "Armed clashes"}, "sub_event_type"),
    ({"inter1": "9"}, "inter1"),
    ({"actor1_where": "REGEXP"}, "actor1_where"),
    ({"event_date": "2019-13-01"}, "event_date"),
    ({"event_date": "2019-01-01|2019-02-01", "event_date_where": "="}, "event_date"),
    ({"event_date_where": "BETWEEN"}, "event_date_where"),
    ({"event_date": "2019-01-01", "event_date_where": "LIKE"}, "event_date_where"),
    ({"year": "twenty"}, "year"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "0,80,10,10"}, "bbox"),
    ({"historical": "maybe"}, "historical"),
    ({"min_confidence": "2"}, "min_confidence"),
    ({"min_confidence": "nan"}, "min_confidence"),
    ({"updated_since": "yesterday"}, "updated_since"),
    ({"limit": "0"}, "limit"),
    ({"limit": "100001"}, "limit"),
    ({"limit": "ten"}, "limit"),
    ({"page": "0"}, "page"),
    ({"page": "2", "cursor": "abc"}, "page"),
    ({"cursor": "not-a-cursor"}, "cursor"),
    ({"order": "fatalities; DROP TABLE events"}, "order"),
    ({"fields": "event_id|password"}, "fields"),
    ({"format": "xml"}, "format"),
]


@pytest.mark.parametrize(("params", "name"), BAD, ids=[n + str(i) for i, (_, n) in enumerate(BAD)])
def test_bad_parameters_are_422_naming_them(client: Any, params: dict[str, str], name: str) -> None:
    r = client.get("/v1/events", params=params)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail
    assert f"'{name}'" in detail


def test_a_parameter_given_twice_is_422(client: Any) -> None:
    r = client.get("/v1/events?country=Iraq&country=Syria")
    assert r.status_code == 422 and "more than once" in r.json()["detail"]
