"""A small synthetic store (read-only, shared by the module) and a test client over it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from dateline.api import ApiConfig, create_app
from dateline.ingest import ingest
from dateline.ingest.synthetic import SyntheticPipeline, synthetic_corpus
from dateline.inputs import parse_jsonl_record
from dateline.settings import Settings
from dateline.store import open_store

N_DOCS = 240


def build_store(path: Path, n_docs: int = N_DOCS) -> Path:
    settings = Settings()
    docs = [parse_jsonl_record(json.dumps(d), f"syn:{i}", settings) for i, d in enumerate(synthetic_corpus(n_docs))]
    with open_store(path) as store:
        ingest(SyntheticPipeline(), docs, store, settings=settings)
    return path


@pytest.fixture(scope="session")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "syn.duckdb")


def client_for(config: ApiConfig) -> TestClient:
    return TestClient(create_app(config), raise_server_exceptions=False)


@pytest.fixture
def make_client() -> Any:
    """Build a test client from an ApiConfig (use it as a context manager)."""
    return client_for


@pytest.fixture(scope="session")
def client(synthetic_db: Path) -> Iterator[TestClient]:
    with client_for(ApiConfig(db=synthetic_db)) as c:
        yield c


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    """A client of an empty store that accepts writes (synthetic pipeline)."""
    with client_for(ApiConfig(db=tmp_path / "w.duckdb", allow_writes=True, pipeline_factory=SyntheticPipeline)) as c:
        yield c
