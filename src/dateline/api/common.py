"""What the routes share: the app's state, the unknown-parameter check, timed queries."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from fastapi import Request

from .config import ApiConfig
from .params import ParamError
from .storage import StoreHolder

__all__ = ["State", "reject_unknown_params", "state", "timed"]


class State:
    """Per-app objects: settings, the store connection, the lazily built pipeline."""

    def __init__(self, config: ApiConfig) -> None:
        self.config = config
        self.holder = StoreHolder(config.db, read_only=not config.allow_writes)
        self.pipeline: Any = None
        self.pipeline_lock = threading.Lock()  # building the pipeline
        self.run_lock = threading.Lock()  # one extraction or ingestion at a time

    def get_pipeline(self) -> Any:
        with self.pipeline_lock:
            if self.pipeline is None:
                if self.config.pipeline_factory is not None:
                    self.pipeline = self.config.pipeline_factory()
                else:
                    from ..pipeline import Pipeline
                    from ..settings import Settings

                    self.pipeline = Pipeline.from_settings(Settings())
            return self.pipeline


def state(request: Request) -> State:
    return request.app.state.dateline  # type: ignore[no-any-return]


_ALLOWED: dict[int, frozenset[str]] = {}


def reject_unknown_params(request: Request) -> None:
    """A 422 naming any query parameter the route does not declare, or one given twice."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant") or not request.url.path.startswith("/v1"):
        return  # static files and docs ignore query strings (cache busting)
    allowed = _ALLOWED.get(id(route))
    if allowed is None:
        allowed = _ALLOWED[id(route)] = frozenset(_query_names(route.dependant))
    seen: set[str] = set()
    for name, _ in request.query_params.multi_items():
        if name not in allowed:
            known = ", ".join(sorted(allowed)) or "none"
            raise ParamError(name, f"unknown parameter (this route takes: {known})")
        if name in seen:
            raise ParamError(name, "given more than once (use A|B for several values)")
        seen.add(name)


def _query_names(dependant: Any) -> Iterator[str]:
    """The query parameter names of a route and its dependencies."""
    for param in dependant.query_params:
        yield param.alias
    for sub in dependant.dependencies:
        yield from _query_names(sub)


@contextlib.contextmanager
def timed(cur: Any, seconds: float) -> Iterator[Any]:
    """Interrupt the DuckDB statement running on ``cur`` after ``seconds``."""
    timer = threading.Timer(seconds, cur.interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield cur
    finally:
        timer.cancel()
