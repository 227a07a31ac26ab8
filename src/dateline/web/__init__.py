"""The web map: a single page served by ``dateline serve`` at ``/`` (files under ``static/``).

Nothing here runs at import; the API reads the files through :func:`static_dir` or
:func:`static_files`. The page loads events from ``GET /v1/events?format=geojson`` and one
event's sources from ``GET /v1/events/{id}``; every script, style and map outline is a file
of this package (no CDN, no tile server), so the map works with the network off.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["INDEX", "static_dir", "static_files"]

#: the page's file name under ``static/``
INDEX = "index.html"


def static_files() -> Traversable:
    """The ``static/`` folder as a package resource (works from a wheel or a checkout)."""
    return resources.files(__package__).joinpath("static")


def static_dir() -> Path:
    """The ``static/`` folder as a path on disk (for a static-files mount)."""
    return Path(str(static_files()))
