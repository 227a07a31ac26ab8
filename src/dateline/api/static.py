"""Static files: the web map of ``dateline.web`` (when installed) and the offline docs page.

Files are read through :mod:`importlib.resources`, by path segments checked one by one,
so no request can leave the package's folder.
"""

from __future__ import annotations

import mimetypes
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from fastapi import APIRouter, HTTPException, Response

__all__ = ["CONTENT_TYPES", "router", "safe_file", "web_root"]

router = APIRouter(include_in_schema=False)

#: content types by file ending (the platform's table is used for the rest)
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".geojson": "application/geo+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
    ".map": "application/json",
    ".pbf": "application/x-protobuf",
}


def web_root() -> Traversable | None:
    """``dateline.web``'s static folder, or None when that package is not there."""
    try:
        root = resources.files("dateline.web") / "static"
    except (ModuleNotFoundError, TypeError):
        return None
    return root if root.is_dir() else None


def _api_static() -> Traversable:
    return resources.files("dateline.api") / "static"


def safe_file(root: Traversable, path: str) -> Traversable | None:
    """The file at ``path`` under ``root``, or None (also for any attempt to step outside it)."""
    parts = path.split("/")
    if not path or any(p in ("", ".", "..") or "\\" in p or "\x00" in p or ":" in p for p in parts):
        return None
    node = root
    for part in parts:
        node = node / part
    return node if node.is_file() else None


def file_response(node: Traversable, *, cache: bool = True) -> Response:
    suffix = "." + node.name.rsplit(".", 1)[-1].lower() if "." in node.name else ""
    kind = CONTENT_TYPES.get(suffix) or mimetypes.guess_type(node.name)[0] or "application/octet-stream"
    headers = {"Cache-Control": "public, max-age=3600" if cache else "no-cache"}
    return Response(node.read_bytes(), media_type=kind, headers=headers)


@router.get("/")
def index() -> Any:
    root = web_root()
    page = safe_file(root, "index.html") if root is not None else None
    if page is None:
        return {"name": "dateline API", "docs": "/docs", "openapi": "/openapi.json", "api": "/v1",
                "health": "/v1/health", "events": "/v1/events"}  # fmt: skip
    return file_response(page, cache=False)


@router.get("/static/{path:path}")
def static(path: str) -> Response:
    root = web_root()
    node = safe_file(root, path) if root is not None else None
    if node is None:
        raise HTTPException(404, f"no static file {path!r}")
    return file_response(node)


@router.get("/docs")
def docs() -> Response:
    return file_response(_api_static() / "docs.html", cache=False)


@router.get("/docs-assets/{path:path}")
def docs_assets(path: str) -> Response:
    node = safe_file(_api_static(), path)
    if node is None or node.name == "docs.html":
        raise HTTPException(404, f"no docs file {path!r}")
    return file_response(node)
