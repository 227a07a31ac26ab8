"""The application factory: routes, middleware and one-line JSON errors."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import DatelineError, InputError, StoreError
from .common import State, reject_unknown_params
from .config import ApiConfig
from .middleware import BearerAuth, BodyLimit, SecurityHeaders
from .params import ParamError
from .storage import StoreBusy

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _validation_detail(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    loc = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body")]
    where = f"parameter {loc[-1]!r}: " if loc else ""
    return _one_line(f"{where}{first.get('msg', 'invalid value')}")


def _install_errors(app: FastAPI, config: ApiConfig) -> None:
    def detail(status: int, text: str, headers: dict[str, str] | None = None) -> JSONResponse:
        return JSONResponse({"detail": _one_line(text)}, status_code=status, headers=headers)

    @app.exception_handler(ParamError)
    async def param_error(request: Request, exc: ParamError) -> JSONResponse:
        return detail(422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return detail(422, _validation_detail(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return detail(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> JSONResponse:
        text = "the store is in use by another process (an ingestion?); try again later"
        return detail(503, text, {"Retry-After": str(config.retry_after)})

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> JSONResponse:
        return detail(400, str(exc))

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError) -> JSONResponse:
        text = str(exc).replace(str(config.db), config.db.name)  # no server paths in answers
        return detail(500 if isinstance(exc, StoreError) else 400, text)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        import duckdb

        if isinstance(exc, duckdb.InterruptException):
            return detail(504, f"the query took longer than the limit ({config.query_seconds:g} s); narrow it")
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return detail(500, f"internal error ({type(exc).__name__}); see the server log")


def create_app(config: ApiConfig) -> Any:
    """The ASGI application serving the store of ``config`` (wrapped in its middleware)."""
    from . import routes_events, routes_export, routes_misc, routes_places, routes_write, static

    app = FastAPI(
        title="dateline API",
        version=__version__,
        summary="Events read from the news: ACLED-compatible filters, sources and evidence for every event.",
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(reject_unknown_params)],
    )
    app.state.dateline = State(config)
    _install_errors(app, config)
    app.include_router(static.router)
    app.include_router(routes_misc.router)
    app.include_router(routes_events.router)
    app.include_router(routes_export.router)
    app.include_router(routes_places.router)
    app.include_router(routes_write.router)
    from . import routes_states  # place states (docs/states.md)

    app.include_router(routes_states.router)
    asgi: Any = app
    if config.token:
        asgi = BearerAuth(asgi, config.token)
    asgi = BodyLimit(asgi, config.max_body_bytes)
    asgi = SecurityHeaders(asgi)
    asgi.fastapi = app  # the framework app, for tests and the server's shutdown
    return asgi
