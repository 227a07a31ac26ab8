"""``GET /v1/places`` and ``/v1/places/{geonameid}``: the places events happened at."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from ..store.query import _decode
from .common import State, state, timed
from .params import ParamError, _bbox, _countries, _int, _split
from .rows import add_articles, event_row

__all__ = ["router"]

router = APIRouter(prefix="/v1", tags=["places"])

_PLACE_SQL = """
SELECT e.geonameid, mode(e.location_name) AS name, any_value(e.lat) AS latitude, any_value(e.lon) AS longitude,
       any_value(e.country_code) AS iso2, mode(e.admin1) AS admin1, count(*) AS n_events,
       sum(coalesce(e.fatalities, 0)) AS fatalities, min(e.date_start) AS first_event,
       max(coalesce(e.date_end, e.date_start)) AS last_event,
       arg_max(e.event_id, coalesce(e.date_start, DATE '0001-01-01')) AS last_event_id
FROM events e WHERE e.geonameid IS NOT NULL AND ({where})
GROUP BY e.geonameid
"""


def _place(row: tuple[Any, ...], names: list[str]) -> dict[str, Any]:
    from ..export.countries import country

    p = dict(zip(names, row, strict=True))
    c = country(p["iso2"])
    p["country"] = c.name if c else None
    p["iso"] = c.isonumeric if c else None
    for key in ("first_event", "last_event"):
        p[key] = p[key].isoformat() if p[key] else None
    p["n_events"], p["fatalities"] = int(p["n_events"]), int(p["fatalities"])
    return p


@router.get("/places", summary="Places with events: name, point, country, admin1, counts, last event")
def places(
    request: Request,
    country: Annotated[str | None, Query(description="Country name or ISO code(s), A|B")] = None,
    admin1: Annotated[str | None, Query(description="First-level division(s), A|B")] = None,
    name: Annotated[str | None, Query(description="Part of the place's name")] = None,
    bbox: Annotated[str | None, Query(description="WEST,SOUTH,EAST,NORTH in degrees")] = None,
    min_events: Annotated[str | None, Query(description="At least this many events")] = None,
    limit: Annotated[str | None, Query(description="At most this many places (default 1000, max 100000)")] = None,
    page: Annotated[str | None, Query(description="Page number from 1")] = None,
) -> dict[str, Any]:
    """Most events first."""
    st: State = state(request)
    clauses: list[str] = ["true"]
    params: list[Any] = []
    having: list[int] = []
    if country:
        clauses.append("e.country_code IN (SELECT unnest(?))")
        params.append(_countries("country", _split(country)))
    if admin1:
        clauses.append("lower(e.admin1) IN (SELECT unnest(?))")
        params.append([a.lower() for a in _split(admin1)])
    if name:
        clauses.append("e.location_name ILIKE ?")
        params.append(f"%{name}%")
    if bbox:
        west, south, east, north = _bbox(bbox)
        clauses.append("e.lat BETWEEN ? AND ?")
        params += [south, north]
        clauses.append("e.lon BETWEEN ? AND ?" if west <= east else "(e.lon >= ? OR e.lon <= ?)")
        params += [west, east]
    if min_events:
        having.append(_int("min_events", min_events, 1, 10**9))
    n = _int("limit", limit, 1, 100_000) if limit else 1000
    offset = (_int("page", page, 1, 10**9) - 1) * n if page else 0
    sql = _PLACE_SQL.format(where=" AND ".join(clauses))
    if having:
        sql += " HAVING count(*) >= ?"
        params.append(having[0])
    sql += " ORDER BY n_events DESC, e.geonameid LIMIT ? OFFSET ?"
    params += [n, offset]
    with st.holder.cursor() as cur, timed(cur, st.config.query_seconds):
        cur.execute(sql, params)
        names = [d[0] for d in cur.description]
        data = [_place(r, names) for r in cur.fetchall()]
    return {"status": 200, "success": True, "count": len(data), "data": data}


@router.get("/places/{geonameid}", summary="One place and its latest events")
def place(
    request: Request,
    geonameid: Annotated[str, Path(description="The place's GeoNames id", max_length=20)],
    limit: Annotated[str | None, Query(description="Latest events to include (default 100, max 5000)")] = None,
) -> dict[str, Any]:
    st: State = state(request)
    if not geonameid.isdigit():
        raise ParamError("geonameid", f"{geonameid!r} is not a GeoNames id (digits)")
    n = _int("limit", limit, 1, 5000) if limit else 100
    with st.holder.cursor() as cur, timed(cur, st.config.query_seconds):
        cur.execute(_PLACE_SQL.format(where="e.geonameid = ?"), [geonameid])
        names = [d[0] for d in cur.description]
        found = cur.fetchall()
        if not found:
            raise HTTPException(404, f"no events at place {geonameid}")
        cur.execute(
            "SELECT e.* FROM events e WHERE e.geonameid = ?"
            " ORDER BY coalesce(e.date_start, DATE '0001-01-01') DESC, e.event_id LIMIT ?",
            [geonameid, n],
        )
        cols = [d[0] for d in cur.description]
        events = [_decode(dict(zip(cols, r, strict=True))) for r in cur.fetchall()]
        add_articles(cur, events)
    return {"place": _place(found[0], names), "events": [event_row(e) for e in events]}
