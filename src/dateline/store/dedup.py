"""Cross-article de-duplication: one event however many outlets or days report it.

A new report joins an existing event when they have the same event type and modality,
overlapping dates, nearby places and compatible actors; the reasons are kept with the
report (``reports.merge_reason``) so ``dateline events show`` can explain every merge.
Reports from one article never merge with each other: an article that lists two clashes
means two clashes.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..settings import Settings

__all__ = ["DedupSettings", "Match", "candidates", "compare", "haversine_km", "summarize"]

_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class DedupSettings:
    """How close two reports must be to count as one event."""

    radius_km: float = 25.0  # places further apart are different events
    tolerance_days: int = 1  # dates may disagree by this much (time zones, "yesterday")
    max_span_days: int = 31  # vaguer dates only merge when exactly equal
    enabled: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> DedupSettings:
        d = cls()
        return cls(
            radius_km=float(settings.option("store.dedup_radius_km", d.radius_km)),  # type: ignore[arg-type]
            tolerance_days=int(settings.option("store.dedup_tolerance_days", d.tolerance_days)),  # type: ignore[call-overload]
            max_span_days=int(settings.option("store.dedup_max_span_days", d.max_span_days)),  # type: ignore[call-overload]
            enabled=bool(settings.option("store.dedup", True)),
        )


@dataclass(slots=True)
class Match:
    """Why a report and an event are one: a score and a reason per criterion."""

    score: float
    reasons: dict[str, str] = field(default_factory=dict)

    def to_json(self, event_id: str) -> str:
        return json.dumps(
            {"matched_event": event_id, "score": round(self.score, 3), **self.reasons}, ensure_ascii=False
        )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _norm_actor(name: str | None) -> str:
    if not name:
        return ""
    words = [w for w in _WORD.split(name.lower()) if w]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _slot(a_name: Any, a_type: Any, b_name: Any, b_type: Any) -> tuple[float, str] | None:
    """Score and reason for one actor slot, or None when the two actors conflict."""
    na, nb = _norm_actor(a_name), _norm_actor(b_name)
    if not na or not nb:
        return 0.1, "unknown on one side"
    if na == nb:
        return 0.5, f"same ({a_name})"
    if f" {na} " in f" {nb} " or f" {nb} " in f" {na} ":
        return 0.4, f"{a_name!s} ~ {b_name!s} (one name contains the other)"
    if a_type and a_type == b_type:
        return 0.2, f"{a_name!s} / {b_name!s}: same type ({a_type})"
    if not a_type or not b_type:
        return 0.05, f"{a_name!s} / {b_name!s}: type unknown on one side"
    return None


def _actors(r: Mapping[str, Any], e: Mapping[str, Any]) -> tuple[float, str] | None:
    best: tuple[float, str] | None = None
    for swapped in (False, True):
        e1, e2 = ("actor2", "actor1") if swapped else ("actor1", "actor2")
        s1 = _slot(r["actor1_name"], r["actor1_type"], e[f"{e1}_name"], e[f"{e1}_type"])
        s2 = _slot(r["actor2_name"], r["actor2_type"], e[f"{e2}_name"], e[f"{e2}_type"])
        if s1 is None or s2 is None:
            continue
        text = f"actor1 {s1[1]}; actor2 {s2[1]}" + (" (roles swapped)" if swapped else "")
        score = s1[0] + s2[0] - (0.05 if swapped else 0.0)
        if best is None or score > best[0]:
            best = (score, text)
    return best


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _dates(r: Mapping[str, Any], e: Mapping[str, Any], cfg: DedupSettings) -> tuple[float, str] | None:
    rs, re_, es, ee = (
        _as_date(r["date_start"]),
        _as_date(r["date_end"]),
        _as_date(e["date_start"]),
        _as_date(e["date_end"]),
    )
    if rs is None or es is None:
        return None
    re_, ee = re_ or rs, ee or es
    if (rs, re_) == (es, ee):
        return 1.0, f"same date ({rs}" + (f"..{re_})" if re_ != rs else ")")
    if max((re_ - rs).days, (ee - es).days) > cfg.max_span_days:
        return None
    tol = dt.timedelta(days=cfg.tolerance_days)
    if rs <= ee + tol and es <= re_ + tol:
        return 0.7, f"dates overlap ({rs}..{re_} and {es}..{ee}, tolerance {cfg.tolerance_days} day)"
    return None


def _places(r: Mapping[str, Any], e: Mapping[str, Any], cfg: DedupSettings) -> tuple[float, str] | None:
    if r["country_code"] and e["country_code"] and r["country_code"] != e["country_code"]:
        return None
    if r["geonameid"] and r["geonameid"] == e["geonameid"]:
        return 1.0, f"same place ({e['location_name']}, GeoNames {e['geonameid']})"
    if None not in (r["lat"], r["lon"], e["lat"], e["lon"]):
        km = haversine_km(r["lat"], r["lon"], e["lat"], e["lon"])
        if km <= cfg.radius_km:
            return 1.0 - km / (2 * cfg.radius_km), f"{km:.1f} km apart ({r['location_name']} / {e['location_name']})"
    vague = max(r["geo_precision"] or 1, e["geo_precision"] or 1) >= 2
    if vague and r["admin1"] and r["admin1"] == e["admin1"] and r["country_code"] == e["country_code"]:
        names = f"{r['location_name']} / {e['location_name']}"
        return 0.4, f"same region ({e['admin1']}, {e['country_code']}) and one place is vague ({names})"
    return None


def compare(report: Mapping[str, Any], event: Mapping[str, Any], cfg: DedupSettings | None = None) -> Match | None:
    """A :class:`Match` when ``report`` describes ``event`` (both rows of event columns), else None."""
    cfg = cfg or DedupSettings()
    if report["event_type"] != event["event_type"] or (report["modality"] or "asserted") != (
        event["modality"] or "asserted"
    ):
        return None
    if report["sub_event_type"] == event["sub_event_type"]:
        kind = (1.0, f"same sub-event type ({event['sub_event_type']})")
    else:
        subs = f"{report['sub_event_type']} / {event['sub_event_type']}"
        kind = (0.5, f"same event type ({event['event_type']}); sub-event types {subs}")
    parts = {"type": kind, "date": _dates(report, event, cfg), "place": _places(report, event, cfg)}
    parts["actors"] = _actors(report, event)
    if any(v is None for v in parts.values()):
        return None
    return Match(sum(v[0] for v in parts.values() if v), {k: v[1] for k, v in parts.items() if v})


def candidates(conn: Any, reports: Sequence[Mapping[str, Any]], cfg: DedupSettings) -> dict[int, list[str]]:
    """For each report (by position), the stored events near it in type, time and place.

    One query for the whole batch; :func:`compare` then decides. Reports without a date,
    or without any place (coordinates, GeoNames id or admin-1), have no candidates: they
    found new events.
    """
    if not cfg.enabled or not reports:
        return {}
    import pyarrow as pa

    tol = dt.timedelta(days=cfg.tolerance_days)
    windows = []
    for pos, r in enumerate(reports):
        start = _as_date(r["date_start"])
        end = _as_date(r["date_end"]) or start
        if start is None or end is None or (r["lat"] is None and not r["geonameid"] and not r["admin1"]):
            continue
        box: list[float | None] = [None, None, None, None]
        if r["lat"] is not None and r["lon"] is not None:
            dlat = cfg.radius_km / 111.0
            dlon = dlat / max(0.05, math.cos(math.radians(r["lat"])))
            box = [r["lat"] - dlat, r["lat"] + dlat, r["lon"] - dlon, r["lon"] + dlon]
        vague = (r["geo_precision"] or 1) >= 2
        windows.append(
            (pos, r["event_type"], start - tol, end + tol, *box, r["geonameid"], r["admin1"], r["country_code"], vague)
        )
    if not windows:
        return {}
    names = ("pos", "event_type", "lo", "hi", "lat0", "lat1", "lon0", "lon1", "geonameid", "admin1", "cc", "vague")
    types = (pa.int64(), pa.string(), pa.date32(), pa.date32(), *[pa.float64()] * 4, *[pa.string()] * 3, pa.bool_())
    table = pa.Table.from_arrays(
        [pa.array(col, type=t) for col, t in zip(zip(*windows, strict=True), types, strict=True)], names=list(names)
    )
    conn.register("_dateline_windows", table)
    try:
        rows = conn.execute(
            "SELECT w.pos, e.event_id FROM _dateline_windows w JOIN events e ON e.event_type = w.event_type"
            " AND e.date_start <= w.hi AND coalesce(e.date_end, e.date_start) >= w.lo"
            " AND ((e.lat BETWEEN w.lat0 AND w.lat1 AND e.lon BETWEEN w.lon0 AND w.lon1) OR e.geonameid = w.geonameid"
            "      OR (e.admin1 = w.admin1 AND e.country_code = w.cc AND (w.vague OR e.geo_precision >= 2)))"
            " ORDER BY w.pos, e.event_id"
        ).fetchall()
    finally:
        conn.unregister("_dateline_windows")
    out: dict[int, list[str]] = {}
    for pos, event_id in rows:
        out.setdefault(int(pos), []).append(event_id)
    return out


def _span(r: Mapping[str, Any]) -> int:
    s, e = _as_date(r["date_start"]), _as_date(r["date_end"]) or _as_date(r["date_start"])
    return (e - s).days if s and e else 1_000_000


def summarize(reports: Sequence[Mapping[str, Any]], articles: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The event columns of a group of reports (ordered oldest first).

    Type, actors and sentence come from the most confident report, the date from the most
    precise one, the place from the most precise one, fatalities from the lowest count
    reported (ACLED's conservative rule), confidence from the highest.
    """
    order = list(enumerate(reports))
    rep = max(order, key=lambda ir: (ir[1]["confidence"] or 0.0, -ir[0]))[1]
    when = min(order, key=lambda ir: (_span(ir[1]), ir[0]))[1]
    where = min(
        order,
        key=lambda ir: (ir[1]["lat"] is None, ir[1]["geo_precision"] or 4, -(ir[1]["confidence"] or 0.0), ir[0]),
    )[1]
    out = dict(rep)
    for key in ("date_start", "date_end", "date_precision", "date_text"):
        out[key] = when[key]
    for key in ("location_name", "geonameid", "lat", "lon", "country_code", "admin1", "geo_precision"):
        out[key] = where[key]
    deaths = [r["fatalities"] for r in reports if r["fatalities"] is not None]
    out["fatalities"] = min(deaths) if deaths else None
    out["confidence"] = max(r["confidence"] or 0.0 for r in reports)
    ids = list(dict.fromkeys(r["article_id"] for r in reports))
    sources = sorted({str(articles[a]["source"]) for a in ids if a in articles and articles[a].get("source")})
    published = [_as_date(articles[a].get("published")) for a in ids if a in articles]
    dates = [d for d in published if d]
    out.update(
        n_reports=len(reports),
        n_articles=len(ids),
        sources=json.dumps(sources, ensure_ascii=False),
        first_reported=min(dates) if dates else None,
        last_reported=max(dates) if dates else None,
    )
    for key in ("report_id", "article_id", "pipeline_event_id", "merge_reason", "merge_score", "merged_at", "event_id"):
        out.pop(key, None)
    return out
