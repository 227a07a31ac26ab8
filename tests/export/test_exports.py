"""Every export format validates or round-trips: ACLED CSV, PLOVER JSONL, GeoJSON, Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import StoreError
from dateline.export import ACLED_COLUMNS, acled_row, export_events
from dateline.export.acled import interaction, time_precision
from dateline.records import Actor, Article, Document, Event, EventDate, Evidence, Location, Plover
from dateline.store import content_hash, open_store, query_events, store_document

ISSUE_COLUMNS = (
    "event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, "
    "assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, "
    "admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, fatalities, "
    "tags, timestamp"
).split(", ")


def make(kind: str, etype: str, start: str, end: str, place: tuple[Any, ...] | None, a1: Actor | None,
         a2: Actor | None, fatalities: int | None = None, precision: str = "day") -> Event:  # fmt: skip
    text = f"{kind} reported."
    return Event(
        id="x",
        event_type=etype,
        sub_event_type=kind,
        evidence=Evidence(text, 0, len(text)),
        plover=Plover("ASSAULT" if etype != "Protests" else "PROTEST", "demonstrate" if etype == "Protests" else None),
        date=EventDate(start, end, precision, start),
        location=Location(*place) if place else None,
        actor1=a1,
        actor2=a2,
        assoc_actors=[Actor("Global Coalition against Daesh", "External/Other forces")] if etype == "Battles" else [],
        fatalities=fatalities,
    )


QAIM = ("Al Qaim", "92138", 34.3706, 40.9878, "IQ", "Anbar", 1)
BAGHDAD = ("Baghdad", "98182", 33.3406, 44.4009, "IQ", "Baghdad", 1)


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    state, rebels = Actor("Military Forces of Iraq", "State forces"), Actor("Islamic State", "Rebel group")
    protesters = Actor("Protesters (Iraq)", "Protesters")
    docs = [
        make("Government regains territory", "Battles", "2017-11-01", "2017-11-03", QAIM, state, rebels, 12, "week"),
        make("Peaceful protest", "Protests", "2019-10-01", "2019-10-01", BAGHDAD, protesters, None),
        make(
            "Excessive force against protesters",
            "Violence against civilians",
            "2019-10-02",
            "2019-10-02",
            BAGHDAD,
            Actor("Police Forces of Iraq", "State forces"),
            protesters,
            3,
        ),
        make("Armed clash", "Battles", "2019-10-04", "2019-10-04", None, state, rebels),
    ]
    db = tmp_path_factory.mktemp("export") / "s.duckdb"
    with open_store(db) as store:
        for i, ev in enumerate(docs):
            body = f"story {i}"
            doc = Document(str(i), Article(str(i), body=body, source="AFP", published=ev.date.start), events=[ev])  # type: ignore[union-attr]
            store_document(store, doc, chash=content_hash(body), input_id=str(i))
        return query_events(store)


def by_type(rows: list[dict[str, Any]], kind: str, key: str = "sub_event_type") -> dict[str, Any]:
    return next(r for r in rows if r[key] == kind)


def test_acled_header_is_acleds_column_list(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    assert list(ACLED_COLUMNS) == ISSUE_COLUMNS
    out = tmp_path / "acled.csv"
    assert export_events("acled", events, out) == 4
    with out.open(newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ISSUE_COLUMNS
        rows = list(reader)
    assert len(rows) == 4


def test_acled_fields_are_filled_as_acled_defines_them(events: list[dict[str, Any]]) -> None:
    rows = [acled_row(e) for e in events]
    battle = by_type(rows, "Government regains territory")
    assert battle["event_id_cnty"].startswith("IRQ")
    assert (battle["inter1"], battle["inter2"], battle["interaction"]) == (1, 2, 12)
    assert (battle["iso"], battle["region"], battle["country"], battle["admin1"]) == (
        368,
        "Middle East",
        "Iraq",
        "Anbar",
    )
    assert battle["disorder_type"] == "Political violence" and battle["civilian_targeting"] == ""
    assert battle["time_precision"] == 2 and battle["event_date"] == "2017-11-02" and battle["year"] == 2017
    assert battle["assoc_actor_1"] == "Global Coalition against Daesh" and battle["fatalities"] == 12
    assert battle["source"] == "AFP" and battle["notes"] == "Government regains territory reported."
    protest = by_type(rows, "Peaceful protest")
    assert (protest["disorder_type"], protest["inter1"], protest["interaction"]) == ("Demonstrations", 6, 60)
    assert protest["time_precision"] == 1 and protest["fatalities"] == 0
    force = by_type(rows, "Excessive force against protesters")
    assert force["disorder_type"] == "Political violence; Demonstrations" and force["interaction"] == 16
    assert force["civilian_targeting"] == "Civilian targeting"


def test_acled_codes() -> None:
    assert interaction(2, 1) == 12 and interaction(None, 7) == 70 and interaction(None, None) is None
    day = dt.date(2019, 1, 1)
    assert time_precision(None, day, day) == 1
    assert time_precision(None, day, day + dt.timedelta(days=6)) == 2
    assert time_precision("month", day, day + dt.timedelta(days=30)) == 3


def test_geojson_is_a_feature_collection_of_points(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    out = tmp_path / "events.geojson"
    assert export_events("geojson", events, out) == 3  # the event without a place is left out
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection"
    for feature in data["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(feature["properties"]["sources"], list)
    qaim = next(f for f in data["features"] if f["properties"]["location_name"] == "Al Qaim")
    assert qaim["geometry"]["coordinates"] == [40.9878, 34.3706]


def test_parquet_reads_back_the_same_rows(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert export_events("parquet", events, out) == 4
    back = pq.read_table(out).to_pylist()
    assert [r["event_id"] for r in back] == [e["event_id"] for e in events]
    for row, event in zip(back, events, strict=True):
        for key in ("event_type", "sub_event_type", "date_start", "date_end", "lat", "lon", "fatalities", "n_reports"):
            assert row[key] == event[key], key
        assert row["sources"] == event["sources"]
        assert row["assoc_actors"] == event["assoc_actors"]


def test_plover_jsonl_has_one_event_a_line(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    out = tmp_path / "events.jsonl"
    assert export_events("plover", events, out) == 4
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == [e["event_id"] for e in events]
    protest = next(r for r in records if r["event"] == "PROTEST")
    assert protest["mode"] == "demonstrate" and protest["actor"] == "Protesters (Iraq)" and protest["recipient"] is None
    assert protest["date"] == "2019-10-01" and protest["location"]["country"] == "IQ"


def test_unknown_format_and_unwritable_target(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    with pytest.raises(StoreError, match="unknown export format"):
        export_events("xlsx", events, tmp_path / "x")
    with pytest.raises(StoreError, match="cannot write"):
        export_events("acled", events, tmp_path / "no" / "such" / "dir.csv")
    assert list(tmp_path.glob(".*tmp")) == []
