"""``GET /v1/places/{place_id}/states`` and ``GET /v1/states``: place states as of a date (see docs/states.md)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from ..states.model import FACETS, StatePlace
from .common import State, state, timed
from .params import ParamError, _bbox, _countries, _date, _split

__all__ = ["router"]

router = APIRouter(prefix="/v1", tags=["states"])

_AS_OF = "The state on this date (YYYY-MM-DD; default: known_as_of, else today)"
_KNOWN = "Only what articles published by this date said (no hindsight)"


def _days(as_of: str | None, known_as_of: str | None) -> tuple[dt.date, dt.date | None]:
    known = _date("known_as_of", known_as_of) if known_as_of else None
    day = _date("as_of", as_of) if as_of else (known or dt.date.today())
    return day, known


def _facet(value: str | None) -> str | None:
    if value is not None and value not in FACETS:
        raise ParamError("facet", f"{value!r} is not a facet ({', '.join(FACETS)})")
    return value


def _place(p: StatePlace) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(p)


@router.get("/places/{place_id}/states", summary="One place's state on a date, and its timeline, with sources")
def place_states(
    request: Request,
    place_id: Annotated[str, Path(description="A GeoNames id, or a facility's id (x…)", max_length=40)],
    as_of: Annotated[str | None, Query(description=_AS_OF)] = None,
    known_as_of: Annotated[str | None, Query(description=_KNOWN)] = None,
    facet: Annotated[str | None, Query(description="control, access, curfew, siege or presence")] = None,
) -> dict[str, Any]:
    from ..states import place_timeline, state_of
    from ..states.render import answer_dict, interval_dict
    from ..states.storage import load_places

    st: State = state(request)
    day, known = _days(as_of, known_as_of)
    wanted = _facet(facet)
    with st.holder.cursor() as cur, timed(cur, st.config.query_seconds):
        found = load_places(cur, [place_id])
        if place_id not in found:
            raise HTTPException(404, f"no place with a state has id {place_id!r}")
        answers = state_of(cur, place_id, as_of=day, known_as_of=known, facet=wanted)
        timeline = [i for i in place_timeline(cur, place_id, known) if wanted is None or i.facet == wanted]
    return {
        "place": _place(found[place_id]),
        "as_of": day.isoformat(),
        "known_as_of": known.isoformat() if known else None,
        "states": [answer_dict(a) for a in answers],
        "timeline": [interval_dict(i) for i in timeline],
    }


@router.get("/states", summary="Place states on a date as GeoJSON points (a map layer)")
def states(
    request: Request,
    as_of: Annotated[str | None, Query(description=_AS_OF)] = None,
    known_as_of: Annotated[str | None, Query(description=_KNOWN)] = None,
    facet: Annotated[str | None, Query(description="control (default), access, curfew, siege or presence")] = None,
    country: Annotated[str | None, Query(description="Country name or ISO code(s), A|B")] = None,
    bbox: Annotated[str | None, Query(description="WEST,SOUTH,EAST,NORTH in degrees")] = None,
) -> dict[str, Any]:
    """One Feature per place (and part) with a value on the date; places without coordinates are left out."""
    from ..states import list_states
    from ..states.render import answer_dict

    st: State = state(request)
    day, known = _days(as_of, known_as_of)
    wanted = _facet(facet) or "control"
    codes = set(_countries("country", _split(country))) if country else None
    box = _bbox(bbox) if bbox else None
    with st.holder.cursor() as cur, timed(cur, st.config.query_seconds):
        rows = list_states(cur, facet=wanted, as_of=day, known_as_of=known)
    features, unplaced = [], 0
    for place, answer in rows:
        if codes is not None and place.country_code not in codes:
            continue
        if place.lat is None or place.lon is None:
            unplaced += 1
            continue
        if box is not None and not _inside(place.lat, place.lon, box):
            continue
        props = {"place": _place(place), **answer_dict(answer)}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": props,
            }
        )
    return {
        "type": "FeatureCollection",
        "as_of": day.isoformat(),
        "known_as_of": known.isoformat() if known else None,
        "facet": wanted,
        "features": features,
        "without_coordinates": unplaced,
    }


def _inside(lat: float, lon: float, box: tuple[float, float, float, float]) -> bool:
    west, south, east, north = box
    if not south <= lat <= north:
        return False
    return west <= lon <= east if west <= east else (lon >= west or lon <= east)
