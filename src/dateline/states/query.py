"""The two "as of" questions: the state of a place on a date (``as_of``), as the news had told it by
another date (``known_as_of``: only what articles published by then said; no hindsight).

Answers are derived from the assertions each time (cheap: one place's rows), so a
``known_as_of`` answer uses exactly the reports known by that date and adding later
articles never changes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ..errors import StoreError
from .derive import derive_intervals
from .model import FACETS, Interval, StateAnswer, StatePlace, normalize_name
from .storage import load_assertions, load_places

__all__ = ["answer", "find_places", "list_states", "normalize_name", "place_timeline", "state_of"]


def find_places(conn: Any, name_or_id: str) -> list[StatePlace]:
    """Places with a state by id, else by name (every word of the query in the name; closest first)."""
    places = load_places(conn)
    if name_or_id in places:
        return [places[name_or_id]]
    query = normalize_name(name_or_id)
    words = set(query.split())
    if not words:
        return []
    scored = []
    for p in places.values():
        names = {normalize_name(p.name)}
        if p.anchor_name:
            names.add(normalize_name(f"{p.anchor_name} {p.kind}"))
        for name in names:
            tokens = set(name.split())
            if words <= tokens:
                scored.append((0 if name == query else len(tokens - words), p.name, p))
                break
    if not scored:  # a name as the articles wrote it ("Tal Abyad" for GeoNames' "Tall Abyaḑ")
        sql = "SELECT DISTINCT geonameid FROM places WHERE lower(replace(text, '-', ' ')) = ? AND geonameid IS NOT NULL"
        gids = {g for (g,) in conn.execute(sql, [" ".join(name_or_id.lower().replace("-", " ").split())]).fetchall()}
        scored = [
            (0 if p.place_id in gids else 1, p.name, p)
            for p in places.values()
            if p.place_id in gids or p.anchor_geonameid in gids
        ]
    return [p for *_, p in sorted(scored, key=lambda t: (t[0], t[1]))]


def place_timeline(conn: Any, place_id: str, known_as_of: dt.date | None = None) -> list[Interval]:
    """Every interval of a place, derived from the assertions known by ``known_as_of`` (all when None)."""
    return derive_intervals(load_assertions(conn, [place_id], known_as_of))


def answer(intervals: Iterable[Interval], day: dt.date) -> list[StateAnswer]:
    """Per (part, facet, slot): the value on ``day`` (None when nothing says), with status and sources."""
    keys: dict[tuple[str, str, str, str], list[Interval]] = {}
    for i in intervals:
        keys.setdefault((i.place_id, i.part, i.facet, i.slot), []).append(i)
    out = []
    for (pid, part, facet, slot), items in sorted(keys.items(), key=lambda kv: (kv[0][2], kv[0][1], kv[0][3])):
        hit = next((i for i in reversed(items) if i.start is None or i.start <= day), None)
        if hit is not None and not hit.covers(day):
            hit = None
        if hit is None:
            out.append(StateAnswer(pid, part, facet, slot, None, None))
            continue
        changing = hit.start is not None and hit.start_latest is not None and hit.start <= day < hit.start_latest
        out.append(
            StateAnswer(
                pid,
                part,
                facet,
                slot,
                hit.value,
                hit.status,
                hit.start,
                hit.start_latest,
                hit.start_text,
                hit.observed,
                hit.last_confirmed,
                hit.sources,
                hit.alternatives,
                changing,
                hit,
            )
        )
    return out


def state_of(
    conn: Any,
    place_id: str,
    *,
    as_of: dt.date | None = None,
    known_as_of: dt.date | None = None,
    facet: str | None = None,
    part: str | None = None,
) -> list[StateAnswer]:
    """The state of a place on ``as_of`` (default: ``known_as_of``, else today) as known by ``known_as_of``."""
    if facet is not None and facet not in FACETS:
        raise StoreError(f"unknown facet {facet!r} (known: {', '.join(FACETS)})")
    day = as_of or known_as_of or dt.date.today()
    found = answer(place_timeline(conn, place_id, known_as_of), day)
    return [a for a in found if (facet is None or a.facet == facet) and (part is None or a.part == part)]


def list_states(
    conn: Any,
    *,
    facet: str = "control",
    country: str | None = None,
    as_of: dt.date | None = None,
    known_as_of: dt.date | None = None,
) -> list[tuple[StatePlace, StateAnswer]]:
    """Every place (of a country) with a value for ``facet`` on ``as_of``."""
    if facet not in FACETS:
        raise StoreError(f"unknown facet {facet!r} (known: {', '.join(FACETS)})")
    code = None
    if country:
        from ..export.countries import resolve_country

        code = resolve_country(country)
        if code is None:
            raise StoreError(f"unknown country {country!r} (give a name or an ISO 3166 code)")
    places = {p.place_id: p for p in load_places(conn).values() if code is None or p.country_code == code}
    assertions = [a for a in load_assertions(conn, list(places), known_as_of) if a.facet == facet]
    day = as_of or known_as_of or dt.date.today()
    by_place: dict[str, list[Interval]] = {}
    for i in derive_intervals(assertions):
        by_place.setdefault(i.place_id, []).append(i)
    out = []
    for pid in sorted(by_place, key=lambda p: places[p].name):
        out += [(places[pid], a) for a in answer(by_place[pid], day) if a.value is not None]
    return out
