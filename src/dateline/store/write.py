"""Writing one processed document into the store: an all-or-nothing upsert.

An article is keyed by its URL (else its content hash); every content version is
remembered in ``article_versions`` so the same content is never processed twice. An
updated article (same URL, new content) replaces its earlier version's rows and
reports; the events those reports belonged to are summarized again (or dropped when no
report is left).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ..errors import StoreError
from ..records import Document, Event
from .db import Store
from .dedup import DedupSettings, find_match, summarize
from .ids import article_id, stable_hash

__all__ = ["StoreResult", "event_columns", "refresh_events", "remove_article", "store_document"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class StoreResult:
    status: Literal["added", "replaced", "skipped"]
    article_id: str
    reports: int = 0
    merged: int = 0  # reports that joined an event another article reported


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_columns(event: Event) -> dict[str, Any]:
    """The event columns shared by ``reports`` and ``events`` for one extracted event."""
    d, loc, a1, a2 = event.date, event.location, event.actor1, event.actor2
    start = _date(d.start) if d else None
    end = (_date(d.end) if d else None) or start
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
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
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


def _insert(conn: Any, table: str, row: dict[str, Any], replace: bool = False) -> None:
    cols = list(row)
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    conn.execute(f"{verb} INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", list(row.values()))


def _insert_many(conn: Any, table: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        cols = list(rows[0])
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [list(r.values()) for r in rows],
        )


def refresh_events(conn: Any, event_ids: set[str] | list[str]) -> None:
    """Summarize each event again from its reports; drop events left without any."""
    for event_id in event_ids:
        cur = conn.execute("SELECT * FROM reports WHERE event_id = ? ORDER BY merged_at, report_id", [event_id])
        names = [d[0] for d in cur.description]
        reports = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        if not reports:
            conn.execute("DELETE FROM events WHERE event_id = ?", [event_id])
            continue
        ids = sorted({r["article_id"] for r in reports})
        cur = conn.execute(
            f"SELECT article_id, source, published FROM articles WHERE article_id IN ({', '.join('?' * len(ids))})", ids
        )
        articles = {a: {"source": s, "published": p} for a, s, p in cur.fetchall()}
        row = {"event_id": event_id, **summarize(reports, articles), "updated_at": _now()}
        _insert(conn, "events", row, replace=True)


def remove_article(conn: Any, aid: str) -> set[str]:
    """Delete an article's rows and reports; returns the events that need refreshing."""
    affected = {
        r[0] for r in conn.execute("SELECT DISTINCT event_id FROM reports WHERE article_id = ?", [aid]).fetchall()
    }
    for table in ("reports", "places", "timexes", "actors", "articles"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", [aid])
    return affected


def _article_row(doc: Document, aid: str, chash: str, input_id: str, run_id: str | None) -> dict[str, Any]:
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
        "published": _date(a.published),
        "updated": _date(a.updated),
        "dateline_text": dl.text if dl else None,
        "dateline_place": json.dumps(asdict(dl.place), ensure_ascii=False) if dl and dl.place else None,
        "language": a.language,
        "body": a.body,
        "run_id": run_id,
        "ingested_at": _now(),
    }


def store_document(
    store: Store,
    doc: Document,
    *,
    chash: str,
    input_id: str,
    url: str | None = None,
    run_id: str | None = None,
    dedup: DedupSettings | None = None,
) -> StoreResult:
    """Store one document in one transaction: skipped if this content is stored already."""
    import duckdb

    try:
        return _store(store, doc, chash, input_id, url, run_id, dedup or DedupSettings())
    except duckdb.Error as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise StoreError(f"{input_id}: could not be stored ({first})") from exc


def _store(
    store: Store, doc: Document, chash: str, input_id: str, url: str | None, run_id: str | None, dedup: DedupSettings
) -> StoreResult:
    aid = article_id(url or doc.article.url, chash)
    with store.transaction() as conn:
        if conn.execute("SELECT count(*) FROM article_versions WHERE content_hash = ?", [chash]).fetchone()[0]:
            return StoreResult("skipped", aid)
        existed = conn.execute("SELECT count(*) FROM articles WHERE article_id = ?", [aid]).fetchone()[0]
        stale = remove_article(conn, aid) if existed else set()
        now = _now()
        _insert(conn, "articles", _article_row(doc, aid, chash, input_id, run_id))
        _insert(
            conn,
            "article_versions",
            {
                "content_hash": chash,
                "article_id": aid,
                "input_id": input_id,
                "run_id": run_id,
                "ingested_at": now,
            },
        )
        _insert_many(
            conn,
            "places",
            [
                {
                    "article_id": aid,
                    "idx": i,
                    "text": p.text,
                    "start_char": p.start,
                    "end_char": p.end,
                    "name": p.name,
                    "geonameid": p.geonameid,
                    "lat": p.lat,
                    "lon": p.lon,
                    "country_code": p.country_code,
                    "admin1": p.admin1,
                    "feature": p.feature,
                    "score": p.score,
                }
                for i, p in enumerate(doc.places)
            ],
        )
        _insert_many(
            conn,
            "timexes",
            [
                {
                    "article_id": aid,
                    "idx": i,
                    "text": t.text,
                    "start_char": t.start,
                    "end_char": t.end,
                    "type": t.type,
                    "value": t.value,
                    "mod": t.mod,
                    "start_date": t.start_date,
                    "end_date": t.end_date,
                    "precision": t.precision,
                }
                for i, t in enumerate(doc.timexes)
            ],
        )
        _insert_many(
            conn,
            "actors",
            [
                {
                    "article_id": aid,
                    "idx": i,
                    "name": a.name,
                    "type": a.type,
                    "text": a.text,
                    "start_char": a.start,
                    "end_char": a.end,
                    "country_code": a.country_code,
                }
                for i, a in enumerate(doc.actors)
            ],
        )
        touched: set[str] = set(stale)
        merged = 0
        seen: set[str] = set()
        for index, event in enumerate(doc.events):
            cols = event_columns(event)
            rid = stable_hash(
                "report",
                aid,
                index,
                event.event_type,
                event.sub_event_type,
                cols["evidence_start"],
                cols["evidence_end"],
                cols["actor1_name"],
                cols["actor2_name"],
                cols["date_start"],
            )
            if rid in seen:
                continue
            seen.add(rid)
            match = find_match(conn, cols, aid, dedup)
            if match:
                eid, why = match
                merged += 1
                reason, score = why.to_json(eid), why.score
            else:
                eid, reason, score = "e" + rid[:23], None, None
            _insert(
                conn,
                "reports",
                {
                    "report_id": rid,
                    "article_id": aid,
                    "event_id": eid,
                    "pipeline_event_id": event.id,
                    **cols,
                    "merge_reason": reason,
                    "merge_score": score,
                    "merged_at": now,
                },
            )
            refresh_events(conn, [eid])
            touched.discard(eid)
        refresh_events(conn, touched)
    return StoreResult("replaced" if existed else "added", aid, reports=len(seen), merged=merged)
