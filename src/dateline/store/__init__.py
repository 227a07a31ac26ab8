"""The dateline store: an embedded DuckDB file of articles, reports, events and runs.

::

    from dateline.store import open_store, store_document
    with open_store("dateline.duckdb") as store:
        store_document(store, doc, chash=content_hash(raw.content), input_id=raw.id)

Tables (see :mod:`dateline.store.schema`): ``articles`` (latest version of each article),
``article_versions`` (every content hash seen), ``places``, ``timexes``, ``actors``,
``reports`` (each event as one article reports it: the event↔article link, with the
reason it was merged), ``events`` (de-duplicated), ``runs`` and ``schema_version``.
"""

from __future__ import annotations

from .db import DEFAULT_DB, Store, default_db_path, open_store
from .dedup import DedupSettings
from .ids import article_id, content_hash
from .query import Filters, get_event, integrity, query_events, stats
from .write import StoreResult, store_document

__all__ = [
    "DEFAULT_DB",
    "DedupSettings",
    "Filters",
    "Store",
    "StoreResult",
    "article_id",
    "content_hash",
    "default_db_path",
    "get_event",
    "integrity",
    "open_store",
    "query_events",
    "stats",
    "store_document",
]
