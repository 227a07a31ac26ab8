"""``dateline serve``: an HTTP API over the store (FastAPI; the optional extra ``api``).

::

    from dateline.api import ApiConfig, create_app
    app = create_app(ApiConfig(db=Path("dateline.duckdb")))   # an ASGI app; uvicorn serves it

Read-only by default, DuckDB locked down (no external access, configuration locked), every
filter a bound parameter; see docs/api.md.
"""

from __future__ import annotations

from typing import Any

from .config import ApiConfig

__all__ = ["ApiConfig", "create_app"]


def create_app(config: ApiConfig) -> Any:
    """The ASGI application (imports FastAPI only when called)."""
    from .app import create_app as build

    return build(config)
