"""ACLED-compatible CSV: ACLED's columns, in ACLED's order, filled as ACLED defines them.

``time_precision`` 1-3 from the date's precision (1 a day, 2 up to a week, 3 vaguer);
``inter1``/``inter2`` from the actor categories (1 State forces … 8 External/Other
forces); ``interaction`` the two codes combined, lower first (``12``; ``10`` for one
actor); ``disorder_type`` from the event and sub-event type; ``iso`` the numeric ISO 3166
code; ``region`` ACLED's region of the country. Vague dates are set to the middle of
their interval, as ACLED does. Unknown fatalities are written as 0, ACLED's convention.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, TextIO

from .countries import country

__all__ = ["ACLED_COLUMNS", "acled_row", "write_acled_csv"]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip


@functools.cache
def _codes() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("acled_codes.json").read_text("utf-8"))  # type: ignore[no-any-return]


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def time_precision(precision: str | None, start: dt.date, end: dt.date) -> int:
    code = _codes()["time_precision"].get(precision or "")
    if code:
        return int(code)
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def inter_code(actor_type: str | None) -> int | None:
    return _codes()["inter"].get(actor_type or "")  # type: ignore[no-any-return]


def interaction(a: int | None, b: int | None) -> int | None:
    codes = sorted(c for c in (a, b) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    codes = _codes()
    return codes["disorder_by_sub_event_type"].get(sub_event_type) or codes["disorder_by_event_type"].get(
        event_type, ""
    )  # type: ignore[no-any-return]


def acled_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """One ACLED row for a stored event (a dict of the ``events`` columns)."""
    start = _as_date(event.get("date_start"))
    end = _as_date(event.get("date_end")) or start
    precision = time_precision(event.get("date_precision"), start, end) if start and end else None
    when = start + (end - start) / 2 if start and end else None
    c = country(event.get("country_code"))
    i1, i2 = inter_code(event.get("actor1_type")), inter_code(event.get("actor2_type"))
    assoc = event.get("assoc_actors") or []
    if isinstance(assoc, str):
        assoc = json.loads(assoc)
    sources = event.get("sources") or []
    if isinstance(sources, str):
        sources = json.loads(sources)
    civilians = event.get("actor2_type") == "Civilians" or event.get("event_type") == "Violence against civilians"
    updated = event.get("updated_at")
    tags = []
    if event.get("historical"):
        tags.append("historical")
    if (event.get("n_articles") or 0) > 1:
        tags.append(f"reports={event['n_reports']}")
    return {
        "event_id_cnty": f"{c.iso3 if c else 'XXX'}{event['event_id'][1:11].upper()}",
        "event_date": when.isoformat() if when else "",
        "year": when.year if when else "",
        "time_precision": precision or "",
        "disorder_type": disorder_type(event.get("event_type"), event.get("sub_event_type")),
        "event_type": event.get("event_type") or "",
        "sub_event_type": event.get("sub_event_type") or "",
        "actor1": event.get("actor1_name") or "",
        "assoc_actor_1": "; ".join(a["name"] for a in assoc if a.get("name")),
        "inter1": i1 or "",
        "actor2": event.get("actor2_name") or "",
        "assoc_actor_2": "",
        "inter2": i2 or "",
        "interaction": interaction(i1, i2) or "",
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": c.isonumeric if c and c.isonumeric is not None else "",
        "region": (c.region or "") if c else "",
        "country": c.name if c else "",
        "admin1": event.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": event.get("location_name") or "",
        "latitude": event.get("lat") if event.get("lat") is not None else "",
        "longitude": event.get("lon") if event.get("lon") is not None else "",
        "geo_precision": event.get("geo_precision") or "",
        "source": "; ".join(sources),
        "source_scale": "",
        "notes": " ".join((event.get("evidence_text") or "").split()),
        "fatalities": event.get("fatalities") or 0,
        "tags": "; ".join(tags),
        "timestamp": int(updated.replace(tzinfo=dt.UTC).timestamp()) if isinstance(updated, dt.datetime) else "",
    }


def write_acled_csv(events: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write events as ACLED CSV; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(acled_row(event))
        n += 1
    return n
