"""The gazetteer seam (issue: Places)."""

from __future__ import annotations

from typing import Any

from ..errors import ResourceError
from ..settings import Settings

__all__ = ["load_gazetteer"]


def load_gazetteer(settings: Settings) -> Any:
    raise ResourceError("the gazetteer is not built yet")
