"""The API server's settings: one object, handed to :func:`dateline.api.create_app`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["ApiConfig"]


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """How the API serves a store.

    ``pipeline_factory`` builds the extraction pipeline on first use (a seam: tests pass
    a fake); ``token``, when set, is required as ``Authorization: Bearer TOKEN`` on every
    ``/v1`` route.
    """

    db: Path
    allow_writes: bool = False
    token: str | None = None
    max_body_bytes: int = 10_000_000  # request bodies larger than this get a 413
    max_batch_docs: int = 200  # documents in one POST /v1/articles JSONL body
    pipeline_seconds: float = 60.0  # time limit of one extraction request
    query_seconds: float = 30.0  # time limit of one store query (interrupted after it)
    retry_after: int = 5  # seconds a client should wait when the store is held by another process
    pipeline_factory: Callable[[], Any] | None = field(default=None, compare=False)
