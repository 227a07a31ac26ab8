"""The SQL of the state tables (schema migration 3); no imports, so the store's schema can use it."""

from __future__ import annotations

__all__ = ["STATE_TABLES"]

STATE_TABLES = [
    """CREATE TABLE state_places (
        place_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, geonameid VARCHAR, anchor_geonameid VARCHAR,
        anchor_name VARCHAR, lat DOUBLE, lon DOUBLE, country_code VARCHAR, admin1 VARCHAR
    )""",
    """CREATE TABLE state_assertions (
        assertion_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
        place_id VARCHAR NOT NULL, facet VARCHAR NOT NULL, value VARCHAR NOT NULL, mode VARCHAR NOT NULL,
        part VARCHAR NOT NULL, slot VARCHAR NOT NULL, prior VARCHAR, valid_start DATE, valid_end DATE,
        precision VARCHAR, time_text VARCHAR, published DATE, known_from DATE, superseded_from DATE,
        modality VARCHAR NOT NULL, confidence DOUBLE, source VARCHAR, rule_id VARCHAR,
        evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR
    )""",
    """CREATE TABLE state_intervals (
        place_id VARCHAR NOT NULL, part VARCHAR NOT NULL, facet VARCHAR NOT NULL, slot VARCHAR NOT NULL,
        seq INTEGER NOT NULL, value VARCHAR, start_date DATE, start_latest DATE, start_text VARCHAR, end_date DATE,
        end_latest DATE, status VARCHAR, observed BOOLEAN, sources VARCHAR, last_confirmed DATE,
        alternatives VARCHAR, assertion_ids VARCHAR, built_at TIMESTAMP
    )""",
    "CREATE INDEX state_assertions_place ON state_assertions (place_id)",
    "CREATE INDEX state_assertions_article ON state_assertions (article_id)",
    "CREATE INDEX state_intervals_place ON state_intervals (place_id)",
]
