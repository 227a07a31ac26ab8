"""Turning records into table rows, and writing many rows at once (through Arrow)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import Any

from ..records import Document, Event

__all__ = ["article_row", "bulk_insert", "child_rows", "event_columns", "now", "to_date"]

_ARROW_TYPES = {
    "VARCHAR": "string",
    "INTEGER": "int64",
    "BIGINT": "int64",
    "DOUBLE": "float64",
    "DATE": "date32",
    "TIMESTAMP": "timestamp",
    "BOOLEAN": "bool_",
}


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def to_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _float(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def event_columns(event: Event) -> dict[str, Any]:
    """The event columns shared by ``reports`` and ``events`` for one extracted event."""
    d, loc, a1, a2 = event.date, event.location, event.actor1, event.actor2
    start = to_date(d.start) if d else None
    end = (to_date(d.end) if d else None) or start
    if start and end and end < start:
        start, end = end, start
    return {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover_type": event.plover.type if event.plover else None,
        "plover_mode": event.plover.mode if event.plover else None,
        "date_start": start,
        "date_end": end,
        "date_precision": d.precision if d else None,
        "date_text": d.text if d else None,
        "location_name": loc.name if loc else None,
        "geonameid": str(loc.geonameid) if loc and loc.geonameid else None,
        "lat": _float(loc.lat) if loc else None,
        "lon": _float(loc.lon) if loc else None,
        "country_code": loc.country_code if loc else None,
        "admin1": loc.admin1 if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "actor1_name": a1.name if a1 else None,
        "actor1_type": a1.type if a1 else None,
        "actor2_name": a2.name if a2 else None,
        "actor2_type": a2.type if a2 else None,
        "assoc_actors": json.dumps([{"name": a.name, "type": a.type} for a in event.assoc_actors], ensure_ascii=False),
        "fatalities": event.fatalities,
        "modality": event.modality,
        "historical": bool(event.historical),
        "confidence": float(event.confidence),
        "evidence_text": event.evidence.text if event.evidence else None,
        "evidence_start": event.evidence.start if event.evidence else None,
        "evidence_end": event.evidence.end if event.evidence else None,
    }


def article_row(doc: Document, aid: str, chash: str, input_id: str, run_id: str | None) -> dict[str, Any]:
    a = doc.article
    dl = a.dateline
    return {
        "article_id": aid,
        "content_hash": chash,
        "input_id": input_id,
        "url": a.url,
        "title": a.title,
        "source": a.source,
        "authors": json.dumps(a.authors, ensure_ascii=False),
        "published": to_date(a.published),
        "updated": to_date(a.updated),
        "dateline_text": dl.text if dl else None,
        "dateline_place": json.dumps(asdict(dl.place), ensure_ascii=False) if dl and dl.place else None,
        "language": a.language,
        "body": a.body,
        "run_id": run_id,
        "ingested_at": now(),
    }


def child_rows(doc: Document, aid: str) -> dict[str, list[dict[str, Any]]]:
    """The ``places``, ``timexes`` and ``actors`` rows of one document."""
    return {
        "places": [
            {
                "article_id": aid, "idx": i, "text": p.text, "start_char": p.start, "end_char": p.end,
                "name": p.name, "geonameid": None if p.geonameid is None else str(p.geonameid),
                "lat": _float(p.lat), "lon": _float(p.lon), "country_code": p.country_code, "admin1": p.admin1,
                "feature": p.feature, "score": _float(p.score),
            }
            for i, p in enumerate(doc.places)
        ],
        "timexes": [
            {
                "article_id": aid, "idx": i, "text": t.text, "start_char": t.start, "end_char": t.end,
                "type": t.type, "value": t.value, "mod": t.mod, "start_date": t.start_date,
                "end_date": t.end_date, "precision": t.precision,
            }
            for i, t in enumerate(doc.timexes)
        ],
        "actors": [
            {
                "article_id": aid, "idx": i, "name": a.name, "type": a.type, "text": a.text,
                "start_char": a.start, "end_char": a.end, "country_code": a.country_code,
            }
            for i, a in enumerate(doc.actors)
        ],
    }  # fmt: skip


def _arrow_schema(conn: Any, table: str, cache: dict[str, Any]) -> Any:
    if table not in cache:
        import pyarrow as pa

        fields = []
        for name, dtype, *_ in conn.execute(f"DESCRIBE {table}").fetchall():
            kind = _ARROW_TYPES.get(str(dtype).upper(), "string")
            fields.append((name, pa.timestamp("us") if kind == "timestamp" else getattr(pa, kind)()))
        cache[table] = pa.schema(fields)
    return cache[table]


def bulk_insert(conn: Any, table: str, rows: list[dict[str, Any]], cache: dict[str, Any]) -> None:
    """Insert ``rows`` (dicts with the same keys) in one statement."""
    if not rows:
        return
    import pyarrow as pa

    schema = _arrow_schema(conn, table, cache)
    cols = list(rows[0])
    data = pa.Table.from_pylist(rows, schema=pa.schema([schema.field(c) for c in cols]))
    conn.register("_dateline_rows", data)
    try:
        names = ", ".join(cols)
        conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _dateline_rows")
    finally:
        conn.unregister("_dateline_rows")
