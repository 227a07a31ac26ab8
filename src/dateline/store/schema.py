"""The store's schema as ordered migrations (sqlite-utils style).

``schema_version`` records every step applied; opening a store applies the missing ones,
each in its own transaction. Never edit a released step: append a new one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from ..states.schema import STATE_TABLES as _STATE_TABLES

__all__ = ["MIGRATIONS", "Migration", "current_version", "migrate", "pending"]

log = logging.getLogger(__name__)

_EVENT_COLUMNS = """
    event_type VARCHAR NOT NULL,
    sub_event_type VARCHAR,
    plover_type VARCHAR,
    plover_mode VARCHAR,
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR,
    date_text VARCHAR,
    location_name VARCHAR,
    geonameid VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    country_code VARCHAR,
    admin1 VARCHAR,
    geo_precision INTEGER,
    actor1_name VARCHAR,
    actor1_type VARCHAR,
    actor2_name VARCHAR,
    actor2_type VARCHAR,
    assoc_actors VARCHAR,        -- JSON list of {name, type}
    fatalities INTEGER,
    modality VARCHAR,
    historical BOOLEAN,
    confidence DOUBLE,
    evidence_text VARCHAR,
    evidence_start INTEGER,
    evidence_end INTEGER
"""

_V1 = [
    """CREATE TABLE runs (
        run_id VARCHAR PRIMARY KEY,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        status VARCHAR NOT NULL,          -- running, done, interrupted, failed
        dateline_version VARCHAR,
        settings VARCHAR,                 -- JSON
        command VARCHAR,
        documents INTEGER DEFAULT 0,
        skipped INTEGER DEFAULT 0,
        failed INTEGER DEFAULT 0,
        events INTEGER DEFAULT 0
    )""",
    """CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        input_id VARCHAR,
        url VARCHAR,
        title VARCHAR,
        source VARCHAR,
        authors VARCHAR,                  -- JSON list
        published DATE,
        updated DATE,
        dateline_text VARCHAR,
        dateline_place VARCHAR,           -- JSON GeoRef
        language VARCHAR,
        body VARCHAR,
        run_id VARCHAR,
        ingested_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE article_versions (
        content_hash VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        input_id VARCHAR,
        run_id VARCHAR,
        ingested_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE places (
        article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
        text VARCHAR, start_char INTEGER, end_char INTEGER, name VARCHAR, geonameid VARCHAR,
        lat DOUBLE, lon DOUBLE, country_code VARCHAR, admin1 VARCHAR, feature VARCHAR, score DOUBLE
    )""",
    """CREATE TABLE timexes (
        article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
        text VARCHAR, start_char INTEGER, end_char INTEGER, type VARCHAR, value VARCHAR, mod VARCHAR,
        start_date VARCHAR, end_date VARCHAR, precision VARCHAR
    )""",
    """CREATE TABLE actors (
        article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
        name VARCHAR, type VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER, country_code VARCHAR
    )""",
    # one row per event as one article reports it: the event<->article link, with why it joined its event
    f"""CREATE TABLE reports (
        report_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        pipeline_event_id VARCHAR,
        {_EVENT_COLUMNS},
        merge_reason VARCHAR,             -- JSON: why this report joined an existing event (null: founded it)
        merge_score DOUBLE,
        merged_at TIMESTAMP NOT NULL
    )""",
    # the de-duplicated events, each summarizing its reports
    f"""CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        {_EVENT_COLUMNS},
        n_reports INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        sources VARCHAR,                  -- JSON list of outlet names
        first_reported DATE,
        last_reported DATE,
        updated_at TIMESTAMP NOT NULL
    )""",
    "CREATE INDEX reports_article ON reports (article_id)",
    "CREATE INDEX reports_event ON reports (event_id)",
    "CREATE INDEX places_article ON places (article_id)",
    "CREATE INDEX timexes_article ON timexes (article_id)",
    "CREATE INDEX actors_article ON actors (article_id)",
]

# events that left the store (all their reports withdrawn when their articles were replaced), so that a copy
# kept in sync through the API can drop them; a tombstone is removed when its id comes back
_V2 = [
    """CREATE TABLE tombstones (
        event_id VARCHAR PRIMARY KEY,
        deleted_at TIMESTAMP NOT NULL,
        reason VARCHAR NOT NULL,          -- removed (no report left) or merged (its reports joined merged_into)
        merged_into VARCHAR
    )""",
    "CREATE INDEX tombstones_deleted ON tombstones (deleted_at)",
]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Any], None]


def _sql(statements: list[str]) -> Callable[[Any], None]:
    def run(conn: Any) -> None:
        for statement in statements:
            conn.execute(statement)

    return run


#: every schema step, in order; a store at version N has had steps 1..N applied
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, versions, places, timexes, actors, reports, events, runs", _sql(_V1)),
    Migration(2, "tombstones of events removed or merged away", _sql(_V2)),
    Migration(3, "place states: state_places, state_assertions, state_intervals", _sql(_STATE_TABLES)),
)


def _ensure_version_table(conn: Any) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR,"
        " applied_at TIMESTAMP DEFAULT current_timestamp)"
    )


def current_version(conn: Any) -> int:
    """The schema version of an open store (0 for an empty database)."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def pending(conn: Any, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[Migration]:
    """The steps not yet applied; raises :class:`StoreError` for a store newer than this code."""
    version = current_version(conn)
    latest = migrations[-1].version if migrations else 0
    if version > latest:
        raise StoreError(f"the store has schema version {version}, newer than this dateline knows ({latest}); upgrade")
    return [m for m in migrations if m.version > version]


def migrate(conn: Any, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply the missing steps, one transaction each; returns the versions applied."""
    todo = pending(conn, migrations)
    applied = []
    for step in todo:
        conn.execute("BEGIN TRANSACTION")
        try:
            _ensure_version_table(conn)
            step.apply(conn)
            conn.execute(
                "INSERT INTO schema_version (version, description) VALUES (?, ?)", [step.version, step.description]
            )
            conn.execute("COMMIT")
        except Exception as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"schema migration {step.version} ({step.description}) failed: {exc}") from exc
        log.info("store migrated to schema version %d", step.version)
        applied.append(step.version)
    return applied
