"""``GET /v1/events``, ``/v1/events/deleted`` and ``/v1/events/{id}``."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response

from ..errors import StoreError
from ..store.db import Store
from ..store.query import _decode, get_event
from .common import State, state, timed
from .params import DEFAULT_LIMIT, MAX_LIMIT, ORDERS, parse_event_query
from .rows import ROW_KEYS, add_articles, event_row, feature, pick

__all__ = ["EVENT_FORMATS", "event_filters", "router"]

router = APIRouter(prefix="/v1", tags=["events"])

EVENT_FORMATS = ("json", "jsonl", "csv", "geojson")
Q = Annotated[str | None, Query()]


def event_filters(
    country: Annotated[str | None, Query(description="Country name, ISO alpha-2 or alpha-3; several as A|B")] = None,
    iso: Annotated[str | None, Query(description="ISO 3166 numeric code(s), A|B (ACLED's iso)")] = None,
    region: Annotated[str | None, Query(description="ACLED region(s), e.g. Middle East")] = None,
    admin1: Annotated[str | None, Query(description="First-level division(s), A|B")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type(s), A|B")] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type(s), A|B")] = None,
    actor1: Annotated[str | None, Query(description="Actor 1 name(s); exact unless actor1_where=LIKE")] = None,
    actor1_where: Annotated[str | None, Query(description="= (default) or LIKE (part of the name)")] = None,
    actor2: Annotated[str | None, Query(description="Actor 2 name(s); exact unless actor2_where=LIKE")] = None,
    actor2_where: Annotated[str | None, Query(description="= (default) or LIKE")] = None,
    inter1: Annotated[str | None, Query(description="ACLED actor category code(s) 1-8 of actor 1")] = None,
    inter2: Annotated[str | None, Query(description="ACLED actor category code(s) 1-8 of actor 2")] = None,
    event_date: Annotated[str | None, Query(description="YYYY-MM-DD, or FROM|TO with BETWEEN")] = None,
    event_date_where: Annotated[str | None, Query(description="=, >=, <= or BETWEEN")] = None,
    year: Annotated[str | None, Query(description="Year(s), A|B")] = None,
    bbox: Annotated[str | None, Query(description="WEST,SOUTH,EAST,NORTH in degrees")] = None,
    text: Annotated[str | None, Query(description="Words in the place name or a reporting article")] = None,
    historical: Annotated[str | None, Query(description="include (default), exclude or only")] = None,
    min_confidence: Annotated[str | None, Query(description="Lowest confidence, 0-1")] = None,
    updated_since: Annotated[str | None, Query(description="Events stored or changed since (ISO 8601)")] = None,
) -> dict[str, str]:
    """The filters common to ``/v1/events`` and ``/v1/export``."""
    return {k: v for k, v in locals().items() if v is not None}


def _paging(
    limit: Annotated[str | None, Query(description=f"Rows per page (default {DEFAULT_LIMIT}, max {MAX_LIMIT})")] = None,
    page: Annotated[str | None, Query(description="Page number from 1 (ACLED's paging)")] = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page (keyset paging)")] = None,
    order: Annotated[str | None, Query(description=f"Sort: {' or '.join(ORDERS)} (default event_date)")] = None,
    fields: Annotated[str | None, Query(description="Row keys to return, a|b")] = None,
    format: Annotated[str | None, Query(description="json (default), jsonl, csv or geojson")] = None,
) -> dict[str, str]:
    return {k: v for k, v in locals().items() if v is not None}


def _json(obj: Any, status: int = 200) -> Response:
    return Response(json.dumps(obj, ensure_ascii=False, default=str), status_code=status, media_type="application/json")


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(v.get("name", "") if isinstance(v, dict) else str(v) for v in value)
    return "" if value is None else value


@router.get("/events", summary="Events matching ACLED-style filters, a page at a time")
def list_events(
    request: Request,
    filters: Annotated[dict[str, str], Depends(event_filters)],
    paging: Annotated[dict[str, str], Depends(_paging)],
) -> Response:
    """Events newest first (``order=updated_at``: oldest change first, for syncing a copy).

    Unknown parameters and bad values are a 422 naming the parameter. ``next_cursor`` is
    null on the last page; give it as ``cursor`` for the next one.
    """
    st: State = state(request)
    q = parse_event_query({**filters, **paging}, formats=EVENT_FORMATS, row_keys=ROW_KEYS)
    sql, params = q.sql()
    with st.holder.cursor() as cur, timed(cur, st.config.query_seconds):
        cur.execute(sql, params)
        names = [d[0] for d in cur.description]
        events = [_decode(dict(zip(names, r, strict=True))) for r in cur.fetchall()]
        more = len(events) > q.limit
        events = events[: q.limit]
        add_articles(cur, events)
    next_cursor = q.cursor_after(events[-1]) if more and events else None
    rows = [event_row(e) for e in events]
    data = [pick(r, q.fields) for r in rows]
    headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
    if q.fmt == "json":
        body = {"status": 200, "success": True, "count": len(data), "next_cursor": next_cursor, "data": data}
        return _json(body)
    if q.fmt == "geojson":
        features = [f for r, d in zip(rows, data, strict=True) if (f := feature(r, d)) is not None]
        body = {"type": "FeatureCollection", "count": len(features), "next_cursor": next_cursor, "features": features}
        return Response(json.dumps(body, ensure_ascii=False), media_type="application/geo+json", headers=headers)
    if q.fmt == "jsonl":
        text = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in data)
        return Response(text, media_type="application/x-ndjson", headers=headers)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    keys = q.fields or list(ROW_KEYS)
    writer.writerow(keys)
    for d in data:
        writer.writerow([_csv_value(d[k]) for k in keys])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/events/deleted", summary="Events removed or merged away since a time (for keeping a copy in sync)")
def deleted_events(
    request: Request,
    since: Annotated[str, Query(description="ISO 8601 date or time; events deleted at or after it")],
    limit: Annotated[str | None, Query(description=f"At most this many (default {DEFAULT_LIMIT})")] = None,
) -> Response:
    from .params import _int, _timestamp

    st: State = state(request)
    when = _timestamp("since", since)
    n = _int("limit", limit, 1, MAX_LIMIT) if limit else DEFAULT_LIMIT
    with st.holder.cursor() as cur, timed(cur, st.config.query_seconds):
        found = cur.execute(
            "SELECT event_id, deleted_at, reason, merged_into FROM tombstones WHERE deleted_at >= ?"
            " ORDER BY deleted_at, event_id LIMIT ?",
            [when, n],
        ).fetchall()
    data = [
        {"event_id": e, "deleted_at": d.isoformat(timespec="microseconds"), "reason": r, "merged_into": m}
        for e, d, r, m in found
    ]
    return _json({"status": 200, "success": True, "count": len(data), "data": data})


def _report(r: dict[str, Any]) -> dict[str, Any]:
    def iso(v: Any) -> Any:
        return v.isoformat() if hasattr(v, "isoformat") else v

    return {
        "report_id": r["report_id"],
        "article": {
            "article_id": r["article_id"],
            "title": r.get("title"),
            "source": r.get("source"),
            "url": r.get("url"),
            "published": iso(r.get("published")),
        },
        "evidence": {"text": r.get("evidence_text"), "start": r.get("evidence_start"), "end": r.get("evidence_end")},
        "event_type": r.get("event_type"),
        "sub_event_type": r.get("sub_event_type"),
        "date": {
            "start": iso(r.get("date_start")),
            "end": iso(r.get("date_end")),
            "precision": r.get("date_precision"),
            "text": r.get("date_text"),
        },
        "location": {
            "name": r.get("location_name"),
            "geonameid": r.get("geonameid"),
            "latitude": r.get("lat"),
            "longitude": r.get("lon"),
            "iso2": r.get("country_code"),
            "admin1": r.get("admin1"),
            "geo_precision": r.get("geo_precision"),
        },
        "actor1": {"name": r.get("actor1_name"), "type": r.get("actor1_type")},
        "actor2": {"name": r.get("actor2_name"), "type": r.get("actor2_type")},
        "fatalities": r.get("fatalities"),
        "confidence": r.get("confidence"),
        "historical": r.get("historical"),
        "merge_score": r.get("merge_score"),
        "merge_reason": r.get("merge_reason"),
        "merged_at": iso(r.get("merged_at")),
    }


@router.get("/events/{event_id}", summary="One event with its reports, articles, evidence and merge reasons")
def show_event(
    request: Request,
    event_id: Annotated[str, Path(description="The event id or a unique prefix of it", max_length=64)],
) -> Response:
    st: State = state(request)
    if not event_id.isalnum():
        raise HTTPException(404, f"no event {event_id!r}")
    with st.holder.cursor() as cur, timed(cur, st.config.query_seconds):
        store = Store(cur, st.config.db, True)
        try:
            event = get_event(store, event_id)
        except StoreError as exc:
            if "ambiguous" in str(exc):
                raise HTTPException(409, f"event id prefix {event_id!r} is ambiguous; give more characters") from None
            raise HTTPException(404, f"no event {event_id!r}") from None
        reports = event.pop("reports")
        add_articles(cur, [event])
    merges = [
        {"report_id": r["report_id"], "score": r.get("merge_score"), **(r.get("merge_reason") or {})}
        for r in reports
        if r.get("merge_reason")
    ]
    return _json({"event": event_row(event), "reports": [_report(r) for r in reports], "merge_reasons": merges})
