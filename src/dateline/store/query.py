"""Reading the store: filtered event queries, one event with its sources, and statistics."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from .db import Store

__all__ = ["Filters", "get_event", "integrity", "like_escape", "query_events", "stats"]


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events to select; every field left as None selects everything."""

    date_from: dt.date | None = None  # events whose dates overlap [date_from, date_to]
    date_to: dt.date | None = None
    country: str | None = None  # ISO 3166 alpha-2, alpha-3 or country name
    admin1: str | None = None
    event_type: str | None = None  # an ACLED event type or sub-event type
    actor: str | None = None  # part of an actor's name (actor1, actor2 or associated)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None  # words in a place name or in the title or text of a reporting article
    include_historical: bool = True
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on ``events e`` and its parameters."""
        from ..export.countries import resolve_country

        clauses: list[str] = []
        params: list[Any] = []
        if self.date_from:
            clauses.append("coalesce(e.date_end, e.date_start) >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("e.date_start <= ?")
            params.append(self.date_to)
        if self.country:
            code = resolve_country(self.country)
            if code is None:
                raise StoreError(f"unknown country {self.country!r} (give a name or an ISO 3166 code)")
            clauses.append("e.country_code = ?")
            params.append(code)
        if self.admin1:
            clauses.append("lower(e.admin1) = lower(?)")
            params.append(self.admin1)
        if self.event_type:
            clauses.append("(lower(e.event_type) = lower(?) OR lower(e.sub_event_type) = lower(?))")
            params += [self.event_type, self.event_type]
        if self.actor:
            clauses.append("(e.actor1_name ILIKE ? ESCAPE '\\' OR e.actor2_name ILIKE ? ESCAPE '\\'"
                           " OR e.assoc_actors ILIKE ? ESCAPE '\\')")
            params += [f"%{like_escape(self.actor)}%"] * 3
        if self.bbox:
            west, south, east, north = self.bbox
            clauses.append("e.lat BETWEEN ? AND ?")
            params += [south, north]
            if west <= east:
                clauses.append("e.lon BETWEEN ? AND ?")
                params += [west, east]
            else:  # crosses the antimeridian
                clauses.append("(e.lon >= ? OR e.lon <= ?)")
                params += [west, east]
        if self.text:
            clauses.append(
                "(e.location_name ILIKE ? ESCAPE '\\' OR e.event_id IN (SELECT r.event_id FROM reports r JOIN"
                " articles a USING (article_id) WHERE r.evidence_text ILIKE ? ESCAPE '\\'"
                " OR a.title ILIKE ? ESCAPE '\\' OR a.body ILIKE ? ESCAPE '\\'))"
            )
            params += [f"%{like_escape(self.text)}%"] * 4
        if not self.include_historical:
            clauses.append("NOT coalesce(e.historical, false)")
        return (" AND ".join(clauses) or "true"), params


def like_escape(text: str) -> str:
    """``text`` matched literally inside a LIKE pattern (``%``, ``_`` and ``\\`` escaped)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for key in ("sources", "assoc_actors", "merge_reason", "authors", "dateline_place"):
        if isinstance(row.get(key), str):
            row[key] = json.loads(row[key])
    return row


def query_events(store: Store, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Events matching ``filters``, newest first, as dicts of the ``events`` columns."""
    filters = filters or Filters()
    where, params = filters.where()
    sql = f"SELECT e.* FROM events e WHERE {where} ORDER BY e.date_start DESC NULLS LAST, e.event_id"
    if filters.limit is not None:
        sql += f" LIMIT {int(filters.limit)}"
    return [_decode(r) for r in store.rows(sql, params)]


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """One event (by id or unique id prefix) with its reports and their articles."""
    found = store.rows("SELECT * FROM events WHERE event_id LIKE ? ESCAPE '\\' ORDER BY event_id LIMIT 2",
                       [f"{like_escape(event_id)}%"])
    if not found:
        raise StoreError(f"no event {event_id!r} in {store.path}")
    if len(found) > 1 and found[0]["event_id"] != event_id:
        raise StoreError(f"event id prefix {event_id!r} is ambiguous; give more characters")
    event = _decode(found[0])
    reports = store.rows(
        "SELECT r.*, a.title, a.url, a.source, a.published, a.input_id FROM reports r JOIN articles a"
        " USING (article_id) WHERE r.event_id = ? ORDER BY r.merged_at, r.report_id",
        [event["event_id"]],
    )
    event["reports"] = [_decode(r) for r in reports]
    return event


_CHECKS = (
    ("reports pointing at no event", "SELECT count(*) FROM reports r ANTI JOIN events e USING (event_id)"),
    ("events without reports", "SELECT count(*) FROM events e ANTI JOIN reports r USING (event_id)"),
    (
        "events whose report count is wrong",
        "SELECT count(*) FROM events e JOIN (SELECT event_id, count(*) AS n, count(DISTINCT article_id) AS a"
        " FROM reports GROUP BY event_id) r USING (event_id) WHERE e.n_reports <> r.n OR e.n_articles <> r.a",
    ),
    (
        "articles without their version",
        "SELECT count(*) FROM articles a ANTI JOIN article_versions v USING (content_hash)",
    ),
    *(
        (f"{t} of no article", f"SELECT count(*) FROM {t} x ANTI JOIN articles a USING (article_id)")
        for t in ("reports", "places", "timexes", "actors")
    ),
)


def integrity(store: Store) -> list[str]:
    """Broken links between the tables (an empty list: the store is consistent)."""
    problems = []
    for what, sql in _CHECKS:
        n = int(store.scalar(sql))
        if n:
            problems.append(f"{n} {what}")
    return problems


def stats(store: Store) -> dict[str, Any]:
    """Counts, date range, breakdowns by type, country and year, and the latest runs."""
    out: dict[str, Any] = {"store": str(store.path), "schema_version": store.schema_version}
    out["counts"] = store.counts()
    out["integrity"] = integrity(store) or "ok"
    out["merged_events"] = int(store.scalar("SELECT count(*) FROM events WHERE n_articles > 1"))
    lo, hi = store.conn.execute("SELECT min(date_start), max(coalesce(date_end, date_start)) FROM events").fetchone()
    out["event_dates"] = {"from": lo.isoformat() if lo else None, "to": hi.isoformat() if hi else None}

    def breakdown(expr: str) -> dict[str, int]:
        sql = f"SELECT {expr} AS k, count(*) AS n FROM events GROUP BY k ORDER BY n DESC, k NULLS LAST LIMIT 25"
        return {str(k): int(n) for k, n in store.conn.execute(sql).fetchall()}

    out["by_event_type"] = breakdown("event_type")
    out["by_country"] = breakdown("country_code")
    out["by_year"] = breakdown("year(date_start)")
    out["runs"] = [
        {k: (v.isoformat(sep=" ", timespec="seconds") if isinstance(v, dt.datetime) else v) for k, v in r.items()}
        for r in store.rows(
            "SELECT run_id, started_at, finished_at, status, dateline_version, documents, skipped, failed, events"
            " FROM runs ORDER BY started_at DESC LIMIT 5"
        )
    ]
    return out
