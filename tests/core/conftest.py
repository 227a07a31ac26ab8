"""Fixtures shared by the core tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline import regex_cache


@pytest.fixture
def own_regex_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A test's own, empty regular-expression cache (``DATELINE_CACHE`` in its tmp_path)."""
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    regex_cache._reset_for_tests()
    yield
    regex_cache._reset_for_tests()
