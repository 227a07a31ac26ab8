"""Stored events as API rows: ACLED's column names where ACLED has the field, dateline's beside them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

__all__ = ["ROW_KEYS", "add_articles", "event_row", "feature"]

#: the keys of every event row, in this order (``fields=`` picks among them)
ROW_KEYS = (
    "event_id", "event_date", "date_end", "time_precision", "date_precision", "event_type", "sub_event_type",
    "actor1", "actor1_type", "inter1", "actor2", "actor2_type", "inter2", "assoc_actors", "country", "iso", "iso2",
    "region", "admin1", "location", "geonameid", "latitude", "longitude", "geo_precision", "fatalities",
    "confidence", "historical", "modality", "evidence", "source", "url", "title", "n_reports", "n_articles",
    "updated_at",
)  # fmt: skip


def _iso(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _list(value: Any) -> list[Any]:
    return json.loads(value) if isinstance(value, str) else list(value or [])


def event_row(e: dict[str, Any]) -> dict[str, Any]:
    """One event (a dict of ``events`` columns, plus ``url``/``title`` when known) as an API row."""
    from ..export.acled import inter_code, time_precision
    from ..export.countries import country

    start, end = e.get("date_start"), e.get("date_end") or e.get("date_start")
    c = country(e.get("country_code"))
    return {
        "event_id": e["event_id"],
        "event_date": _iso(start),
        "date_end": _iso(end),
        "time_precision": time_precision(e.get("date_precision"), start, end) if start and end else None,
        "date_precision": e.get("date_precision"),
        "event_type": e.get("event_type"),
        "sub_event_type": e.get("sub_event_type"),
        "actor1": e.get("actor1_name"),
        "actor1_type": e.get("actor1_type"),
        "inter1": inter_code(e.get("actor1_type")),
        "actor2": e.get("actor2_name"),
        "actor2_type": e.get("actor2_type"),
        "inter2": inter_code(e.get("actor2_type")),
        "assoc_actors": _list(e.get("assoc_actors")),
        "country": c.name if c else None,
        "iso": c.isonumeric if c else None,
        "iso2": e.get("country_code"),
        "region": c.region if c else None,
        "admin1": e.get("admin1"),
        "location": e.get("location_name"),
        "geonameid": e.get("geonameid"),
        "latitude": e.get("lat"),
        "longitude": e.get("lon"),
        "geo_precision": e.get("geo_precision"),
        "fatalities": e.get("fatalities"),
        "confidence": e.get("confidence"),
        "historical": bool(e.get("historical")),
        "modality": e.get("modality"),
        "evidence": e.get("evidence_text"),
        "source": "; ".join(_list(e.get("sources"))),
        "url": e.get("url"),
        "title": e.get("title"),
        "n_reports": e.get("n_reports"),
        "n_articles": e.get("n_articles"),
        "updated_at": _iso(e.get("updated_at")),
    }


def add_articles(cur: Any, events: list[dict[str, Any]]) -> None:
    """Give each event the ``url`` and ``title`` of the article its evidence sentence comes from.

    One query for the page: the report whose sentence is the event's, else the first report.
    """
    if not events:
        return
    ids = [e["event_id"] for e in events]
    sql = (
        "SELECT r.event_id, r.evidence_text, a.url, a.title FROM reports r JOIN articles a USING (article_id)"
        " WHERE r.event_id IN (SELECT unnest(?)) ORDER BY r.merged_at, r.report_id"
    )
    best: dict[str, tuple[bool, str | None, str | None]] = {}
    wanted = {e["event_id"]: e.get("evidence_text") for e in events}
    for eid, text, url, title in cur.execute(sql, [ids]).fetchall():
        exact = text == wanted.get(eid)
        if eid not in best or (exact and not best[eid][0]):
            best[eid] = (exact, url, title)
    for e in events:
        _, e["url"], e["title"] = best.get(e["event_id"], (False, None, None))


def pick(row: dict[str, Any], fields: Iterable[str] | None) -> dict[str, Any]:
    return row if not fields else {k: row[k] for k in fields}


def feature(row: dict[str, Any], props: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Point feature of a row (None without coordinates)."""
    if row.get("latitude") is None or row.get("longitude") is None:
        return None
    return {
        "type": "Feature",
        "id": row["event_id"],
        "geometry": {"type": "Point", "coordinates": [float(row["longitude"]), float(row["latitude"])]},
        "properties": props,
    }
