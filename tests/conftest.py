"""Shared test fixtures: paths to the repo's example and the read-only shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "afp_alqaim_2019.txt"


def _shared() -> Path | None:
    for cand in (REPO.parent / "shared", Path.cwd().parent / "shared"):
        if (cand / "eval" / "score.py").is_file():
            return cand
    return None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    found = _shared()
    if found is None:
        pytest.skip("the shared folder (../shared) is not here")
    return found


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE
