"""The state tables of the store: the write-path hook, interval rebuilds, and reading assertions back.

Tables (schema migration 3, :data:`STATE_TABLES`): ``state_places`` (places that have a
state, facilities included), ``state_assertions`` (one row per assertion; an updated
article's earlier assertions are kept with ``superseded_from`` set, so what the news said
by a date never changes), ``state_intervals`` (derived: a place's rows are deleted and
derived again whenever its assertions change).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, fields
from typing import Any

from ..records import Document, Place
from ..store.rows import bulk_insert, now, to_date
from .derive import derive_intervals
from .extract import extract_states
from .model import Assertion, Interval, StatePlace
from .schema import STATE_TABLES

__all__ = ["STATE_TABLES", "load_assertions", "load_places", "rebuild_intervals", "record_states"]


_IN = "(SELECT unnest(?))"
_ASSERTION_FIELDS = [f.name for f in fields(Assertion)]


def _known_date(doc: Document) -> dt.date:
    dates = [d for d in (to_date(doc.article.published), to_date(doc.article.updated)) if d]
    return max(dates) if dates else now().date()


def record_states(
    conn: Any, items: Sequence[tuple[Document, str, str]], replaced: Iterable[str], cache: dict[str, Any]
) -> set[str]:
    """Within the write transaction: the assertions of newly stored documents ``(doc, article id, content
    hash)``; the assertions of ``replaced`` articles are superseded (another content) or dropped (the same
    content analysed again). Rebuilds the intervals of every place touched; returns their ids."""
    touched: set[str] = set()
    replaced = sorted(replaced)
    new_hash = {aid: chash for _, aid, chash in items}
    known = {aid: _known_date(doc) for doc, aid, _ in items}
    if replaced:
        rows = conn.execute(
            f"SELECT DISTINCT article_id, content_hash, place_id FROM state_assertions"
            f" WHERE article_id IN {_IN} AND superseded_from IS NULL",
            [replaced],
        ).fetchall()
        for aid, chash, pid in rows:
            touched.add(pid)
            if new_hash.get(aid) == chash:
                conn.execute("DELETE FROM state_assertions WHERE article_id = ? AND content_hash = ?", [aid, chash])
            else:
                conn.execute(
                    "UPDATE state_assertions SET superseded_from = ? WHERE article_id = ? AND content_hash = ?",
                    [known.get(aid, now().date()), aid, chash],
                )
    assertions: list[Assertion] = []
    places: dict[str, StatePlace] = {}
    for doc, aid, chash in items:
        found = extract_states(doc, aid, chash, known_from=known[aid], lookup=_names_in_store(conn, known[aid]))
        assertions += found.assertions
        places.update({p.place_id: p for p in found.places})
    if not assertions and not touched:
        return touched
    ids = sorted({a.assertion_id for a in assertions})
    conn.execute(f"DELETE FROM state_assertions WHERE assertion_id IN {_IN}", [ids])
    unique = {a.assertion_id: a for a in assertions}
    bulk_insert(conn, "state_assertions", [asdict(a) for a in unique.values()], cache)
    used = {a.place_id for a in assertions}
    if used:
        conn.execute(f"DELETE FROM state_places WHERE place_id IN {_IN}", [sorted(used)])
        bulk_insert(conn, "state_places", [asdict(places[p]) for p in sorted(used) if p in places], cache)
    touched |= used
    rebuild_intervals(conn, touched, cache)
    return touched


def _names_in_store(conn: Any, known: dt.date) -> Callable[[list[str]], dict[str, Place]]:
    """Names the places stage resolved in stored articles published by ``known`` ("Tal Abyad" in an earlier
    report), most frequent first. Only earlier news: what an article asserts never depends on later ones."""

    def lookup(names: list[str]) -> dict[str, Place]:
        lowered = {n.lower(): n for n in names}
        sql = (
            "SELECT lower(p.text), p.name, p.geonameid, p.lat, p.lon, p.country_code, p.admin1, p.feature,"
            " count(*) AS n"
            f" FROM places p JOIN articles a USING (article_id) WHERE lower(p.text) IN {_IN}"
            " AND p.geonameid IS NOT NULL AND coalesce(a.published, a.updated) <= ? GROUP BY ALL ORDER BY n DESC, 2"
        )
        out: dict[str, Place] = {}
        for text, name, gid, lat, lon, cc, admin1, feature, _ in conn.execute(sql, [sorted(lowered), known]).fetchall():
            out.setdefault(lowered[text], Place(lowered[text], 0, 0, name, gid, lat, lon, cc, admin1, feature))
        named = (  # settlements the gazetteer lacks, known by their name from earlier assertions
            "SELECT DISTINCT lower(sp.name), sp.name, sp.country_code FROM state_places sp"
            " JOIN state_assertions sa USING (place_id) WHERE sp.geonameid IS NULL AND sp.kind = 'settlement'"
            f" AND lower(sp.name) IN {_IN} AND sa.known_from <= ?"
        )
        for text, name, cc in conn.execute(named, [sorted(lowered), known]).fetchall():
            out.setdefault(lowered[text], Place(name, 0, 0, name, None, None, None, cc, None, "settlement"))
        return out

    return lookup


def load_assertions(
    conn: Any, place_ids: Iterable[str] | None = None, known_as_of: dt.date | None = None
) -> list[Assertion]:
    """Assertions of these places (all when None): the current ones, or those the news had made by
    ``known_as_of`` (known by then and not yet superseded by then)."""
    where: list[str] = []
    params: list[Any] = []
    if place_ids is not None:
        where.append(f"place_id IN {_IN}")
        params.append(sorted(place_ids))
    if known_as_of is None:
        where.append("superseded_from IS NULL")
    else:
        where.append("known_from <= ? AND (superseded_from IS NULL OR superseded_from > ?)")
        params += [known_as_of, known_as_of]
    sql = f"SELECT {', '.join(_ASSERTION_FIELDS)} FROM state_assertions WHERE {' AND '.join(where)}"
    return [Assertion(*row) for row in conn.execute(sql, params).fetchall()]


def load_places(conn: Any, place_ids: Iterable[str] | None = None) -> dict[str, StatePlace]:
    names = [f.name for f in fields(StatePlace)]
    sql = f"SELECT {', '.join(names)} FROM state_places"
    params: list[Any] = []
    if place_ids is not None:
        sql += f" WHERE place_id IN {_IN}"
        params.append(sorted(place_ids))
    return {row[0]: StatePlace(*row) for row in conn.execute(sql, params).fetchall()}


def rebuild_intervals(conn: Any, place_ids: Iterable[str], cache: dict[str, Any]) -> int:
    """Derive the intervals of these places again from their current assertions; returns how many."""
    ids = sorted(set(place_ids))
    if not ids:
        return 0
    conn.execute(f"DELETE FROM state_intervals WHERE place_id IN {_IN}", [ids])
    stamp = now()
    rows = [_interval_row(i, n, stamp) for n, i in enumerate(derive_intervals(load_assertions(conn, ids)))]
    bulk_insert(conn, "state_intervals", rows, cache)
    return len(rows)


def _interval_row(i: Interval, seq: int, stamp: dt.datetime) -> dict[str, Any]:
    row = asdict(i)
    row["seq"] = seq
    row["start_date"], row["end_date"] = row.pop("start"), row.pop("end")
    row["sources"] = json.dumps(i.sources, ensure_ascii=False)
    row["alternatives"] = json.dumps(i.alternatives, ensure_ascii=False)
    row["assertion_ids"] = json.dumps(i.assertion_ids)
    row["built_at"] = stamp
    return row
