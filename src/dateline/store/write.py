"""Writing processed documents into the store, a small batch per transaction.

An article is keyed by its URL (else its content hash); every content version is
remembered in ``article_versions`` so the same content is never stored twice. An updated
article (same URL, new content) replaces its earlier version's rows and reports; the
events those reports belonged to are summarized again, or dropped when no report is left.
A batch is all-or-nothing; when one fails, its documents are written one by one so a
single bad document is named and the others are kept.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import StoreError
from ..records import Document
from .db import Store, is_fatal
from .dedup import DedupSettings, compare, summarize
from .dedup import candidates as dedup_candidates
from .ids import article_id, stable_hash
from .rows import article_row, bulk_insert, child_rows, event_columns, now

__all__ = ["Pending", "StoreResult", "event_columns", "store_document", "store_documents"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Pending:
    """A processed document waiting to be stored."""

    doc: Document
    chash: str
    input_id: str
    url: str | None = None


@dataclass(slots=True)
class StoreResult:
    status: Literal["added", "replaced", "skipped", "failed"]
    article_id: str
    reports: int = 0
    merged: int = 0  # reports that joined an event another article reported
    error: StoreError | None = None


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
    """Store one document in its own transaction (skipped if this content is stored already)."""
    result = store_documents(store, [Pending(doc, chash, input_id, url)], run_id=run_id, dedup=dedup)[0]
    if result.error is not None:
        raise result.error
    return result


def store_documents(
    store: Store,
    items: Sequence[Pending],
    *,
    run_id: str | None = None,
    dedup: DedupSettings | None = None,
    reprocess: bool = False,
) -> list[StoreResult]:
    """Store documents in one transaction; one result per item, in order.

    Content stored before is skipped, unless ``reprocess``: then the stored article
    with that content is replaced by this (newly analysed) document.
    """
    import duckdb

    dedup = dedup or DedupSettings()
    if not items:
        return []
    try:
        with store.transaction() as conn:
            return _write(store, conn, items, run_id, dedup, reprocess)
    except Exception as exc:  # DuckDB, or a value the tables cannot hold: find and name the document
        log.debug("storing a batch of %d failed", len(items), exc_info=True)
        if is_fatal(exc):  # a full disk: stop the run with one message rather than fail every document
            first = " ".join(str(exc).split()).removeprefix(f"store {store.path}: ")[:200]
            raise StoreError(f"store {store.path}: cannot write ({first}); the run stops here, the batches before"
                             " are kept: free some space and run the same command again to resume") from None
        if len(items) > 1:
            return [
                r
                for item in items
                for r in store_documents(store, [item], run_id=run_id, dedup=dedup, reprocess=reprocess)
            ]
        first = (str(exc).strip().splitlines() or [""])[0]
        if not isinstance(exc, (duckdb.Error, StoreError)):
            first = f"{type(exc).__name__}: {first}"
        aid = article_id(items[0].url or items[0].doc.article.url, items[0].chash)
        return [StoreResult("failed", aid, error=StoreError(f"{items[0].input_id}: could not be stored ({first})"))]


def _write(
    store: Store, conn: Any, items: Sequence[Pending], run_id: str | None, dedup: DedupSettings, reprocess: bool
) -> list[StoreResult]:
    """Within a transaction: split where an article repeats, so each part holds an article once."""
    results: list[StoreResult] = []
    part: list[Pending] = []
    seen: set[str] = set()
    for item in items:
        aid = article_id(item.url or item.doc.article.url, item.chash)
        if aid in seen:
            results += _write_part(store, conn, part, run_id, dedup, reprocess)
            part, seen = [], set()
        part.append(item)
        seen.add(aid)
    return results + _write_part(store, conn, part, run_id, dedup, reprocess)


_IN = "(SELECT unnest(?))"  # "x IN _IN" with one list parameter


def _write_part(
    store: Store, conn: Any, items: Sequence[Pending], run_id: str | None, dedup: DedupSettings, reprocess: bool
) -> list[StoreResult]:
    cache = store.arrow_schemas
    aids = [article_id(it.url or it.doc.article.url, it.chash) for it in items]
    hashes = [it.chash for it in items]
    known = {
        h
        for (h,) in conn.execute(
            f"SELECT content_hash FROM article_versions WHERE content_hash IN {_IN}", [hashes]
        ).fetchall()
    }
    existing = {
        a for (a,) in conn.execute(f"SELECT article_id FROM articles WHERE article_id IN {_IN}", [aids]).fetchall()
    }
    holders: dict[str, str] = {}  # content hash -> the stored article holding it (reprocessing)
    if reprocess and known:
        sql = f"SELECT content_hash, article_id FROM articles WHERE content_hash IN {_IN}"
        holders = dict(conn.execute(sql, [sorted(known)]).fetchall())
        conn.execute(f"DELETE FROM article_versions WHERE content_hash IN {_IN}", [sorted(known)])
        known = set()
    results: list[StoreResult] = []
    live: list[tuple[int, Pending, str]] = []
    taken: set[str] = set()
    for index, (item, aid) in enumerate(zip(items, aids, strict=True)):
        if item.chash in known or item.chash in taken:
            results.append(StoreResult("skipped", aid))
            continue
        taken.add(item.chash)
        again = aid in existing or item.chash in holders
        results.append(StoreResult("replaced" if again else "added", aid))
        live.append((index, item, aid))
    if not live:
        return results
    replaced = sorted({aid for _, _, aid in live if aid in existing} | set(holders.values()))
    stale: set[str] = set()
    stale_from: dict[str, set[str]] = defaultdict(set)  # event -> the replaced articles that reported it
    if replaced:
        sql = f"SELECT DISTINCT event_id, article_id FROM reports WHERE article_id IN {_IN}"
        for e, a in conn.execute(sql, [replaced]).fetchall():
            stale_from[e].add(a)
        stale = set(stale_from)
        for table in ("reports", "places", "timexes", "actors", "articles"):
            conn.execute(f"DELETE FROM {table} WHERE article_id IN {_IN}", [replaced])
    stamp = now()
    tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
    articles_info: dict[str, dict[str, Any]] = {}
    for _, item, aid in live:
        row = article_row(item.doc, aid, item.chash, item.input_id, run_id)
        tables["articles"].append(row)
        articles_info[aid] = {"source": row["source"], "published": row["published"]}
        tables["article_versions"].append(
            {
                "content_hash": item.chash,
                "article_id": aid,
                "input_id": item.input_id,
                "run_id": run_id,
                "ingested_at": stamp,
            }
        )
        for name, rows in child_rows(item.doc, aid).items():
            tables[name] += rows
    for name in ("articles", "article_versions", "places", "timexes", "actors"):
        bulk_insert(conn, name, tables[name], cache)
    from ..states.storage import record_states  # here, not at the top: the states package imports the store

    record_states(conn, [(item.doc, aid, item.chash) for _, item, aid in live], replaced, cache)  # place states

    # -- reports and de-duplication ---------------------------------------------------------
    new_reports: list[tuple[int, dict[str, Any]]] = []
    for index, item, aid in live:
        seen: set[str] = set()
        for number, event in enumerate(item.doc.events):
            cols = event_columns(event)
            key = (event.event_type, event.sub_event_type, cols["evidence_start"], cols["evidence_end"])
            rid = stable_hash("report", aid, number, *key, cols["actor1_name"], cols["actor2_name"], cols["date_start"])
            if rid in seen:
                continue
            seen.add(rid)
            report = {"report_id": rid, "article_id": aid, "event_id": None, "pipeline_event_id": event.id, **cols,
                      "merge_reason": None, "merge_score": None, "merged_at": stamp}  # fmt: skip
            new_reports.append((index, report))
    found = dedup_candidates(conn, [r for _, r in new_reports], dedup)
    groups = _load_groups(conn, {e for ids in found.values() for e in ids} | stale)
    summaries: dict[str, dict[str, Any]] = {}
    articles_info.update(_articles_of(conn, groups, articles_info))

    def summary(eid: str) -> dict[str, Any]:
        if eid not in summaries:
            summaries[eid] = {"event_id": eid, **summarize(groups[eid], articles_info)}
        return summaries[eid]

    proposed = ["e" + r["report_id"][:23] for _, r in new_reports]
    stored = {e for (e,) in conn.execute(f"SELECT event_id FROM events WHERE event_id IN {_IN}", [proposed]).fetchall()}
    emptied = {e for e, g in groups.items() if not g}  # all their reports were replaced: their ids are free
    taken = {e for e, g in groups.items() if g} | (stored - emptied)
    batch_events: list[str] = []
    for position, (index, report) in enumerate(new_reports):
        options = list(dict.fromkeys([*found.get(position, []), *batch_events]))
        best: tuple[str, Any] | None = None
        for eid in options:
            if not groups.get(eid) or any(r["article_id"] == report["article_id"] for r in groups[eid]):
                continue
            match = compare(report, summary(eid), dedup) if dedup.enabled else None
            if match and (best is None or match.score > best[1].score):
                best = (eid, match)
        if best:
            eid, why = best
            report["merge_reason"], report["merge_score"] = why.to_json(eid), why.score
            results[index].merged += 1
        else:
            eid, attempt = proposed[position], 0
            while eid in taken:  # an event of that id lives on (its founding report was replaced)
                attempt += 1
                eid = "e" + stable_hash(report["report_id"], attempt)[:23]
            taken.add(eid)
            groups[eid] = []
            batch_events.append(eid)
        report["event_id"] = eid
        groups[eid].append(report)
        summaries.pop(eid, None)
        results[index].reports += 1
    bulk_insert(conn, "reports", [r for _, r in new_reports], cache)

    touched = sorted({r["event_id"] for _, r in new_reports} | stale)
    if touched:
        conn.execute(f"DELETE FROM events WHERE event_id IN {_IN}", [touched])
        rows = [{**summary(e), "updated_at": stamp} for e in touched if groups.get(e)]
        bulk_insert(conn, "events", rows, cache)
        _tombstones(conn, touched, groups, stale_from, [r for _, r in new_reports], stamp)
    return results


def _tombstones(
    conn: Any,
    touched: list[str],
    groups: dict[str, list[dict[str, Any]]],
    stale_from: dict[str, set[str]],
    reports: list[dict[str, Any]],
    stamp: Any,
) -> None:
    """Record the events that left the store (for API clients keeping a copy in sync).

    An event whose every report was withdrawn is ``merged`` into the one event its articles' new reports
    joined, if there is exactly one, else ``removed``; an id that lives (again) loses its tombstone.
    """
    alive = [e for e in touched if groups.get(e)]
    if alive:
        conn.execute(f"DELETE FROM tombstones WHERE event_id IN {_IN}", [alive])
    rows = []
    for eid in touched:
        if groups.get(eid):
            continue
        successors = {r["event_id"] for r in reports if r["article_id"] in stale_from.get(eid, ())} - {eid}
        into = successors.pop() if len(successors) == 1 else None
        rows.append([eid, stamp, "merged" if into else "removed", into])
    if rows:
        conn.executemany(
            "INSERT OR REPLACE INTO tombstones (event_id, deleted_at, reason, merged_into) VALUES (?, ?, ?, ?)", rows
        )


def _load_groups(conn: Any, event_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """The stored reports of these events, oldest first."""
    groups: dict[str, list[dict[str, Any]]] = {e: [] for e in event_ids}
    if event_ids:
        ids = sorted(event_ids)
        cur = conn.execute(f"SELECT * FROM reports WHERE event_id IN {_IN} ORDER BY merged_at, report_id", [ids])
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            report = dict(zip(names, row, strict=True))
            groups[report["event_id"]].append(report)
    return groups


def _articles_of(
    conn: Any, groups: dict[str, list[dict[str, Any]]], known: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    ids = sorted({r["article_id"] for reports in groups.values() for r in reports} - set(known))
    if not ids:
        return {}
    cur = conn.execute(f"SELECT article_id, source, published FROM articles WHERE article_id IN {_IN}", [ids])
    return {a: {"source": s, "published": p} for a, s, p in cur.fetchall()}
