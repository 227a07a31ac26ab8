"""``GET /v1/health`` and ``GET /v1/stats``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from .. import __version__
from ..store.db import Store
from ..store.schema import MIGRATIONS
from .common import State, state, timed

__all__ = ["router"]

router = APIRouter(prefix="/v1", tags=["store"])


@router.get("/health", summary="Version, schema version, read-only or not (no paths)")
def health(request: Request) -> dict[str, Any]:
    st: State = state(request)
    with st.holder.cursor() as cur:
        version = int(cur.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0)
        events = int(cur.execute("SELECT count(*) FROM events").fetchone()[0])
    return {
        "status": "ok",
        "version": __version__,
        "schema_version": version,
        "code_schema_version": MIGRATIONS[-1].version,
        "read_only": not st.config.allow_writes,
        "auth": bool(st.config.token),
        "events": events,
    }


@router.get("/stats", summary="Counts and breakdowns of the store (what `dateline stats` prints)")
def stats(request: Request) -> dict[str, Any]:
    import json

    from ..store.query import stats as store_stats

    st: State = state(request)
    with st.holder.cursor() as cur, timed(cur, st.config.query_seconds):
        out = store_stats(Store(cur, st.config.db, True))
    out.pop("store", None)
    return json.loads(json.dumps(out, default=str))  # type: ignore[no-any-return]
