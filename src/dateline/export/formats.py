"""PLOVER JSONL, GeoJSON and Parquet exports of stored events (dicts of ``events`` columns)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

__all__ = ["PARQUET_FIELDS", "geojson_feature", "plover_record", "write_geojson", "write_parquet", "write_plover"]


def _iso(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if value is None else str(value)


def _list(value: Any) -> list[Any]:
    if isinstance(value, str):
        return json.loads(value)  # type: ignore[no-any-return]
    return list(value or [])


def plover_record(event: Mapping[str, Any]) -> dict[str, Any]:
    """An event in the PLOVER data format (event, mode, actor, recipient, date, location)."""
    return {
        "id": event["event_id"],
        "date": _iso(event.get("date_start")),
        "date_end": _iso(event.get("date_end")),
        "date_precision": event.get("date_precision"),
        "event": event.get("plover_type"),
        "mode": event.get("plover_mode"),
        "context": [],
        "actor": event.get("actor1_name"),
        "actor_type": event.get("actor1_type"),
        "recipient": event.get("actor2_name"),
        "recipient_type": event.get("actor2_type"),
        "assoc_actors": _list(event.get("assoc_actors")),
        "location": {
            "name": event.get("location_name"),
            "geonameid": event.get("geonameid"),
            "lat": event.get("lat"),
            "lon": event.get("lon"),
            "country": event.get("country_code"),
            "admin1": event.get("admin1"),
            "geo_precision": event.get("geo_precision"),
        },
        "fatalities": event.get("fatalities"),
        "acled": {"event_type": event.get("event_type"), "sub_event_type": event.get("sub_event_type")},
        "modality": event.get("modality"),
        "historical": event.get("historical"),
        "confidence": event.get("confidence"),
        "text": event.get("evidence_text"),
        "sources": _list(event.get("sources")),
        "reports": event.get("n_reports"),
        "articles": event.get("n_articles"),
    }


def write_plover(events: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(plover_record(event), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def geojson_feature(event: Mapping[str, Any]) -> dict[str, Any] | None:
    """A Point feature, or None for an event without coordinates."""
    if event.get("lat") is None or event.get("lon") is None:
        return None
    props = {k: _iso(v) if isinstance(v, dt.date) else v for k, v in event.items() if k not in ("lat", "lon")}
    props["sources"] = _list(event.get("sources"))
    props["assoc_actors"] = _list(event.get("assoc_actors"))
    return {
        "type": "Feature",
        "id": event["event_id"],
        "geometry": {"type": "Point", "coordinates": [float(event["lon"]), float(event["lat"])]},
        "properties": props,
    }


def write_geojson(events: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """A FeatureCollection of points (events without coordinates are left out)."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for event in events:
        feature = geojson_feature(event)
        if feature is None:
            continue
        out.write(",\n" if n else "\n")
        out.write(json.dumps(feature, ensure_ascii=False, default=str))
        n += 1
    out.write("\n]}\n")
    return n


#: the Parquet columns and their Arrow types (names as in the ``events`` table)
PARQUET_FIELDS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("event_type", "string"), ("sub_event_type", "string"),
    ("plover_type", "string"), ("plover_mode", "string"),
    ("date_start", "date"), ("date_end", "date"), ("date_precision", "string"), ("date_text", "string"),
    ("location_name", "string"), ("geonameid", "string"), ("lat", "float"), ("lon", "float"),
    ("country_code", "string"), ("admin1", "string"), ("geo_precision", "int"),
    ("actor1_name", "string"), ("actor1_type", "string"), ("actor2_name", "string"), ("actor2_type", "string"),
    ("assoc_actors", "actors"), ("fatalities", "int"), ("modality", "string"), ("historical", "bool"),
    ("confidence", "float"), ("evidence_text", "string"), ("evidence_start", "int"), ("evidence_end", "int"),
    ("n_reports", "int"), ("n_articles", "int"), ("sources", "strings"),
    ("first_reported", "date"), ("last_reported", "date"), ("updated_at", "timestamp"),
)  # fmt: skip


def _schema() -> Any:
    import pyarrow as pa

    types = {
        "string": pa.string(), "date": pa.date32(), "float": pa.float64(), "int": pa.int64(), "bool": pa.bool_(),
        "strings": pa.list_(pa.string()), "timestamp": pa.timestamp("us"),
        "actors": pa.list_(pa.struct([("name", pa.string()), ("type", pa.string())])),
    }  # fmt: skip
    return pa.schema([(name, types[kind]) for name, kind in PARQUET_FIELDS])


def write_parquet(events: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for event in events:
        row = {name: event.get(name) for name, _ in PARQUET_FIELDS}
        row["sources"] = _list(row["sources"])
        row["assoc_actors"] = _list(row["assoc_actors"])
        rows.append(row)
    pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), str(path))
    return len(rows)
